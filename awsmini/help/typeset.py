"""Lay text out as `groff -m man -T ascii` does: fixed 78 columns, filled and justified.

Takes layout calls (headings, paragraphs, literal lines, bulleted items) with
indents in groff's horizontal units; returns the page as plain text lines.
AWS CLI v2 pipes its help through groff; scripts and eyes are used to that
layout, so this module reproduces groff's choices rather than inventing
nicer ones: greedy filling, hyphenation of the word that overflows (the last
fitting break wins, hyphenated or not), justification that spreads the spare
units over the spaces alternately from the right and from the left, and
grotty's rounding of unit positions down to character cells.
Beside each line, `Page.styles` holds one character per column: `b` bold
(headings, option names, literals), `u` underlined (emphasis, link titles),
space for roman, as groff's ASCII device marks them with overstrikes.
Pure: no I/O, no terminal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from awsmini.help.hyphenate import hyphen_points

UNIT = 24                  # groff units per character cell on -T ascii
PAGE_COLUMNS = 78          # the man macros' line length in nroff mode
BODY_INDENT = 7 * UNIT     # `.SH` bodies start at 7n
NO_HYPHEN = "\x1f"         # marks a word groff must not hyphenate (`\%`)
NBSP = "\xa0"              # a space that neither stretches nor breaks
# Font changes in the text (groff's \fB, \fI, \fP): they take no room on the page.
BOLD, UNDERLINE, ROMAN = "\x0e", "\x0f", "\x10"
_STYLE_OF = {BOLD: "b", UNDERLINE: "u", ROMAN: " "}

_SENTENCE_END = re.compile(r"[.?!][\"')\]*]*$")
_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass
class _Word:
    """A word. `explicit` are its `\\%` break points: where a word has any, groff
    breaks it only there and hyphenates no part of it on its own."""

    text: str
    can_hyphenate: bool = True
    known_cuts: tuple[int, ...] = ()  # break points found before this word was split
    explicit: tuple[int, ...] = ()
    styles: str = ""  # one style character per character of `text`; "" when all roman

    def split(self, cut: int) -> tuple["_Word", "_Word"]:
        """(the head with its hyphen, the rest); groff keeps the points it found in the rest."""
        styles = self.styles
        head = _Word(self.text[:cut] + "-", False,
                     styles=styles and styles[:cut] + styles[cut - 1])
        if cut in self.explicit:
            rest = tuple(point - cut for point in self.explicit if point > cut)
            return head, _Word(self.text[cut:], not rest, explicit=rest, styles=styles[cut:])
        kept = tuple(c - cut for c in _hyphen_cuts(self) if c > cut)
        return head, _Word(self.text[cut:], self.can_hyphenate, kept, styles=styles[cut:])


@dataclass
class _Space:
    width: int


@dataclass
class Page:
    """The page being set: its lines so far and groff's state between blocks."""

    lines: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # per line: a style character per column
    no_space: bool = True      # after a heading, `.sp` adds nothing (groff's no-space mode)
    from_left: bool = False    # direction of the next justification (groff's `reverse`)

    # ------------------------------------------------------------- blocks

    def heading(self, title: str) -> None:
        """`.SH title`: a blank line, the title (bold) at the margin, body text indented."""
        if self.lines and not self.no_space:
            self._add("")
        self._add(title, "b" * len(title))
        self.no_space = True

    def subheading(self, title: str) -> None:
        """`.SS title`: a blank line, the title (bold) at 3n."""
        if self.lines and not self.no_space:
            self._add("")
        title = plain(title)
        self._add(" " * 3 + title, "   " + "b" * len(title))
        self.no_space = True

    def space(self) -> None:
        """`.sp`: one blank line, unless the page is in no-space mode."""
        if not self.no_space:
            self._add("")

    def _add(self, line: str, styles: str = "") -> None:
        self.lines.append(line)
        self.styles.append(styles[:len(line)].ljust(len(line)))

    def paragraph(self, text: str, indent: int, tag: str = "", tag_indent: int = 0) -> None:
        """Fill and justify `text` (input lines separated by newlines) at `indent` units.

        With `tag` (a bullet), the first line starts with the tag at
        `tag_indent`, as `.IP` sets it when the tag fits before the indent.
        """
        indent = _to_cells(indent)
        tag_indent = _to_cells(tag_indent)
        target = PAGE_COLUMNS * UNIT - indent
        line: list = []
        prefix = (tag_indent, plain(tag), _styles_of(tag)) if tag else None
        for item in _tokens(text):
            if isinstance(item, _Space):
                if not line:
                    continue  # spaces at the start of an output line are discarded
                if isinstance(line[-1], _Space):
                    line[-1].width += item.width
                else:
                    line.append(item)
                while len(line) > 1 and _width(line[:-1]) > target:
                    done = self._break(line, target)
                    if done is None:
                        break
                    pre, line = done
                    self._emit(pre, indent, prefix, target, justify=True)
                    prefix = None
            else:
                line.append(item)
        while line and isinstance(line[-1], _Space):
            line.pop()
        if line or prefix:
            self._emit(line, indent, prefix, target, justify=False)

    def literal(self, lines: list[str], indent: int) -> None:
        """`.nf` lines: as given, at `indent` units."""
        indent = _to_cells(indent)
        for text in lines:
            self._add(*(_place([(indent, text, "")]) if text else ("", "")))
        self.no_space = False

    # ------------------------------------------------------------- filling

    def _break(self, line: list, target: int) -> tuple[list, list] | None:
        """Split an overflowing line at groff's break point: (line to output, rest).

        groff looks from the end: the hyphenation points of the last word, then
        the spaces. The first that fits wins; when none fits, the earliest.
        """
        last = len(line) - 2  # the word before the trailing space
        word = line[last]
        before = _width(line[:last])
        # (width of the line, cut in the last word or -index of a space); the trailing
        # space comes first: it is how an overlong word ends up alone on its line.
        options: list[tuple[int, int]] = [(before + _width([word]), -(len(line) - 1))]
        if isinstance(word, _Word):
            options += [(before + (cut + 1) * UNIT, cut) for cut in reversed(_hyphen_cuts(word))]
        options += [(_width(line[:index]), -index) for index in reversed(range(len(line) - 1))
                    if isinstance(line[index], _Space)]
        chosen = next((cut for width, cut in options if width <= target), options[-1][1])
        if chosen > 0:
            head, tail = word.split(chosen)
            return line[:last] + [head], [tail, line[-1]]
        return line[:-chosen], line[-chosen + 1:]

    def _emit(self, items: list, indent: int, prefix, target: int, justify: bool) -> None:
        """Place one output line; when `justify`, spread the spare units over its spaces."""
        spaces = [item for item in items if isinstance(item, _Space)]
        if justify:
            spare = target - _width(items)
            if spaces and spare > 0:
                order = spaces if self.from_left else list(reversed(spaces))
                count = len(order)
                for space in order:
                    extra = spare // count // UNIT * UNIT
                    space.width += extra
                    spare -= extra
                    count -= 1
            self.from_left = not self.from_left
        pieces = [prefix] if prefix else []
        position = indent
        for item in items:
            if isinstance(item, _Space):
                position += item.width
            else:
                pieces.append((position, item.text, item.styles))
                position += len(item.text) * UNIT
        self._add(*_place(pieces))
        self.no_space = False

    # ------------------------------------------------------------- page

    def finish(self, title: str) -> list[str]:
        """The page with groff's header and footer lines around it."""
        label = "%s()" % title.upper()
        right = max(0, PAGE_COLUMNS - len(label)) * UNIT
        header = _place([(0, label, ""), (right, label, "")])[0]  # a long right title overwrites
        footer = _place([(right, label, "")])[0]
        # The space before the footer is a `.sp`: after a bare heading there is none.
        gap = [] if self.no_space else ["", "", ""]
        self.styles = [""] * 4 + self.styles + [""] * len(gap) + [""]
        return [header, "", "", ""] + self.lines + gap + [footer]


