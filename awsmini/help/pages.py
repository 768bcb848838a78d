"""Model data -> the rst sections of the three help pages, in AWS CLI v2's words and order.

Takes the model slice of an operation (with its ArgSpec table), a service's
documentation and operation names, or the list of services; returns
`Section`s (a heading and its rst body) that `render.py` lays out. Mirrors
v2's help writer: what each section says, how options, their nested members,
constraints and syntax samples are written. Pure: no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from awsmini.arguments import ArgSpec
from awsmini.globalopts import GLOBAL_OPTIONS
from awsmini.help.rstdoc import RstDoc
from awsmini.help.syntax import SCALAR_TYPES, json_example, shorthand_example, supports_shorthand


TOP_DESCRIPTION = "The AWS Command Line Interface is a unified tool to manage your AWS services."
TOP_USAGE = ("Use *aws command help* for information on a specific command. Use *aws help "
             "topics* to view a list of available help topics. The synopsis for each command "
             "shows its parameters and their usage. Optional parameters are shown in square "
             "brackets.")


@dataclass(frozen=True)
class Section:
    """One `.SH` section: its heading and rst body."""

    title: str
    body: str


@dataclass(frozen=True)
class OperationHelp:
    """What the operation page needs, gathered by the caller from the model."""

    cli_name: str
    api_name: str
    documentation: str
    service_uid: str | None
    shapes: Mapping[str, Any]
    arguments: tuple[ArgSpec, ...]     # documented arguments in table order, paging ones included
    output_shape: str | None
    input_shape: str | None = None
    examples: str | None = None       # v2's example rst for this operation, when there is one
    note: str | None = None           # v2's note after the description (HTML), for a few
    output_note: str | None = None    # v2's OUTPUT section in place of the output shape's
    option_notes: Mapping[str, str] = field(default_factory=dict)  # after an option's members
    # deprecated output member -> (the member replacing it, its type, its documentation)
    output_replacements: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)
    usage: str | None = None          # a hand-written command's positional words (`<S3Uri>`)

    @property
    def is_hand_written(self) -> bool:
        """v2 documents its hand-written commands a little differently: flags without
        `<value>`, the positional words as its usage, no OUTPUT section."""
        return self.usage is not None


# ------------------------------------------------------------------ operation page

def operation_sections(op: OperationHelp) -> list[Section]:
    """NAME, DESCRIPTION, SYNOPSIS, OPTIONS, GLOBAL OPTIONS, [EXAMPLES,] OUTPUT."""
    sections = [Section("NAME", op.cli_name + " -"),
                Section("DESCRIPTION", _description(op)),
                Section("SYNOPSIS", _synopsis(op)),
                Section("OPTIONS", _options(op)),
                Section("GLOBAL OPTIONS", global_options_rst())]
    if op.examples:
        sections.append(Section("EXAMPLES", _examples(op.examples)))
    if not op.is_hand_written:
        sections.append(Section("OUTPUT", _output(op)))
    return sections


def _description(op: OperationHelp) -> str:
    doc = RstDoc()
    doc.include_html(op.documentation)
    if op.service_uid:
        doc.new_paragraph()
        doc.write("See also: ")
        doc.write("AWS API Documentation")
        doc.writeln("")
    if op.note:
        doc.new_paragraph()
        doc.start_admonition("note")
        doc.include_html(op.note)
        doc.end_admonition()
    return doc.text()


def _groups(arguments: Iterable[ArgSpec]) -> list[tuple[ArgSpec, ...]]:
    """Arguments as v2 documents them: a boolean with its `--no-` twin, the cli-input pair;
    the undocumented ones left out."""
    table = {spec.cli_name: spec for spec in arguments if spec.is_documented}
    groups: list[tuple[ArgSpec, ...]] = []
    done: set[str] = set()
    for spec in table.values():
        if spec.cli_name in done:
            continue
        group: tuple[ArgSpec, ...] = (spec,)
        if spec.is_boolean and not spec.is_cli_only:
            # v2 gives every boolean member a negative twin, documented with it
            group = (spec, ArgSpec("no-" + spec.cli_name, spec.member_name, spec.shape_name,
                                   "boolean", is_cli_only=True))
        elif spec.is_boolean_structure or (spec.is_boolean and spec.negative_name):
            # ec2's `--x | --no-x` structures, and hand-written flags with a twin
            group = (spec, ArgSpec(spec.negative_name or "", spec.member_name, spec.shape_name,
                                   "boolean", is_cli_only=True))
        elif (spec.is_boolean and spec.is_cli_only and "no-" + spec.cli_name in table
              and table["no-" + spec.cli_name].is_boolean):
            # a hand-written `--x` and its separate `--no-x` (v2's group_name)
            group = (spec, table["no-" + spec.cli_name])
        elif spec.cli_name == "cli-input-json" and "cli-input-yaml" in table:
            group = (spec, table["cli-input-yaml"])
        done.update(member.cli_name for member in group)
        groups.append(group)
    return groups


def _synopsis(op: OperationHelp) -> str:
    doc = RstDoc()
    doc.start_codeblock()
    doc.writeln(op.cli_name)
    # a usage of several lines gives one to each positional word, in order (`ddb put`)
    usages = op.usage.split("\n") if op.usage else []
    positionals = 0
    for group in _groups(op.arguments):
        spec = group[0]
        if len(group) > 1:
            text = " | ".join(member.option for member in group)
        elif spec.is_positional:
            text = usages[min(positionals, len(usages) - 1)] if usages else (
                "<%s>" % spec.cli_name)
            positionals += 1
        elif op.is_hand_written and spec.is_boolean:
            text = spec.option
        elif op.is_hand_written and spec.nargs == "+":
            text = "%s <value> [<value>...]" % spec.option
        else:
            text = "%s <value>" % spec.option
        doc.writeln(text if spec.is_required or spec.is_positional else "[%s]" % text)
    for option in GLOBAL_OPTIONS:
        doc.writeln("[--%s]" % option.name if option.type_name == "boolean"
                    else "[--%s <value>]" % option.name)
    doc.end_codeblock()
    return doc.text()


def _options(op: OperationHelp) -> str:
    doc = RstDoc()
    if not op.arguments:
        doc.write("*None*\n")
    for group in _groups(op.arguments):
        spec = group[0]
        names = " | ".join("``%s``" % member.option for member in group)
        required = " [required]" if spec.is_required and not spec.is_positional else ""
        member = op.shapes.get(op.input_shape or "", {}).get("members", {}).get(spec.member_name, {})
        doc.write("%s (%s)%s\n" % (names, _type_name(member, spec.type_name), required))
        doc.indent()
        doc.include_html(spec.documentation)
        if op.is_hand_written and (spec.choices or spec.shape_name):
            doc.new_paragraph()  # its text is one line, not an html paragraph
        if op.is_hand_written and spec.choices and not spec.shape_name:  # its values
            _document_shape_details(doc, {"": {"enum": spec.choices}}, "")
        shapes, spec = _without_hidden_members(op.shapes, spec)
        if spec.shape_name and spec.shape_name in shapes:
            _document_shape_details(doc, shapes, spec.shape_name)
            _document_members(doc, shapes, spec.shape_name, [], is_input=True)
        doc.dedent()
        doc.new_paragraph()
        if spec.cli_name in op.option_notes:  # v2 writes it at the option's level
            doc.include_html(op.option_notes[spec.cli_name])
            doc.new_paragraph()
        # v2 writes no syntax for a group: its example follows the group's documentation
        if spec.shape_name and spec.shape_name in shapes and len(group) == 1:
            _syntax_samples(doc, shapes, spec)
    return doc.text()


def _without_hidden_members(shapes: Mapping[str, Any],
                            spec: ArgSpec) -> tuple[Mapping[str, Any], ArgSpec]:
    """The shapes and the argument as its page shows them: a structure whose members
    v2 moved to another argument (`--code` without `ZipFile`) under a name of its own."""
    if not spec.hidden_members or spec.shape_name not in shapes:
        return shapes, spec
    shape = shapes[spec.shape_name]
    name = "%s (%s)" % (spec.shape_name, spec.cli_name)
    members = {key: value for key, value in shape.get("members", {}).items()
               if key not in spec.hidden_members}
    return {**shapes, name: {**shape, "members": members}}, replace(spec, shape_name=name)


def _type_name(member: Mapping[str, Any], type_name: str) -> str:
    """`JSON` for a string sent as a JSON header value (v2 documents it so), else the type."""
    if member.get("jsonvalue") and member.get("location") == "header" and type_name == "string":
        return "JSON"
    return type_name


def _document_shape_details(doc: RstDoc, shapes: Mapping[str, Any], name: str) -> None:
    """Possible values of an enum, then the shape's constraints (min, max, pattern)."""
    shape = shapes[name]
    if shape.get("enum"):
        doc.new_paragraph()
        doc.write("Possible values:")
        doc.start_ul()
        for value in shape["enum"]:
            doc.li("``%s``" % value)
        doc.end_ul()
    constraints = [(key, shape[key]) for key in ("min", "max", "pattern") if key in shape]
    if constraints:
        doc.new_paragraph()
        doc.write("Constraints:")
        doc.start_ul()
        for key, value in constraints:
            doc.li("%s: ``%s``" % (key, value) if key == "pattern" else "%s: %s" % (key, value))
        doc.end_ul()


