"""Stage 5: the operation's words + its ArgSpec table -> raw values per argument.

Takes the argument table and the words left after the service and operation;
returns `ParsedArgs`: for each argument given, the raw value as argparse leaves
it (a str; a list of str for a list's `nargs`; an int for `long` and a float for
`float`/`double`, which v2 converts here; True/False for booleans and for
ec2's boolean structures given as flags). Like v2 it
is argparse underneath, so abbreviations, `--opt=value` and argparse's messages
(`argument --expected-version: invalid int value: 'seven'`, `the following
arguments are required: --job-id, --thing-name`) are v2's. Words no argument
takes raise `Unknown options: ...`, options first, as v2 lists them.
Converts no structured value; that is `values/`'s job.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.errors import ParamValidationError, UnknownOptionsError
from awsmini.globalopts import Parser

# argparse converts these types as v2 does; `integer` is left a string and
# converted later, so a bad integer is not an argparse error in v2 (exit 255).
_ARGPARSE_TYPES = {"long": int, "float": float, "double": float}
_NEGATIVE = "no "  # the parser's own name for a boolean structure's `--no-` flag


@dataclass(frozen=True)
class ParsedArgs:
    """Raw values of the arguments given: `members` fill input members (by cli
    name), `options` are the cli-only ones (`cli-input-json`, paging, outfile)."""

    members: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)


def parse_arguments(specs: Mapping[str, ArgSpec], words: Sequence[str],
                    relax_required: bool = False) -> ParsedArgs:
    """Parse `words` against the table; `relax_required` drops the required check
    (v2 does so when the values may come from `--cli-input-json` or a skeleton
    is asked for)."""
    parsed, extras = parse_known_arguments(specs, words, relax_required)
    if extras:
        options = [w for w in extras if w.startswith("-")]
        others = [w for w in extras if not w.startswith("-")]
        raise UnknownOptionsError("Unknown options: " + ", ".join(options + others))
    return parsed


def parse_known_arguments(specs: Mapping[str, ArgSpec], words: Sequence[str],
                          relax_required: bool = False) -> tuple[ParsedArgs, list[str]]:
    """Parse `words` against the table; also return the words no argument took, in order
    (hand-written commands report them in their own way)."""
    parser = _build_parser(specs, relax_required)
    namespace, extras = parser.parse_known_args(list(words))
    values = vars(namespace)
    for spec in specs.values():
        if spec.is_boolean_structure and values.pop(_NEGATIVE + spec.cli_name, None):
            if values.get(spec.cli_name) is not None:
                raise ParamValidationError('Cannot specify both the "%s" option and the "--%s" '
                                           'option.' % (spec.option, spec.negative_name))
            values[spec.cli_name] = False
    parsed = ParsedArgs()
    for name, value in values.items():
        if value is None:
            continue
        target = parsed.options if name not in specs or specs[name].is_cli_only else parsed.members
        target[name] = value
    return parsed, extras


def _build_parser(specs: Mapping[str, ArgSpec], relax_required: bool) -> Parser:
    parser = Parser()
    for spec in specs.values():
        # An argument with a hidden alias is not required while parsing: v2 clears
        # `required` on both names (customizations/utils.py, make_hidden_alias) and
        # leaves a missing one to the parameter validation.
        required = spec.is_required and not spec.aliases and not relax_required
        if spec.is_positional:
            parser.add_argument(spec.cli_name, nargs=spec.nargs or (None if required else "?"),
                                default=spec.default)
        elif spec.dest is not None:  # `--exclude` and `--include`: one list, in order
            parser.add_argument(spec.option, dest=spec.dest, action=_Collect, default=None,
                                metavar=spec.cli_name)
        elif spec.is_boolean:
            # v2 never requires a boolean while parsing (BooleanArgument.add_to_parser
            # passes no `required`): `--no-x` satisfies a required `--x`, and a
            # missing one is left to the parameter validation.
            parser.add_argument(spec.option, *_alias_options(spec), dest=spec.cli_name,
                                action="store_true", default=None)
            if spec.negative_name:
                parser.add_argument("--" + spec.negative_name, dest=spec.cli_name,
                                    action="store_false", default=None)
        elif spec.is_boolean_structure:
            # `--x` alone is True, `--x <value>` a value, `--no-x` (kept apart to
            # catch both being given) False
            parser.add_argument(spec.option, *_alias_options(spec), dest=spec.cli_name,
                                nargs="?", const=True, default=None, required=required)
            assert spec.negative_name is not None  # what makes it a boolean structure
            parser.add_argument("--" + spec.negative_name, dest=_NEGATIVE + spec.cli_name,
                                action="store_true", default=None)
        else:
            kwargs: dict[str, Any] = {"dest": spec.cli_name, "required": required}
            if spec.nargs:
                kwargs["nargs"] = spec.nargs
            if spec.const is not None:
                kwargs["const"] = spec.const
            if spec.choices:
                kwargs["choices"] = spec.choices
            if spec.type_name in _ARGPARSE_TYPES:
                kwargs["type"] = _ARGPARSE_TYPES[spec.type_name]
            if spec.is_repeatable:
                kwargs["action"] = "append"
            parser.add_argument(spec.option, *_alias_options(spec), **kwargs)
    return parser


class _Collect(argparse.Action):
    """Appends `(option name, value)` to the list its options share (v2's filters)."""

    def __call__(self, parser, namespace, values, option_string=None):
        collected = list(getattr(namespace, self.dest) or [])
        collected.append((self.metavar, values))
        setattr(namespace, self.dest, collected)


def _alias_options(spec: ArgSpec) -> list[str]:
    return ["--" + alias for alias in spec.aliases]
