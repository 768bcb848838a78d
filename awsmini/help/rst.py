"""The reStructuredText subset of help pages -> blocks -> a laid-out page.

Takes rst text as AWS CLI v2's help writer produces it (and as its example
files are written); places it on a `typeset.Page` as docutils' man page
writer followed by groff would. Grammar handled (indentation-based):

    document   = *( blank / block )
    block      = paragraph / literal / bullets / admonition / quote / comment
    paragraph  = 1*text-line            ; ends at a blank line or an indent change
    literal    = paragraph ending "::" followed by an indented block
    bullets    = 1*( ("* " / "- ") text *indented-line )
    admonition = ".. " ("note" / "warning" / "danger" / "important") "::" indented-block
    quote      = indented-block         ; after a blank line
    comment    = ".. " anything indented-block

Inline markup (``literal``, **strong**, *emphasis*, `title <url>`__ links)
is reduced to its text, as the plain page shows it. Pure: no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from awsmini.help.typeset import NBSP, NO_HYPHEN, Page

QUOTE_INDENT = 84          # `.INDENT 3.5` (3.5n) in groff units
BULLET_INDENT = 48         # `.IP \(bu 2`

_BULLET = re.compile(r"^[*+-]( +|$)")
_DIRECTIVE = re.compile(r"^\.\.\s+([\w-]+)::\s*(.*)$")
_ADMONITIONS = {"note": "NOTE:", "warning": "WARNING:", "danger": "DANGER:",
                "important": "IMPORTANT:", "tip": "TIP:", "caution": "CAUTION:",
                "attention": "ATTENTION:", "hint": "HINT:", "error": "ERROR:"}


@dataclass
class Block:
    """One rst body element: `kind` is para, literal, bullets, admonition or quote."""

    kind: str
    text: str = ""
    lines: list[str] = field(default_factory=list)
    children: list = field(default_factory=list)  # blocks; for bullets, one block list per item


# ------------------------------------------------------------------ parsing

def parse(text: str) -> list[Block]:
    """Blocks of an rst text."""
    return _parse(text.expandtabs(8).split("\n"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dedent(lines: list[str]) -> list[str]:
    widths = [_indent(line) for line in lines if line.strip()]
    cut = min(widths) if widths else 0
    return [line[cut:] if line.strip() else "" for line in lines]


def _indented_block(lines: list[str], start: int, min_indent: int = 1) -> int:
    """End of the run of blank or indented lines from `start`."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= min_indent):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _parse(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif _indent(line):
            end = _indented_block(lines, index)
            blocks.append(Block("quote", children=_parse(_dedent(lines[index:end]))))
            index = end
        elif _BULLET.match(line):
            index = _parse_bullets(lines, index, blocks)
        elif _DIRECTIVE.match(line):
            name, rest = _DIRECTIVE.match(line).groups()
            end = _indented_block(lines, index + 1)
            if name in _ADMONITIONS:
                body = ([rest] if rest else []) + _dedent(lines[index + 1:end])
                blocks.append(Block("admonition", text=_ADMONITIONS[name], children=_parse(body)))
            index = end
        elif line.startswith(".. ") or line.rstrip() == "..":
            index = _indented_block(lines, index + 1)
        else:
            index = _parse_paragraph(lines, index, blocks)
    return blocks


def _parse_bullets(lines: list[str], index: int, blocks: list[Block]) -> int:
    items = []
    while index < len(lines) and _BULLET.match(lines[index]):
        marker = _BULLET.match(lines[index]).end()
        width = marker if lines[index][marker:].strip() else 2
        end = _indented_block(lines, index + 1, width)
        body = [lines[index][marker:]] + [l[width:] if l.strip() else "" for l in lines[index + 1:end]]
        items.append(_parse(body))
        index = end
        while index < len(lines) and not lines[index].strip():
            index += 1
    blocks.append(Block("bullets", children=items))
    return index


def _parse_paragraph(lines: list[str], index: int, blocks: list[Block]) -> int:
    end = index
    while end < len(lines) and lines[end].strip() and not _indent(lines[end]):
        end += 1
    text = "\n".join(line.rstrip() for line in lines[index:end])
    if text.endswith("::") and end < len(lines):
        start = end
        while start < len(lines) and not lines[start].strip():
            start += 1
        if start < len(lines) and _indent(lines[start]):
            stop = _indented_block(lines, start)
            text = text[:-2].rstrip() if text[:-2].endswith((" ", "\n")) or text == "::" else text[:-1]
            if text.strip():
                blocks.append(Block("para", text=inline_text(text)))
            blocks.append(Block("literal", lines=_dedent(lines[start:stop])))
            return stop
    blocks.append(Block("para", text=inline_text(text)))
    return end


# ------------------------------------------------------------------ inline

_INLINE = re.compile(
    r"``(?P<literal>.+?)``"
    r"|`(?P<title>[^`<]*?)\s*<(?P<url>[^>`]*)>`__?"
    r"|`(?P<ref>[^`]+?)`__?"
    r"|:\w+:`(?P<role>[^`<]*?)(?:\s*<[^>`]*>)?`"
    r"|\*\*(?P<strong>.+?)\*\*"
    r"|\*(?P<emphasis>[^*\s](?:.*?[^*\s])?)\*",
    re.S)


def inline_text(text: str) -> str:
    """rst inline markup -> the plain text a man page shows (links by title)."""
    out = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(_unescape(text[position:match.start()]))
        groups = match.groupdict()
        if groups["literal"] is not None:
            out.append(groups["literal"])
        elif groups["url"] is not None:
            title = _unescape(groups["title"]) or groups["url"]
            out.append(NO_HYPHEN + title)
        elif groups["ref"] is not None:
            out.append(NO_HYPHEN + _unescape(groups["ref"]))
        elif groups["role"] is not None:
            out.append(_unescape(groups["role"]))
        else:
            out.append(_unescape(groups["strong"] or groups["emphasis"] or ""))
        position = match.end()
    out.append(_unescape(text[position:]))
    return _plain_chars("".join(out))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


_CHARS = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
          "\u2014": "--", "\u2026": "...", "\u2022": "o", "\u00a0": NBSP}


def _plain_chars(text: str) -> str:
    return "".join(_CHARS.get(char, char) for char in text)


# ------------------------------------------------------------------ placing

def place(page: Page, blocks: list[Block], indent: int, first_is_child: bool = False) -> None:
    """Lay out `blocks` at `indent` units as docutils' man writer and groff would.

    A paragraph gets a blank line before it unless it is the first element of
    its container (`first_is_child`): a quote, a list item or an admonition.
    """
    for number, block in enumerate(blocks):
        is_first = first_is_child and number == 0
        if block.kind == "para":
            if not is_first:
                page.space()
            page.paragraph(block.text, indent)
        elif block.kind == "literal":
            page.space()
            page.literal(block.lines, indent + QUOTE_INDENT)
        elif block.kind == "quote":
            place(page, block.children, indent + QUOTE_INDENT, first_is_child=True)
        elif block.kind == "admonition":
            page.space()
            page.paragraph(block.text, indent)
            place(page, block.children, indent + QUOTE_INDENT, first_is_child=True)
        elif block.kind == "bullets":
            _place_bullets(page, block, indent)


def _place_bullets(page: Page, block: Block, indent: int) -> None:
    for item in block.children:
        page.space()
        body = indent + BULLET_INDENT
        if item and item[0].kind == "para":
            page.paragraph(item[0].text, body, tag="o", tag_indent=indent)
            place(page, item[1:], body)
        else:
            page.paragraph("", body, tag="o", tag_indent=indent)
            place(page, item, body, first_is_child=True)
