"""The reStructuredText subset of help pages -> blocks -> a laid-out page.

Takes rst text as AWS CLI v2's help writer produces it (and as its example
files are written); places it on a `typeset.Page` as docutils' man page
writer followed by groff would. Grammar handled (indentation-based):

    document   = *( blank / block )
    block      = paragraph / literal / bullets / admonition / quote / comment / definition / title
    paragraph  = 1*text-line            ; ends at a blank line or an indent change
    literal    = paragraph ending "::" followed by an indented block
    bullets    = 1*( ("* " / "- " / enumerator) text *indented-line )
    enumerator = (1*DIGIT / "#") ("." / ")") / "(" (1*DIGIT / "#") ")"
    admonition = ".. " ("note" / "warning" / "danger" / "important") "::" indented-block
    quote      = indented-block         ; after a blank line
    comment    = ".. " anything indented-block
    definition = text-line indented-block   ; no blank line between: shown as `.TP`
    title      = text-line underline-line   ; a subsection (`.SS`) of the section

Inline markup is reduced to text by `inline.py`. Pure: no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from awsmini.help.inline import inline_text
from awsmini.help.typeset import NO_HYPHEN, Page, plain

QUOTE_INDENT = 84          # `.INDENT 3.5` (3.5n) in groff units
TAG_INDENT = 168           # `.TP`: the man macros' default indent, 7n
BULLET_INDENT = 48         # `.IP \(bu 2`

_BULLET = re.compile("^[-*+\u2022\u2023\u2043]( +|$)")
_ENUMERATOR = re.compile(r"^((?:\d+|#)[.)]|\((?:\d+|#)\))( +|$)")
_DIRECTIVE = re.compile(r"^\.\.\s+([\w-]+)::\s*(.*)$")
_ADMONITIONS = {"note": "NOTE:", "warning": "WARNING:", "danger": "DANGER:",
                "important": "IMPORTANT:", "tip": "TIP:", "caution": "CAUTION:",
                "attention": "ATTENTION:", "hint": "HINT:", "error": "ERROR:"}


@dataclass
class Block:
    """One rst body element: para, literal, bullets, admonition, quote, definition or title.

    Bullets keep each item's tag (`o`, or its number) in `lines`.
    """

    kind: str
    text: str = ""
    lines: list[str] = field(default_factory=list)
    children: list = field(default_factory=list)  # blocks; for bullets, one block list per item


# ------------------------------------------------------------------ parsing

def parse(text: str) -> list[Block]:
    """Blocks of an rst text."""
    return _parse(_Lines.of(text.expandtabs(8).split("\n")))


class _Lines:
    """A block of the text's lines as a nested level sees them: `cut` columns in
    (the first line `first_cut` in, for a list item's or a directive's first line).

    Nested blocks are views of the one list of lines, so a deeply nested
    document is not copied once per level; a line's text is cut only when read.
    `code` has one character per line, chr(indent + 1), or NUL when it is
    blank: the ends and shared indents of blocks are found by searching it.
    """

    __slots__ = ("raw", "code", "start", "stop", "cut", "first_cut")

    def __init__(self, raw: list[str], code: str, start: int, stop: int, cut: int,
                 first_cut: int | None = None) -> None:
        self.raw, self.code = raw, code
        self.start, self.stop, self.cut, self.first_cut = start, stop, cut, first_cut

    @classmethod
    def of(cls, raw: list[str]) -> "_Lines":
        code = "".join(chr(len(line) - len(line.lstrip(" ")) + 1) if line.strip() else "\0"
                       for line in raw)
        return cls(raw, code, 0, len(raw), 0)

    def __len__(self) -> int:
        return self.stop - self.start

    def __getitem__(self, index: int) -> str:
        line = self.raw[self.start + index]
        if index == 0 and self.first_cut is not None:
            return line[self.first_cut:]
        return "" if self.code[self.start + index] == "\0" else line[self.cut:]

    def blank(self, index: int) -> bool:
        if index == 0 and self.first_cut is not None:
            return not self[0].strip()
        return self.code[self.start + index] == "\0"

    def indent(self, index: int) -> int:
        if index == 0 and self.first_cut is not None:
            line = self[0]
            return len(line) - len(line.lstrip(" "))
        mark = self.code[self.start + index]
        return 0 if mark == "\0" else ord(mark) - 1 - self.cut

    def shallower(self, start: int, indent: int) -> int:
        """The first line from `start` that is not blank and indented less than `indent`."""
        if start == 0 and self.first_cut is not None:
            if not self.blank(0) and self.indent(0) < indent:
                return 0
            start = 1
        found = _shallower(self.cut + indent).search(self.code, self.start + start, self.stop)
        return found.start() - self.start if found else len(self)

    def view(self, start: int, stop: int, cut: int, first_cut: int | None = None) -> "_Lines":
        """Lines `start:stop`, `cut` more columns in; the first `first_cut` more
        columns into its text as read here, when given."""
        if first_cut is not None:
            own = self.first_cut if start == 0 and self.first_cut is not None else self.cut
            first_cut += own
        return _Lines(self.raw, self.code, self.start + start, self.start + stop,
                      self.cut + cut, first_cut)

    def dedented(self, start: int, stop: int) -> "_Lines":
        """Lines `start:stop` without the indent they all share."""
        marks = self.code[self.start + start:self.start + stop].replace("\0", "")
        return self.view(start, stop, ord(min(marks)) - 1 - self.cut if marks else 0)

    def texts(self, start: int, stop: int) -> list[str]:
        return [self[index] for index in range(start, stop)]


_shallower_patterns: dict[int, re.Pattern] = {}


def _shallower(indent: int) -> re.Pattern:
    """A pattern for the code of a non-blank line indented less than `indent`."""
    if indent not in _shallower_patterns:
        _shallower_patterns[indent] = re.compile(
            "[\x01-%s]" % re.escape(chr(indent)) if indent >= 1 else "(?!)")
    return _shallower_patterns[indent]


def _indented_block(lines: _Lines, start: int, min_indent: int = 1) -> int:
    """End of the run of blank or indented lines from `start`."""
    end = lines.shallower(start, min_indent) if start < len(lines) else start
    while end > start and lines.blank(end - 1):
        end -= 1
    return end


def _parse(lines: _Lines) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if lines.blank(index):
            index += 1
        elif lines.indent(index):
            end = _indented_block(lines, index)
            blocks.append(Block("quote", children=_parse(lines.dedented(index, end))))
            index = end
        elif _is_title(lines, index):
            blocks.append(Block("title", text=inline_text(line.strip())))
            index += 2
        elif _BULLET.match(line):
            index = _parse_bullets(lines, index, blocks, _BULLET)
        elif _ENUMERATOR.match(line) and _is_item_end(lines, index + 1):
            index = _parse_bullets(lines, index, blocks, _ENUMERATOR)
        elif (directive := _DIRECTIVE.match(line)) is not None:
            name, rest = directive.groups()
            end = _indented_block(lines, index + 1)
            body = lines.dedented(index + 1, end)
            if rest:  # the directive line's own text comes first
                body = lines.view(index, end, body.cut - lines.cut, directive.start(2))
            if name in _ADMONITIONS and any(not body.blank(i) for i in range(len(body))):
                # without content docutils reports an error and shows no admonition
                blocks.append(Block("admonition", text=_ADMONITIONS[name], children=_parse(body)))
            index = end
        elif line.startswith(".. ") or line.rstrip() == "..":
            index = _indented_block(lines, index + 1)
        else:
            index = _parse_paragraph(lines, index, blocks)
    return blocks


def _is_title(lines: _Lines, index: int) -> bool:
    """A line underlined with one punctuation character, at least as long: a section title."""
    if index + 1 >= len(lines):
        return False
    title, under = lines[index].rstrip(), lines[index + 1].rstrip()
    return (len(under) >= max(len(title), 2) and len(set(under)) == 1
            and under[0] in "=-~^*+#`:'\"._" and bool(title.strip()))


def _is_item_end(lines: _Lines, index: int) -> bool:
    """An enumerator starts a list only when the next line is blank or indented."""
    return index >= len(lines) or lines.blank(index) or lines.indent(index) > 0


def _parse_bullets(lines: _Lines, index: int, blocks: list[Block], marker: re.Pattern) -> int:
    items: list[list[Block]] = []
    tags: list[str] = []
    while index < len(lines) and (match := marker.match(lines[index])) is not None:
        width = match.end() if lines[index][match.end():].strip() else len(match.group(1)) + 1
        end = _indented_block(lines, index + 1, width)
        items.append(_parse(lines.view(index, end, width, match.end())))
        tag = "o" if marker is _BULLET else match.group(1)
        if "#" in tag:  # auto-numbered: one more than the item before
            previous = re.search(r"\d+", tags[-1]) if tags else None
            tag = tag.replace("#", str(int(previous.group()) + 1 if previous else 1))
        tags.append(tag)
        index = end
        while index < len(lines) and lines.blank(index):
            index += 1
    blocks.append(Block("bullets", lines=tags, children=items))
    return index


def _parse_paragraph(lines: _Lines, index: int, blocks: list[Block]) -> int:
    end = index
    while end < len(lines) and not lines.blank(end) and not lines.indent(end):
        end += 1
    if end == index + 1 and end < len(lines) and not lines.blank(end):
        # one line directly followed by an indented block: a definition list item
        stop = _indented_block(lines, end)
        blocks.append(Block("definition", text=inline_text(lines[index].rstrip()),
                            children=_parse(lines.dedented(end, stop))))
        return stop
    text = "\n".join(line.rstrip() for line in lines.texts(index, end))
    if text.endswith("::") and end < len(lines):
        start = end
        while start < len(lines) and lines.blank(start):
            start += 1
        if start < len(lines) and lines.indent(start):
            stop = _indented_block(lines, start)
            text = text[:-2].rstrip() if text[:-2].endswith((" ", "\n")) or text == "::" else text[:-1]
            if text.strip():
                blocks.append(Block("para", text=inline_text(text)))
            literal = lines.dedented(start, stop)
            blocks.append(Block("literal", lines=literal.texts(0, len(literal))))
            return stop
    blocks.append(Block("para", text=inline_text(text)))
    return end


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
        elif block.kind == "definition":
            _place_definition(page, block, indent)
        elif block.kind == "title":
            page.subheading(block.text)


def _place_definition(page: Page, block: Block, indent: int) -> None:
    """`.TP`: the term, then its body 7n in; on the term's line when the term is short."""
    page.space()
    body = indent + TAG_INDENT
    children = block.children
    term_fits = (len(plain(block.text).replace(NO_HYPHEN, "")) + 1) * 24 <= TAG_INDENT
    if term_fits and children and children[0].kind == "para":
        page.paragraph(children[0].text, body, tag=block.text.replace(NO_HYPHEN, ""),
                       tag_indent=indent)
        place(page, children[1:], body)
        return
    page.paragraph(block.text, indent)
    place(page, children, body, first_is_child=True)


def _place_bullets(page: Page, block: Block, indent: int) -> None:
    """`.IP \\(bu 2` per bullet item; `.IP 1. 3` (enumerator width plus one) when numbered."""
    width = BULLET_INDENT if block.lines[0] == "o" else (max(map(len, block.lines)) + 1) * 24
    for tag, item in zip(block.lines, block.children):
        page.space()
        body = indent + width
        if item and item[0].kind == "para":
            page.paragraph(item[0].text, body, tag=tag, tag_indent=indent)
            place(page, item[1:], body)
        else:
            page.paragraph("", body, tag=tag, tag_indent=indent)
            place(page, item, body, first_is_child=True)
