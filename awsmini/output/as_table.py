"""`--output table`: one document -> AWS CLI v2's boxed table.

Layout (v2's `TableFormatter` and `MultiTable`):

- The document becomes a list of sections, each with a title, optional column
  headers, rows and an indent level. A mapping gives one section: its scalar
  keys (sorted) as headers over one row of values -- a single scalar key gives
  a `key | value` row instead -- then one nested section per non-scalar key
  (sorted), one level deeper. A list of mappings gives one section whose
  headers are the union of the scalar keys, one row per item; when the items
  have nested values each item starts a new section with the same title.
  A list of scalars gives one row per item.
- Every section is drawn at the width of the widest one (columns plus 4
  padding each, 2 border characters, 2 per indent level). When that exceeds
  the terminal width, sections with headers and exactly one row are turned
  into two-column `header | value` sections first.
- Column widths are the natural widths scaled to the section's width and
  rounded, the rounding error removed from the first columns (or added to the
  last ones). Text length counts East Asian "W", "F" and "A" characters as 2.
- Titles are centred; cells are left-aligned after two spaces (no padding
  when the cell would not fit). Each indent level adds a `|` on both sides.
- Colour: cells bold blue, indent bars dim yellow, and v2's colorama
  `autoreset` adds a reset after every write, which we reproduce byte for byte.

Pure: no I/O.
"""
from __future__ import annotations

import unicodedata
from typing import Any, Iterator

from awsmini.output.as_text import scalar_text

RESET = "\x1b[0m"
_CELL = "\x1b[1m\x1b[34m"
_BAR = "\x1b[2m\x1b[33m|" + RESET


class _Section:
    """One titled block: headers, rows of cell strings, and each cell's text length."""

    __slots__ = ("title", "headers", "header_lengths", "rows", "lengths", "indent", "widths",
                 "columns")

    def __init__(self, title: str | None, indent: int) -> None:
        self.title = title
        self.indent = indent
        self.headers: list[str] = []
        self.header_lengths: list[int] = []
        self.rows: list[list[str]] = []
        self.lengths: list[list[int]] = []
        self.widths: list[int] = []
        self.columns: int | None = None

    def add_headers(self, headers: list[str]) -> None:
        self.header_lengths = [text_length(header) for header in headers]
        self._widen(self.header_lengths)
        if self.columns is None:
            self.columns = len(headers)
        self.headers = headers

    def add_row(self, row: Any) -> None:
        cells = [cell if isinstance(cell, str) else scalar_text(cell) for cell in row]
        if self.columns is None:
            self.columns = len(cells)
        if len(cells) != self.columns:
            raise ValueError("Row should have %s elements, instead it has %s"
                             % (self.columns, len(cells)))
        lengths = [len(cell) if cell.isascii() else text_length(cell) for cell in cells]
        self.rows.append(cells)
        self.lengths.append(lengths)
        self._widen(lengths)

    def _widen(self, lengths: list[int]) -> None:
        if not self.widths:
            self.widths = list(lengths)
        else:
            self.widths = [a if a > b else b for a, b in zip(self.widths, lengths)]

    def total_width(self) -> int:
        widths = self.widths
        columns = sum(widths) + 4 * len(widths) + 2 + 2 * self.indent
        # a section with no title (a list's later elements in a list) measures as the
        # word None, as v2's str() of it does; none is drawn
        title = text_length(str(self.title)) + 2 + 2 * self.indent
        return title if title > columns else columns

    def column_widths(self, width: int) -> list[int]:
        """The natural widths (plus padding 4) scaled to add up to `width`."""
        natural = [w + 4 for w in self.widths]
        if not natural:
            return natural
        factor = width / float(sum(natural))
        scaled = [int(round(factor * w)) for w in natural]
        off_by = sum(scaled) - width
        while off_by:
            order = range(len(scaled)) if off_by > 0 else reversed(range(len(scaled)))
            for i in order:
                if off_by > 0:
                    scaled[i] -= 1
                    off_by -= 1
                else:
                    scaled[i] += 1
                    off_by += 1
                if not off_by:
                    break
        return scaled


def render(data: Any, options: Any) -> Iterator[str]:
    """The table of `data` under `options.title`, in chunks; nothing for an empty value."""
    sections: list[_Section] = []
    if not _build(sections, options.title, data, 0):
        return
    pending: list[str] = []
    for line in _layout(sections, options.width, options.color):
        pending.append(line)
        if len(pending) >= 2048:
            yield "".join(pending)
            pending.clear()
    if pending:
        yield "".join(pending)


# ------------------------------------------------------------------ building

def _build(sections: list, title: str | None, current: Any, indent: int) -> bool:
    if not current:
        return False
    if title is not None:
        sections.append(_Section(title, indent))
    if isinstance(current, list):
        if isinstance(current[0], dict):
            _build_from_list(sections, current, indent, title)
        else:
            for item in current:
                if not isinstance(item, (list, dict)):
                    sections[-1].add_row([item])
                elif all(not isinstance(el, (list, dict)) for el in item):
                    sections[-1].add_row(item)
                else:
                    _build(sections, None, item, 0)
    if isinstance(current, dict):
        _build_from_dict(sections, current, indent)
    return True


def _build_from_dict(sections: list, current: dict, indent: int) -> None:
    headers, nested = _group_keys(current)
    section = sections[-1]
    if len(headers) == 1:
        section.add_row([headers[0], current[headers[0]]])
    elif headers:
        section.add_headers(headers)
        section.add_row([current[key] for key in headers])
    for key in nested:
        _build(sections, key, current[key], indent + 1)