def plain(text: str) -> str:
    """`text` without its font changes."""
    return text.replace(BOLD, "").replace(UNDERLINE, "").replace(ROMAN, "")


def _styles_of(text: str, style: str = " ") -> str:
    """A style character for each character of plain(text), starting in `style`."""
    out = []
    for char in text:
        if char in _STYLE_OF:
            style = _STYLE_OF[char]
        else:
            out.append(style)
    return "".join(out)


def _tokens(text: str):
    """Words and spaces of `text`; a newline is a space, and ends a sentence as groff sees it.

    Font changes take no room: each word carries the style of its characters.
    """
    style, source_line_before = " ", ""
    for number, source_line in enumerate(text.split("\n")):
        if number:
            ends_sentence = bool(_SENTENCE_END.search(plain(source_line_before)))
            yield _Space(UNIT * (2 if ends_sentence else 1))
        for piece in re.split(r"( +)", source_line):
            if not piece:
                continue
            if piece[0] == " ":
                yield _Space(UNIT * len(piece))
                continue
            styles = _styles_of(piece, style)
            for char in piece:
                style = _STYLE_OF.get(char, style)
            piece = plain(piece)
            if not piece:
                continue
            if NO_HYPHEN in piece:
                marks = [i for i, char in enumerate(piece) if char == NO_HYPHEN]
                points = tuple(at - number for number, at in enumerate(marks) if at - number)
                styles = "".join(s for s, char in zip(styles, piece) if char != NO_HYPHEN)
                yield _Word(piece.replace(NO_HYPHEN, ""), False, explicit=points,
                            styles=_or_roman(styles))
            else:
                yield _Word(piece, styles=_or_roman(styles))
        source_line_before = source_line.rstrip(" ")
    yield _Space(UNIT)  # the final newline: groff looks for a break here too


def _hyphen_cuts(word: _Word) -> list[int]:
    """Offsets in `word` after which groff may hyphenate it, ascending."""
    if word.explicit:
        return list(word.explicit)
    if not word.can_hyphenate or len(word.text) < 4:
        return []
    cuts = list(word.known_cuts)
    for run in _LETTERS.finditer(word.text):
        cuts.extend(run.start() + point for point in hyphen_points(run.group()))
    return sorted(set(cuts))


def _to_cells(units: int) -> int:
    """groff's rounding of a horizontal distance to the device's resolution (ties go down)."""
    return (units + UNIT // 2 - 1) // UNIT * UNIT


def _width(items: list) -> int:
    return sum(item.width if isinstance(item, _Space) else len(item.text) * UNIT for item in items)


def _or_roman(styles: str) -> str:
    return "" if not styles.strip() else styles


def _place(pieces: list[tuple[int, str, str]]) -> tuple[str, str]:
    """Text pieces (with their styles) at unit positions -> one line and its styles;
    grotty rounds positions down to cells."""
    out = marks = ""
    for position, text, styles in pieces:
        column = position // UNIT
        if column > len(out):
            out += " " * (column - len(out))
            marks += " " * (column - len(marks))
        out = out[:column] + text
        marks = marks[:column] + (styles or " " * len(text))
    out = out.replace(NBSP, " ").rstrip(" ")
    return out, marks[:len(out)]
