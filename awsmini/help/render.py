"""Help sections -> the lines of the plain-text page, as `man` shows v2's help without overstrikes.

Takes the page title and its `pages.Section`s; returns the lines (78 columns,
header and footer included). Pure: no I/O.
"""
from __future__ import annotations

from typing import Iterable

from awsmini.help.pages import Section
from awsmini.help.rst import parse, place
from awsmini.help.typeset import BODY_INDENT, Page


def render_page(title: str, sections: Iterable[Section]) -> list[str]:
    """The page's lines, without line ends."""
    page = Page()
    for section in sections:
        page.heading(section.title)
        place(page, parse(section.body), BODY_INDENT)
    return page.finish(title)
