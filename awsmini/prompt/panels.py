"""A command line -> the text of the prompt's doc panel and output panel.

The doc panel shows the help of what the line names: the option under the
cursor (or whose value is being typed), then the operation's description and
its options, or the service's description, or the top level's, as plain
word-wrapped text. The output panel shows the operation's sample response,
`--generate-cli-skeleton output`'s (member names as string values, numbers
0), with the line's `--query` applied, in the line's `--output` format,
written by the `render` function `interactive.py` hands over (the formatters are the
driver's), else as JSON; `No output` when the operation returns nothing.
Pure apart from reading models; never imports `output`, `call` or prompt_toolkit.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Mapping

from awsmini import commands, models, resolve
from awsmini.globalopts import GLOBALS_BY_NAME
from awsmini.prompt.completions import LineContext, read_line
from awsmini.prompt.text import wrap
from awsmini.prompt.words import split_words
from awsmini.skeleton import generate_output, json_default

TOP_DESCRIPTION = ("The AWS Command Line Interface is a unified tool to manage your AWS "
                   "services.")


def _context(line: str, environ: Mapping[str, str]) -> tuple[LineContext, str]:
    words, current = split_words(line)
    texts = [w.text for w in words]
    context = read_line(texts + ([current.text] if current.text else []), environ)
    option = current.text if current.text.startswith("--") else ""
    if not option and context.pending is None and texts and texts[-1].startswith("--"):
        option = texts[-1]
    if context.pending is not None:
        option = "--" + context.pending
    return context, option.split("=")[0][2:]


def doc_text(line: str, environ: Mapping[str, str], width: int) -> str:
    """The doc panel's text for `line` (text before the cursor), wrapped to `width`."""
    try:
        context, option = _context(line, environ)
    except (LookupError, ValueError, OSError):
        return ""
    parts = []
    spec = context.specs.get(option)
    if spec is not None:
        parts.append("--%s (%s)\n\n%s" % (spec.cli_name, spec.type_name,
                                          wrap(spec.documentation, width)))
    elif option in GLOBALS_BY_NAME:
        glob = GLOBALS_BY_NAME[option]
        parts.append("--%s (%s)\n\n%s" % (glob.name, glob.type_name, wrap(glob.documentation, width)))
    parts.append(wrap(_command_doc(context, environ), width))
    if context.api_name is not None or context.command is not None:
        parts.append(_options_doc(context, width))
    return "\n\n".join(p for p in parts if p)


def _options_doc(context: LineContext, width: int) -> str:
    """`OPTIONS`: each option of the operation with its type and doc, indented."""
    lines = ["OPTIONS"]
    for spec in context.specs.values():
        required = ", required" if spec.is_required else ""
        lines += ["", "%s (%s%s)" % (spec.option, spec.type_name, required)]
        body = wrap(spec.documentation, width - 4)
        lines += ["    " + line if line else "" for line in body.splitlines()]
    return "\n".join(lines)


def _command_doc(context: LineContext, environ: Mapping[str, str]) -> str:
    if not context.is_valid or context.service is None:
        return TOP_DESCRIPTION
    if context.command is not None:
        return context.command.description
    if commands.is_whole_family(context.service):
        return commands.family_module(context.service).DESCRIPTION  # type: ignore[union-attr]
    service = resolve.service_name(context.service)
    if context.api_name is not None:
        model = models.load_operation(service, context.api_name, environ)
        return model.operations[context.api_name].get("documentation", "")
    first = models.operation_names(service, environ)[:1]
    if not first:
        return ""
    return models.load_operation(service, first[0], environ).data.get("documentation", "")


# (data, output format, operation API name) -> the text `--output` prints for it.
RenderOutput = Callable[[Any, str, str], str]


def output_text(line: str, environ: Mapping[str, str],
                render: RenderOutput | None = None) -> str:
    """The output panel's text for `line`; "" when the line names no operation."""
    try:
        context, _ = _context(line, environ)
    except (LookupError, ValueError, OSError):
        return ""
    if context.api_name is None or context.service is None:
        return ""
    model = models.load_operation(resolve.service_name(context.service), context.api_name, environ)
    if not model.operations[context.api_name].get("output", {}).get("shape"):
        return "No output"
    data: Any = generate_output(model, context.api_name)
    query = context.values.get("query")
    if query:
        try:
            import jmespath

            data = jmespath.search(query, data)
        except Exception:  # a query being typed is often not valid yet
            pass
    output = context.values.get("output") or "json"
    if render is not None:
        try:
            return render(data, output, context.api_name).rstrip("\n")
        except Exception:  # an output value still being typed
            pass
    return json.dumps(data, indent=4, default=json_default)
