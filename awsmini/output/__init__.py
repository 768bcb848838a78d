"""Stage 12: a response (after `--query`) -> the text AWS CLI v2 prints for it.

One module per `--output` value; each exposes one render function with the
signature below, collected in `FORMATTERS`. Formatters are pure: they take
plain data (dicts, lists, str, int, float, bool, None) and return an iterator
of str chunks; they never write, page, query or fetch. Which documents they
are given (the merged result, or one per page for the streaming formats)
is `paginate.py`'s business; where the chunks go is `pager.py`'s.

Formatter signature::

    def render(data: Any, options: RenderOptions) -> Iterator[str]

    data     one document: the whole (merged, queried) response, or for
             `text` and `yaml-stream` one page of it.
    options  the operation's name (the table title), the terminal width
             (tables wider than it are folded) and whether to colour.
    returns  chunks whose concatenation is the exact output; nothing at all
             when v2 prints nothing (e.g. an empty response in json).

Timestamps and blobs should arrive as the strings v2 shows (ISO 8601, base64);
`datetime` and `bytes` values are also accepted and rendered the same way.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping


@dataclass(frozen=True)
class RenderOptions:
    """What a formatter needs besides the data.

    `title` is the operation's API name (`DescribeThing`), the table's title;
    `width` the terminal's columns (80 when stdout is not a terminal);
    `color` whether table cells get v2's ANSI styling.
    """

    title: str = ""
    width: int = 80
    color: bool = False


Formatter = Callable[[Any, RenderOptions], Iterator[str]]


def _render_off(data: Any, options: RenderOptions) -> Iterator[str]:
    """`--output off`: the command runs, nothing is printed."""
    return iter(())


class _Formatters(Mapping):
    """name -> render function, importing only the module of the format asked for
    (a JSON run never loads the YAML or table writers)."""

    _PLACES = {"json": ("as_json", "render"), "text": ("as_text", "render"),
               "table": ("as_table", "render"), "yaml": ("as_yaml", "render"),
               "yaml-stream": ("as_yaml", "render_stream")}

    def __getitem__(self, name: str) -> Formatter:
        if name == "off":
            return _render_off
        module, function = self._PLACES[name]
        return getattr(importlib.import_module("awsmini.output." + module), function)

    def __iter__(self) -> Iterator[str]:
        return iter([*self._PLACES, "off"])

    def __len__(self) -> int:
        return len(self._PLACES) + 1


FORMATTERS: Mapping[str, Formatter] = _Formatters()

def use_color(color: str | None, stdout_isatty: bool | None,
              environ: Mapping[str, str]) -> bool:
    """`--color on|off|auto` -> whether to colour; auto means "stdout is a terminal".

    A non-empty NO_COLOR turns `auto` off (an explicit `on` still wins).
    """
    if color == "on":
        return True
    if color == "off":
        return False
    return bool(stdout_isatty) and not environ.get("NO_COLOR")