def _document_members(doc: RstDoc, shapes: Mapping[str, Any], name: str, stack: list[str],
                      is_input: bool) -> None:
    """Nested members of a structure, map or list ("name -> (type)").

    Input members also show `[required]`, possible values and constraints.
    """
    shape = shapes[name]
    kind = shape.get("type")
    if kind == "structure":
        required = set(shape.get("required", [])) if is_input else set()
        for member_name, member in shape.get("members", {}).items():
            _document_member(doc, shapes, member_name, member["shape"], stack,
                             member.get("documentation"), member_name in required, is_input,
                             member)
    elif kind == "map":
        for role in ("key", "value"):
            ref = shape[role]
            _document_member(doc, shapes, ref.get("locationName", role), ref["shape"], stack,
                             None, False, is_input)
    elif kind == "list":
        _document_member(doc, shapes, "", shape["member"]["shape"], stack, None, False, is_input)


def _document_member(doc: RstDoc, shapes: Mapping[str, Any], member_name: str, name: str,
                     stack: list[str], documentation: str | None, is_required: bool,
                     is_input: bool, ref: Mapping[str, Any] | None = None) -> None:
    if stack.count(name) > 1:
        if shapes[name].get("type") == "structure":
            doc.write("( ... recursive ... )")
        return
    stack.append(name)
    try:
        shape = shapes[name]
        kind = shape.get("type", "string")
        type_name = _type_name(ref or {}, kind)
        label = "%s -> (%s)" % (member_name, type_name) if member_name else "(%s)" % type_name
        doc.write(label + (" [required]" if is_required else ""))
        doc.indent()
        doc.new_paragraph()
        doc.include_html(documentation if documentation is not None else shape.get("documentation", ""))
        if is_input:
            _document_shape_details(doc, shapes, name)
        doc.new_paragraph()
        if kind in ("structure", "map", "list"):
            _document_members(doc, shapes, name, stack, is_input)
        doc.dedent()
        doc.new_paragraph()
    finally:
        stack.pop()


