"""Set keys of one section in an INI text, as v2's `configure set` edits its files (pure).

`update_section(text, section, values)` returns the new text. Everything else
stays as it was: comments, blank lines, ordering, unknown keys and sections.
The rules follow v2's `awscli/customizations/configure/writer.py`:

* a key already in the section has its line replaced by `key = value`; a value
  of None deletes the line;
* a dict value is a sub-section: `key =` and then its `    sub = value` lines;
  sub keys already there are replaced in place, new ones follow the last line
  of the sub-section;
* new keys go after the last `key = value` line of the section, or, when the
  section is the last one, after the line that follows it;
* a section not in the text is appended: `[section]` and its lines, with no
  blank line before it (v2 adds none);
* a section is found by `[name]`, or `[profile "name"]` for `profile name`;
  comment lines are never taken for a header.

Grammar of the lines it recognises:
    header = *WSP "[" 1*(not "]") "]" *any
    option = 1*(not ":" / "=") *WSP (":" / "=") *WSP *any   ; anywhere in the line
"""
from __future__ import annotations

import re
from typing import Any, Mapping

SECTION = re.compile(r"^\s*\[(?P<header>[^]]+)\]")
OPTION = re.compile(r"(?P<key>[^:=][^:=]*)\s*[:=]\s*(?P<value>.*)$")
INDENT = "    "


class InvalidValue(ValueError):
    """A section, key or value with a line break: it would break the file."""


def check_values(section: str, values: Mapping[str, Any]) -> None:
    """InvalidValue with v2's wording when a name or value holds a newline or a carriage
    return; the message never quotes a value (it may be a secret)."""
    if _has_break(section):
        raise InvalidValue("Invalid section name: newline characters and carriage returns "
                           "are not allowed: %r" % section)
    for key, value in values.items():
        subvalues = value if isinstance(value, dict) else {None: value}
        for name, subvalue in [(key, None)] + list(subvalues.items()):
            if name is not None and _has_break(name):
                raise InvalidValue("Invalid key: newline characters and carriage returns "
                                   "are not allowed: %r" % name)
            if isinstance(subvalue, str) and _has_break(subvalue):
                raise InvalidValue("Invalid value for key %s: newline characters and "
                                   "carriage returns are not allowed." % key)


def _has_break(text: Any) -> bool:
    return isinstance(text, str) and ("\n" in text or "\r" in text)


def update_section(text: str, section: str, values: Mapping[str, Any]) -> str:
    """`text` with `values` set in `[section]` (added at the end when missing)."""
    check_values(section, values)
    lines = text.splitlines(keepends=True)
    start = find_section(lines, section)
    if start is None:
        return _append_section(text, section, values)
    pending = dict(values)
    last_option = start
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if SECTION.search(line):
            lines[last_option + 1:last_option + 1] = _new_lines(pending)
            return "".join(lines)
        match = OPTION.search(line)
        if match is not None:
            last_option = index
            key = match.group("key").strip()
            if key in pending:
                value = pending.pop(key)
                if isinstance(value, dict):
                    last_option = _update_subsection(lines, index, value, _indent(match))
                    index = last_option
                else:
                    lines[index] = "" if value is None else "%s = %s\n" % (key, value)
        index += 1
    new = _new_lines(pending)
    if new:
        if not lines[-1].endswith("\n"):
            lines.append("\n")
        # v2 adds them after the line that follows the section's last option (that
        # line is the newline just added when the file did not end with one)
        lines[last_option + 2:last_option + 2] = new
    return "".join(lines)


def _update_subsection(lines: list[str], index: int, values: dict[str, Any],
                       indent: int) -> int:
    """Set `values` in the sub-section whose `key =` line is `lines[index]`; the index
    of its last line afterwards."""
    pending = dict(values)
    last = index
    for position in range(index + 1, len(lines)):
        line = lines[position]
        match = OPTION.search(line)
        if SECTION.search(line) or match is None or _indent(match) <= indent:
            break
        key = match.group("key").strip()
        if key in pending:
            lines[position] = "%s%s = %s\n" % (" " * _indent(match), key, pending.pop(key))
        last = position
    new = ["%s%s = %s\n" % (INDENT, key, value) for key, value in pending.items()
           if value is not None]
    if new and not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines[last + 1:last + 1] = new
    return last + len(new)


def _indent(match: re.Match) -> int:
    key = match.group("key")
    return len(key) - len(key.lstrip())


def _new_lines(values: Mapping[str, Any], indent: str = "") -> list[str]:
    lines = []
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append("%s%s =\n" % (indent, key))
            lines += ["%s%s%s = %s\n" % (indent, INDENT, sub, subvalue)
                      for sub, subvalue in value.items() if subvalue is not None]
        elif value is not None:
            lines.append("%s%s = %s\n" % (indent, key, value))
    return lines


def _append_section(text: str, section: str, values: Mapping[str, Any]) -> str:
    separator = "\n" if text and not text.endswith("\n") else ""
    return text + separator + "[%s]\n" % section + "".join(_new_lines(values))


def find_section(lines: list[str], section: str) -> int | None:
    """The index of the header line of `section`, or None."""
    wanted = {"[%s]" % section}
    kind, _, name = section.partition(" ")
    if name:
        wanted.add('[%s "%s"]' % (kind, name))
    for index, line in enumerate(lines):
        if line.strip().startswith(("#", ";")):
            continue
        match = SECTION.search(line)
        if match is not None and match.group(0).strip() in wanted:
            return index
    return None
