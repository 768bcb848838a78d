"""Models + a partial command line -> the completion candidates, with their docs.

Takes the text of the prompt's line up to the cursor (without the `aws ` prefix)
and the environment; returns `Completions`: where the word being completed
starts and the candidates for it, ranked as AWS CLI v2 ranks them. The first
source that applies wins, in v2's order: `--region` names, `--profile` names,
`file://` paths, values of global options, values of an operation's option
(enums, booleans, shorthand keys, then server-side values), then commands and
options.

Server-side values come from `server`, a `ServerLookup` the caller may pass
(`server_values.ServerValues` in the prompt): it answers at once with what it
has, so completing stays as quick as the rest. They follow the option's enum
values (v2 shows only the server's), duplicates left out, in the API's order,
and are fuzzy-filtered like every other candidate.

Line grammar, as far as completion needs it (words are shell words):
    line    = *global-option [service *global-option [operation *(option / value)]]
    option  = "--" name ["=" value]

Candidates are ranked by `candidates.fuzzy_filter` (v2's fuzzy filter).

Pure apart from reading models (through `models`, `resolve`), the user's
config file names, a directory listing for `file://` and what `server` says;
never opens a connection and never imports prompt_toolkit.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from awsmini import commands, models, resolve
from awsmini.arguments import ArgSpec, build_arguments, cli_name
from awsmini.globalopts import GLOBAL_OPTIONS, GLOBALS_BY_NAME
from awsmini.prompt import query_path, s3_paths, shorthand_path
from awsmini.prompt.candidates import META_DOC_WIDTH, Candidate, Completions, fuzzy_filter, meta_for
from awsmini.prompt.sources import profile_names, region_names, service_names
from awsmini.prompt.words import quote_words, split_words
from awsmini.values import paramfile

AUTO_PROMPT_FLAGS = ("cli-auto-prompt", "no-cli-auto-prompt")
# The global options that change where and how a list call for server-side values goes.
CLIENT_OPTIONS = tuple(spec.name for spec in GLOBAL_OPTIONS if spec.is_client_option)
# (service, operation API name, option, client options of the line) -> values known now.
ServerLookup = Callable[[str, str, ArgSpec, Sequence[str]], Sequence[str]]


# ------------------------------------------------------------------- the line

@dataclass
class LineContext:
    """What the complete words of a line say: the command and the options given."""

    service: str | None = None        # the service's command name as typed
    api_name: str | None = None
    command: commands.CustomCommand | None = None  # or the hand-written command named
    specs: Mapping[str, ArgSpec] = field(default_factory=dict)
    given: set = field(default_factory=set)   # option names present, without dashes
    pending: str | None = None        # option whose value the current word is
    pending_values: list = field(default_factory=list)  # values a pending list has already
    values: dict = field(default_factory=dict)  # global option name -> value typed
    waiting: bool = False             # the operation word was `wait`: a waiter name comes next
    positionals: int = 0              # words a hand-written command takes as positionals
    is_valid: bool = True             # False after an unknown service or operation


def read_line(words: Sequence[str], environ: Mapping[str, str]) -> LineContext:
    """Walk the complete words of a line: global options, service, operation, options."""
    context = LineContext()
    operation_word = None
    expecting: str | None = None
    for word in words:
        if expecting is not None:
            if expecting in GLOBALS_BY_NAME and expecting not in context.specs:
                context.values[expecting] = word
            spec = context.specs.get(expecting)
            expecting = None
            if spec is not None and spec.takes_words:
                context.pending = spec.cli_name  # a list takes more words
                context.pending_values = [word]
            continue
        if context.pending is not None and not word.startswith("-"):
            context.pending_values.append(word)  # a list's next value, as argparse reads it
            continue
        context.pending = None
        if word.startswith("--"):
            name, has_value, value = word[2:].partition("=")
            context.given.add(name)
            if has_value:
                if name in GLOBALS_BY_NAME:
                    context.values[name] = value
            elif _takes_value(name, context):
                expecting = name
        elif context.service is None:
            context.service = word
        elif operation_word is None:
            operation_word = word
            _resolve(context, word, environ)
        elif context.waiting and context.api_name is None:
            _resolve_waiter(context, word, environ)
        elif context.command is not None:
            context.positionals += 1
    if expecting is not None:
        context.pending = expecting
    if context.service is not None and not _service_exists(context.service, environ):
        context.is_valid = False
    return context


def _takes_value(name: str, context: LineContext) -> bool:
    spec = context.specs.get(name)
    if spec is not None:
        return not spec.is_boolean
    option = GLOBALS_BY_NAME.get(name)
    return option is not None and option.takes_value


def _resolve(context: LineContext, operation: str, environ: Mapping[str, str]) -> None:
    if not _service_exists(context.service or "", environ):
        context.is_valid = False
        return
    command = commands.command_named(context.service or "", operation)
    if command is not None:
        context.command = command
        context.specs = command.argument_table()
        return
    if commands.is_whole_family(context.service or ""):
        context.is_valid = False
        return
    service = resolve.service_name(context.service or "")
    api_name = resolve.operation_table(service, environ).get(operation)
    if api_name is None and operation == resolve.WAIT and models.waiters(service, environ):
        context.waiting = True
        return
    if api_name is None:
        context.is_valid = False
        return
    _use_operation(context, service, api_name, environ, operation)


def _resolve_waiter(context: LineContext, waiter: str, environ: Mapping[str, str]) -> None:
    """`wait <waiter>`: the options are those of the operation the waiter polls."""
    service = resolve.service_name(context.service or "")
    name = resolve.waiter_table(service, environ).get(waiter)
    if name is None:
        context.is_valid = False
        return
    _use_operation(context, service, models.waiters(service, environ)[name]["operation"], environ)


def _use_operation(context: LineContext, service: str, api_name: str,
                   environ: Mapping[str, str], operation: str | None = None) -> None:
    """The operation's arguments; `operation` names the command when it is not the
    operation's own name (rds's `add-option-to-option-group`)."""
    from awsmini.custom import lookup

    model = models.load_operation(service, api_name, environ)
    context.api_name = api_name
    context.specs = build_arguments(model, api_name, context.service or "",
                                    lookup(context.service or "", operation or cli_name(api_name)))


def _service_exists(service_cli: str, environ: Mapping[str, str]) -> bool:
    return commands.is_whole_family(service_cli) or service_cli in service_names(environ)


# --------------------------------------------------------------- completing

def complete(line: str, environ: Mapping[str, str], server: ServerLookup | None = None,
             listing: Callable | None = None) -> Completions:
    """The candidates for the last word of `line` (the text before the cursor).

    `listing` (an `s3_paths.Listing`) answers `s3://` paths of the `s3` commands."""
    words, current = split_words(line)
    context = read_line([w.text for w in words], environ)
    word = current.text
    if (listing is not None and context.command is not None and context.pending is None
            and word.startswith("s3://")):
        return Completions(word, tuple(s3_paths.candidates(word, client_args(context),
                                                           listing)))
    candidates = _candidates(context, word, environ, server)
    if len(candidates) == 1 and candidates[0].text == word:
        return Completions(word)  # v2 shows no menu for a word that is already complete
    return Completions(word, tuple(candidates))


def every_candidate(line: str, environ: Mapping[str, str]) -> Completions:
    """The candidates for the last word of `line`, fuzzy-matched, keeping one that is
    the word itself (a shell's Tab then ends the word); no server-side values."""
    words, current = split_words(line)
    context = read_line([w.text for w in words], environ)
    return Completions(current.text, tuple(_candidates(context, current.text, environ)))


def _candidates(context: LineContext, word: str, environ: Mapping[str, str],
                server: ServerLookup | None = None) -> list[Candidate]:
    if not context.is_valid:
        return []
    if context.pending is not None and not (word.startswith("-") and _is_list(context)):
        return value_candidates(context, word, environ, server)
    if word.startswith(paramfile.PREFIXES):
        return path_candidates(word)
    if context.service is None:
        if word.startswith("-"):
            return fuzzy_filter(_global_candidates(context), word, key=lambda c: c.text)
        return fuzzy_filter(service_candidates(environ), word, key=lambda c: c.text)
    if context.api_name is None and context.command is None:
        if word.startswith("-"):
            return fuzzy_filter(_global_candidates(context), word, key=lambda c: c.text)
        if commands.is_whole_family(context.service):
            return fuzzy_filter([Candidate(name) for name in
                                 commands.subcommand_words(context.service)], word)
        service = resolve.service_name(context.service)
        if context.waiting:
            waiters = sorted(resolve.waiter_table(service, environ))
            return fuzzy_filter([Candidate(name) for name in waiters],
                                word)
        names = list(resolve.operation_table(service, environ))
        extra = commands.subcommand_words(context.service) + (
            [resolve.WAIT] if models.waiters(service, environ) else [])
        if extra:  # a hand-written command may replace an operation of its name
            names = sorted(set(names + extra))
        return fuzzy_filter([Candidate(name) for name in names], word)
    if context.command is not None and not word.startswith("-"):
        words = _command_word_candidates(context, word)
        if words:
            return words if word else words + option_candidates(context, word)
    return option_candidates(context, word)


def _command_word_candidates(context: LineContext, word: str) -> list[Candidate]:
    """The declared values of a hand-written command's first positional word
    (`configure get`'s config names), while it has not been typed."""
    if context.command is None or context.positionals:
        return []
    return fuzzy_filter([Candidate(value) for value in context.command.word_values], word)


def _is_list(context: LineContext) -> bool:
    spec = context.specs.get(context.pending or "")
    return spec is not None and spec.takes_words


def service_candidates(environ: Mapping[str, str]) -> list[Candidate]:
    """Every service, hand-written command family (`s3`) and `[toplevel]` alias,
    alphabetical, with the service's full name (an alias's value) as meta."""
    names = dict(service_names(environ))
    names.update((word, "") for word in commands.whole_families())
    for name, value in _toplevel_aliases(environ).items():
        names.setdefault(name, value if len(value) <= META_DOC_WIDTH
                         else value[:META_DOC_WIDTH] + "...")
    return [Candidate(name, meta=names[name]) for name in sorted(names)]


def _toplevel_aliases(environ: Mapping[str, str]) -> Mapping[str, str]:
    """The user's top-level aliases (v2's prompt does not offer them); none when
    the alias file is unreadable: running the line reports that."""
    from awsmini.aliases import read_aliases
    from awsmini.errors import AwsminiError

    try:
        return read_aliases(environ).get((), {})
    except AwsminiError:
        return {}


def option_candidates(context: LineContext, word: str) -> list[Candidate]:
    """The operation's options not yet given, then the global ones; required first."""
    entries = []
    for spec in context.specs.values():
        if spec.is_positional or not spec.is_documented:
            continue
        twins = _twins(spec)
        for name in [spec.cli_name] + twins:
            if name not in context.given and not (twins and _either_given(spec, twins, context)):
                entries.append(Candidate(
                    "--" + name, display="--%s (required)" % name if spec.is_required else "",
                    meta=meta_for(spec.type_name, spec.documentation), is_required=spec.is_required))
    entries += _global_candidates(context)
    matched = fuzzy_filter(entries, word, key=lambda c: c.text)
    return [c for c in matched if c.is_required] + [c for c in matched if not c.is_required]


def _twins(spec: ArgSpec) -> list[str]:
    """`--no-x` beside `--x`: every boolean member's, a hand-written flag's when declared."""
    if spec.is_boolean and spec.is_cli_only:
        return [spec.negative_name] if spec.negative_name else []
    return ["no-" + spec.cli_name] if spec.is_boolean or spec.is_boolean_structure else []


def _either_given(spec: ArgSpec, twins: list[str], context: LineContext) -> bool:
    return any(name in context.given for name in [spec.cli_name] + twins)


def _global_candidates(context: LineContext) -> list[Candidate]:
    return [Candidate("--" + option.name, meta=meta_for(option.type_name, option.documentation))
            for option in GLOBAL_OPTIONS
            if option.name not in AUTO_PROMPT_FLAGS and option.name not in context.given
            and option.name not in context.specs]


# ------------------------------------------------------------------- values

def value_candidates(context: LineContext, word: str, environ: Mapping[str, str],
                     server: ServerLookup | None = None) -> list[Candidate]:
    """Candidates for the value of the option `context.pending`."""
    name = context.pending or ""
    if word.startswith(paramfile.PREFIXES):
        return path_candidates(word)
    spec = context.specs.get(name)
    if spec is None:
        if name == "region":
            return fuzzy_filter([Candidate(r) for r in region_names()], word)
        if name == "profile":
            return fuzzy_filter([Candidate(p) for p in profile_names(environ)], word)
        if name == "query" and context.api_name is not None:
            return query_path.candidates(_operation_model(context, environ), context.api_name,
                                         word)
        option = GLOBALS_BY_NAME.get(name)
        return fuzzy_filter([Candidate(c) for c in option.choices] if option else [], word)
    if context.command is not None:
        return _command_value_candidates(context.command, spec, word)
    model = _operation_model(context, environ)
    shape = model.shape(spec.shape_name) if spec.shape_name else {}
    if shape.get("type") == "list" and not word.startswith("["):
        shape = model.shapes.get(shape["member"]["shape"], {})  # one word, one element
    if shape.get("type") in ("structure", "map", "list"):
        return shorthand_path.candidates(model, spec.shape_name, word)
    values = _scalar_values(shape)
    if server is not None and shape.get("type") == "string" and not spec.is_cli_only:
        found = server(resolve.service_name(context.service or ""), context.api_name or "",
                       spec, client_args(context))
        values += [value for value in dict.fromkeys(found) if value not in values]
    if context.pending_values:  # a list's values already given are not offered again
        values = [value for value in values if value not in context.pending_values]
    return fuzzy_filter([Candidate(v) for v in values], word)


def _command_value_candidates(command: commands.CustomCommand, spec: ArgSpec,
                              word: str) -> list[Candidate]:
    """A hand-written option's declared values, or shorthand keys of its shape."""
    if spec.shape_name:
        model = models.ServiceModel(command.name, "", {"shapes": command.shapes})
        return shorthand_path.candidates(model, spec.shape_name, word)
    values = list(spec.choices or ()) or (["true", "false"] if spec.is_boolean else [])
    return fuzzy_filter([Candidate(v) for v in values], word)


def client_args(context: LineContext) -> list[str]:
    """The global options on the line that decide where a list call goes, as argv."""
    args: list[str] = []
    for name in CLIENT_OPTIONS:
        if name not in context.given or name in context.specs:
            continue
        if GLOBALS_BY_NAME[name].takes_value:
            if name in context.values:
                args += ["--" + name, context.values[name]]
        else:
            args.append("--" + name)
    return args


def _operation_model(context: LineContext, environ: Mapping[str, str]) -> models.ServiceModel:
    return models.load_operation(resolve.service_name(context.service or ""),
                                 context.api_name or "", environ)


def _scalar_values(shape: Mapping) -> list[str]:
    if "enum" in shape:
        return list(shape["enum"])
    if shape.get("type") == "boolean":
        return ["true", "false"]
    return []


def path_candidates(word: str) -> list[Candidate]:
    """Files and directories for a `file://` or `fileb://` word; directories end with `/`."""
    scheme, _, path = word.partition("://")
    directory, _, partial = path.rpartition("/")
    listing_dir = os.path.expanduser(directory + "/" if directory or path.startswith("/") else ".")
    try:
        names = sorted(os.listdir(listing_dir))
    except OSError:
        return []
    prefix = scheme + "://" + (directory + "/" if directory or path.startswith("/") else "")
    entries = []
    for name in names:
        is_dir = os.path.isdir(os.path.join(listing_dir, name))
        shown = name + ("/" if is_dir else "")
        entries.append(Candidate(prefix + shown, display=shown))
    return fuzzy_filter(entries, partial, key=lambda c: c.label)


# ------------------------------------------------------------------ prefill

def initial_line(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The prompt's starting text: argv without `--cli-auto-prompt`, shell-quoted.

    A space is appended when the last word is complete, so the menu shows the
    next level: when it has no completions (v2), and also when it is an exact
    command or option name or an option's value (v2 would list look-alikes).
    """
    text = quote_words(argv)
    if text and _is_complete(text, environ):
        text += " "
    return text


def _is_complete(text: str, environ: Mapping[str, str]) -> bool:
    words, current = split_words(text)
    context = read_line([w.text for w in words], environ)
    if not context.is_valid or context.pending is not None:
        return True
    found = complete(text, environ).candidates
    return not found or any(c.text == current.text for c in found)