def _syntax_samples(doc: RstDoc, shapes: Mapping[str, Any], spec: ArgSpec) -> None:
    name = spec.shape_name
    shape = shapes[name]
    if supports_shorthand(shapes, name):
        sample = shorthand_example(shapes, name, spec.option)
        if sample is None:
            return
        if sample:
            doc.new_paragraph()
            doc.write("Shorthand Syntax")
            doc.start_codeblock()
            for line in sample.splitlines():
                doc.writeln(line)
            doc.end_codeblock()
    if shape.get("type") == "list" and shapes[shape["member"]["shape"]].get("type") in SCALAR_TYPES:
        member = shapes[shape["member"]["shape"]]
        value = '"string"' if member.get("type", "string") == "string" else member.get("type")
        doc.new_paragraph()
        doc.write("Syntax")
        doc.start_codeblock()
        doc.write("%s %s ..." % (value, value))
        if member.get("enum"):
            doc.new_paragraph()
            doc.write("Where valid values are:\n")
            for enum in member["enum"]:
                doc.write("    %s\n" % enum)
            doc.write("\n")
        doc.end_codeblock()
        doc.new_paragraph()
    elif spec.type_name not in SCALAR_TYPES:
        doc.new_paragraph()
        doc.write("JSON Syntax")
        doc.start_codeblock()
        lines = json_example(shapes, name)
        doc.write(lines[0])
        for line in lines[1:]:
            doc.new_line()
            doc.write(line)
        doc.end_codeblock()
        doc.new_paragraph()


def global_options_rst() -> str:
    """The GLOBAL OPTIONS section body, shared by the top and operation pages."""
    doc = RstDoc()
    for option in GLOBAL_OPTIONS:
        doc.writeln("``--%s`` (%s)" % (option.name, option.type_name))
        doc.new_paragraph()
        doc.write(option.documentation)
        if option.choices:
            doc.start_ul()
            for choice in option.choices:
                doc.li(choice)
            doc.end_ul()
        doc.new_paragraph()
    return doc.text()


