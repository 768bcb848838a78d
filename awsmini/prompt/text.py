"""Model documentation (HTML) -> plain text for menus and the doc panel.

Takes the `documentation` strings of service models; returns text with the
markup removed: one line for a menu's meta column, or paragraphs word-wrapped
to a width for the doc panel (v2 shows `**` markup and breaks words in the
middle; we do neither). Pure.
"""
from __future__ import annotations

import html
import re
import textwrap

_TAG = re.compile(r"<[^>]*>")
_BLOCK = re.compile(r"</?(p|ul|ol|li|br|dl|dt|dd|note|important|para|h\d)\b[^>]*>", re.I)
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"\*\*|``")


def plain_text(documentation: str) -> str:
    """The documentation as one line of text."""
    # Block tags separate words; inline ones (<code>, <a>) sit inside a sentence
    # ("set <code>force</code>, then" must not become "force , then").
    text = _TAG.sub("", _BLOCK.sub(" ", documentation or ""))
    text = html.unescape(_MARKUP.sub("", text))
    return _SPACE.sub(" ", text).strip()


def paragraphs(documentation: str) -> list[str]:
    """The documentation split into paragraphs and list items (items start with `* `)."""
    # `<li><p>text</p>`: the item's text stays on its marker's line.
    marked = re.sub(r"<li\b[^>]*>(\s*<(p|para)\b[^>]*>)*", "\n\n* ", documentation or "",
                    flags=re.I)
    marked = _BLOCK.sub("\n\n", marked)
    result = []
    for block in re.split(r"\n\s*\n", marked):
        text = plain_text(block)
        if text and text != "*":  # an empty item
            result.append(text)
    return result


def wrap(documentation: str, width: int) -> str:
    """The documentation as paragraphs word-wrapped to `width` columns."""
    width = max(width, 10)
    lines: list[str] = []
    for paragraph in paragraphs(documentation):
        indent = "  " if paragraph.startswith("* ") else ""
        lines += textwrap.wrap(paragraph, width, subsequent_indent=indent,
                               break_long_words=True, break_on_hyphens=False) or [""]
        lines.append("")
    return "\n".join(lines).rstrip("\n")
