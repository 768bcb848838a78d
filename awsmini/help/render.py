"""Help sections -> the lines of the page, as `man` shows v2's help.

Takes the page title and its `pages.Section`s; returns the lines (78 columns,
header and footer included), plain by default. `mark` turns a line and its
styles (see `typeset.Page.styles`) into the text a terminal shows: `overstrike`
as groff's ASCII device writes bold (`X\\bX`) and underline (`_\\bX`) for a man
pager, or `ansi` for a terminal read directly. Pure: no I/O.
"""
from __future__ import annotations

from typing import Callable, Iterable

from awsmini.help.pages import Section
from awsmini.help.rst import parse, place
from awsmini.help.typeset import BODY_INDENT, Page

Mark = Callable[[str, str], str]  # (line, styles) -> the line as shown


def render_page(title: str, sections: Iterable[Section], mark: Mark | None = None) -> list[str]:
    """The page's lines, without line ends."""
    page = Page()
    for section in sections:
        page.heading(section.title)
        place(page, parse(section.body), BODY_INDENT)
    lines = page.finish(title)
    if mark is None:
        return lines
    return [mark(line, styles) for line, styles in zip(lines, page.styles)]


def overstrike(line: str, styles: str) -> str:
    """Bold as `X\\bX`, underline as `_\\bX` (spaces stay plain), as `less` and `man` read them."""
    out = []
    for char, style in zip(line, styles.ljust(len(line))):
        if char == " " or style == " ":
            out.append(char)
        elif style == "b":
            out.append(char + "\b" + char)
        else:
            out.append("_\b" + char)
    return "".join(out)


_ANSI = {"b": "\x1b[1m", "u": "\x1b[4m"}


def ansi(line: str, styles: str) -> str:
    """Bold and underline as terminal escape sequences (spaces are not underlined)."""
    out, current = [], " "
    for char, style in zip(line, styles.ljust(len(line))):
        if char == " ":
            style = " "
        if style != current:
            out.append("\x1b[0m" if style == " " else ("\x1b[0m" if current != " " else "")
                       + _ANSI[style])
            current = style
        out.append(char)
    if current != " ":
        out.append("\x1b[0m")
    return "".join(out)
