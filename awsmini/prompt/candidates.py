"""Menu entries and their ranking: `Candidate`, `Completions`, v2's fuzzy filter and meta text.

Every source of completions (`completions.py` and the paths, query and shorthand
modules it calls, the history search) builds `Candidate`s and ranks them with
`fuzzy_filter`; the doc shown beside an entry is `meta_for`'s. A leaf of the
prompt package: it imports no other prompt module but `text`, and nothing that
reads a model or a file. Pure.

Fuzzy filter (v2's): the typed characters must appear in order in the name,
case-insensitive; a candidate is scored by its leftmost match and ranked by
the match's span, then its start, then the name.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Callable, Iterable, TypeVar

from awsmini.prompt.text import plain_text

T = TypeVar("T")
META_DOC_WIDTH = 60  # v2 cuts a candidate's doc after 60 characters and adds "..."


@dataclass(frozen=True)
class Candidate:
    """One menu entry: `text` replaces the word being completed."""

    text: str
    display: str = ""
    meta: str = ""
    is_required: bool = False

    @property
    def label(self) -> str:
        return self.display or self.text


@dataclass(frozen=True)
class Completions:
    """The candidates for the word that starts `start` characters before the cursor."""

    word: str = ""
    candidates: tuple[Candidate, ...] = ()

    @property
    def start(self) -> int:
        return -len(self.word)


def fuzzy_filter(items: Iterable[T], word: str,
                 key: Callable[[T], str] = operator.attrgetter("text")) -> list[T]:
    """Items whose key holds the characters of `word` in order, best first (v2's ranking).

    An empty word keeps every item in its order.
    """
    items = list(items)
    if not word:
        return items
    pattern = re.compile(".*?".join(map(re.escape, word.lower())))
    scored = []
    for index, item in enumerate(items):
        name = key(item)
        match = pattern.search(name.lower())
        if match:
            scored.append((match.end() - match.start(), match.start(), name, index, item))
    scored.sort(key=lambda entry: entry[:4])
    return [entry[-1] for entry in scored]


def meta_for(type_name: str, documentation: str) -> str:
    """`[type] ` and the start of the doc, as v2's meta column reads."""
    text = plain_text(documentation)
    if len(text) > META_DOC_WIDTH:
        text = text[:META_DOC_WIDTH] + "..."
    return ("[%s] %s" % (type_name, text)).rstrip()