_EXAMPLES_NOTE = (
    "<p>To use the following examples, you must have the AWS CLI installed and configured. See "
    "the <a href='https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-getting-started.html'>"
    "Getting started guide</a> in the <i>AWS CLI User Guide</i> for more information.</p>"
    "<p>Unless otherwise stated, all examples have unix-like quotation rules. These examples "
    "will need to be adapted to your terminal's quoting rules. See <a href='https://docs.aws."
    "amazon.com/cli/latest/userguide/cli-usage-parameters-quoting-strings.html'>Using quotation "
    "marks with strings</a> in the <i>AWS CLI User Guide</i>.</p>")


def _examples(examples: str) -> str:
    doc = RstDoc()
    doc.start_admonition("note")
    doc.include_html(_EXAMPLES_NOTE)
    doc.end_admonition()
    doc.write(examples)
    return doc.text()


def _output(op: OperationHelp) -> str:
    doc = RstDoc()
    if op.output_note:
        doc.write(op.output_note)
        return doc.text()
    shape = op.shapes.get(op.output_shape or "", {})
    if not shape.get("members"):
        doc.write("None")
        return doc.text()
    for member_name, member in shape.get("members", {}).items():
        _document_member(doc, op.shapes, member_name, member["shape"], [],
                         member.get("documentation"), False, False, member)
        if member_name in op.output_replacements:
            _document_replacement(doc, member_name, *op.output_replacements[member_name])
    return doc.text()


def _document_replacement(doc: RstDoc, deprecated: str, name: str, type_name: str,
                          documentation: str) -> None:
    """v2's note on a deprecated output member, then the member replacing it
    (awscli/customizations/s3events.py: `Expires` and `ExpiresString`)."""
    doc.start_admonition("note")
    doc.include_html("<p>This member has been deprecated. Please use <code>%s</code> "
                     "instead.</p>" % name)
    doc.end_admonition()
    doc.new_paragraph()
    doc.write("%s -> (%s)" % (name, type_name))
    doc.indent()
    doc.new_paragraph()
    doc.include_html(documentation)
    doc.dedent()
    doc.new_paragraph()


# ------------------------------------------------------------------ service and top pages

def service_sections(service_cli_name: str, documentation: str,
                     operations: Iterable[str], note: str | None = None) -> list[Section]:
    """NAME, DESCRIPTION (with v2's note for the service, if any), AVAILABLE COMMANDS."""
    description = RstDoc()
    description.include_html(documentation)
    if note:
        description.new_paragraph()
        description.start_admonition("note")
        description.include_html(note)
        description.end_admonition()
    return [Section("NAME", service_cli_name + " -"),
            Section("DESCRIPTION", description.text()),
            Section("AVAILABLE COMMANDS", _bullet_list(operations))]


def family_sections(name: str, documentation: str, commands: Iterable[str]) -> list[Section]:
    """A hand-written family's page (`s3`), as v2 documents a command with subcommands:
    NAME, DESCRIPTION, SYNOPSIS, OPTIONS (none), AVAILABLE COMMANDS."""
    description = RstDoc()
    description.include_html(documentation)
    synopsis = RstDoc()
    synopsis.codeblock("aws %s <Command> [<Arg> ...]" % name)
    return [Section("NAME", name + " -"),
            Section("DESCRIPTION", description.text()),
            Section("SYNOPSIS", synopsis.text()),
            Section("OPTIONS", "*None*\n"),
            Section("AVAILABLE COMMANDS", _bullet_list(commands))]


def _bullet_list(names: Iterable[str]) -> str:
    doc = RstDoc()
    doc.start_ul()
    for name in names:
        doc.li(name)
    doc.end_ul()
    return doc.text()


def top_sections(services: Iterable[str]) -> list[Section]:
    """NAME, DESCRIPTION, SYNOPSIS, GLOBAL OPTIONS, AVAILABLE SERVICES, SEE ALSO."""
    synopsis = RstDoc()
    synopsis.codeblock("aws [options] <command> <subcommand> [parameters]")
    synopsis.write(TOP_USAGE)
    return [Section("NAME", "aws -"),
            Section("DESCRIPTION", TOP_DESCRIPTION),
            Section("SYNOPSIS", synopsis.text()),
            Section("GLOBAL OPTIONS", global_options_rst()),
            Section("AVAILABLE SERVICES", _bullet_list(services)),
            Section("SEE ALSO", "* aws help topics\n")]