def _build_from_list(sections: list, current: list, indent: int, title: str | None) -> None:
    headers_seen: set = set()
    nested_seen: set = set()
    for item in current:
        scalar, nested = _group_keys(item)
        headers_seen.update(scalar)
        nested_seen.update(nested)
    headers = sorted(headers_seen)
    nested_keys = sorted(nested_seen)
    sections[-1].add_headers(headers)
    first = True
    for element in current:
        if not first and nested_keys:
            sections.append(_Section(title, indent))
            sections[-1].add_headers(headers)
        first = False
        sections[-1].add_row([element.get(key, "") for key in headers])
        for key in nested_keys:
            if key in element:
                _build(sections, key, element[key], indent + 1)


def _group_keys(current: dict) -> tuple[list, list]:
    headers = []
    nested = []
    for key, value in current.items():
        if isinstance(value, (list, dict)):
            nested.append(key)
        else:
            headers.append(key)
    headers.sort()
    nested.sort()
    return headers, nested


# ------------------------------------------------------------------ drawing

def _layout(sections: list, terminal_width: int, color: bool) -> Iterator[str]:
    """The table's lines, section by section; each section is let go once drawn
    (every width is known before the first is drawn), so a large listing is
    not held as sections and as text at once."""
    width = max(section.total_width() for section in sections)
    if width > terminal_width:
        _to_vertical(sections)
        width = max(section.total_width() for section in sections)
    top = "-" * width + "\n"
    yield top + RESET if color else top
    # Large listings repeat the same titles and column layouts thousands of
    # times; each is computed once.
    cache: dict = {}
    for index, section in enumerate(sections):
        lines: list[str] = []
        _draw_section(section, width, color, lines, cache)
        sections[index] = None
        yield from lines


def _to_vertical(sections: list) -> None:
    """Sections with headers and one row become `header | value` rows (in place)."""
    for section in sections:
        if len(section.rows) == 1 and section.headers:
            headers = section.headers
            header_lengths = section.header_lengths
            cells = section.rows[0]
            lengths = section.lengths[0]
            section.rows = list(zip(headers, cells))
            section.lengths = list(zip(header_lengths, lengths))
            section.widths = [max(header_lengths), max(lengths)] if headers else []
            section.headers = []
            section.columns = 2


def _draw_section(section: _Section, width: int, color: bool, lines: list,
                  cache: dict) -> None:
    body: list[str] = []
    width -= 2 * section.indent
    if section.title:
        key = ("title", section.title, width, bool(section.headers or section.rows))
        title = cache.get(key)
        if title is None:
            title = [center(section.title, width, "|", "|")]
            if not section.headers and not section.rows:
                title.append("+%s+" % ("-" * (width - 2)))
            cache[key] = title
        body.extend(title)
    if section.headers or section.rows:
        layout_key = (tuple(section.widths), width)
        layout = cache.get(layout_key)
        if layout is None:
            widths = section.column_widths(width)
            layout = cache[layout_key] = (widths, _rule(widths) if widths else "")
        widths, rule = layout
        if section.headers:
            body.append(rule)
            body.append("".join(center(header, w, "|" if i == 0 else "", "|")
                                for i, (w, header) in enumerate(zip(widths, section.headers))))
        if section.rows and widths:
            body.append(rule)
            if color:
                body.extend(_draw_row(row, lengths, widths, True)
                            for row, lengths in zip(section.rows, section.lengths))
            else:
                body.extend(_draw_plain_row(row, lengths, widths)
                            for row, lengths in zip(section.rows, section.lengths))
            body.append(rule)
    if color:
        bars = _BAR * section.indent
        # colorama's autoreset: a reset after each of the four writes of a line.
        lines.extend(bars + RESET + line + RESET + bars + RESET + "\n" + RESET for line in body)
    else:
        bars = "|" * section.indent
        lines.extend(bars + line + bars + "\n" for line in body)


def _rule(widths: list[int]) -> str:
    parts = ["+" + "-" * (widths[0] - 2) + "+"]
    parts.extend("-" * (w - 1) + "+" for w in widths[1:])
    return "".join(parts)


def _draw_row(row: list[str], lengths: list[int], widths: list[int], color: bool) -> str:
    """One row: each cell after two spaces (none if it would not fit), then `|`."""
    parts = []
    left = 1  # only the first cell has a left edge
    for width, cell, length in zip(widths, row, lengths):
        room = width - length - left - 1
        if color:
            cell = _CELL + cell + RESET
        if room >= 2:
            parts.append(("|  " if left else "  ") + cell + " " * (room - 2) + "|")
        else:
            parts.append(("|" if left else "") + cell + " " * room + "|")
        left = 0
    return "".join(parts)


def _draw_plain_row(row: list[str], lengths: list[int], widths: list[int]) -> str:
    """`_draw_row` without colour; cells whose width is their length are padded by ljust."""
    if len(row) == 2:
        first, second = row
        width0, width1 = widths
        if (lengths[0] == len(first) and lengths[1] == len(second)
                and lengths[0] <= width0 - 4 and lengths[1] <= width1 - 3):
            return "|  " + first.ljust(width0 - 4) + "|  " + second.ljust(width1 - 3) + "|"
    return _draw_row(row, lengths, widths, False)


def center(text: str, length: int, left: str, right: str, text_len: int | None = None) -> str:
    """`text` centred between the edges in `length` columns, as v2 centres it."""
    if text_len is None:
        text_len = text_length(text)
    start = (length // 2) - (text_len // 2) - 1
    so_far = len(left) + start + text_len
    return left + " " * start + text + " " * (length - len(right) - so_far) + right


def text_length(text: str) -> int:
    """Columns of `text` as v2 counts them: East Asian W, F and A characters are 2."""
    if text.isascii():
        return len(text)
    width = unicodedata.east_asian_width
    return sum(2 if width(char) in "WFA" else 1 for char in text)
