"""Where a word may be hyphenated at a line end, as groff decides it for `man` pages.

Takes a run of letters; returns the positions after which a hyphen may stand.
The rules are groff's (hyphenation mode 6 of its `man` macros): Liang's
pattern algorithm over the plain TeX US English patterns, the exception list
first, never after the first letter, and at least three letters after the
break, for exceptions too. Pure; the pattern file (`hyphen_en.txt`) is read
once, on first use.
"""
from __future__ import annotations

import os
from functools import lru_cache

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hyphen_en.txt")
_NO_DIGITS = str.maketrans("", "", "0123456789")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], int]:
    """(patterns by their letters, exceptions by their word, longest pattern), raw text as values.

    Values are parsed only when a word needs them: most of the 6,000 entries never are.
    """
    with open(_DATA, encoding="ascii") as fp:
        text = fp.read()
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    pattern_part, _, exception_part = body.partition("\n==\n")
    patterns = {item.translate(_NO_DIGITS): item for item in pattern_part.split()}
    exceptions = {item.replace("-", "").lower(): item.lower() for item in exception_part.split()}
    return patterns, exceptions, max(map(len, patterns))


def _pattern_values(pattern: str) -> list[int]:
    """`a1b2c` -> the digit before each letter and after the last: [0, 1, 2, 0]."""
    values = [0]
    for char in pattern:
        if char.isdigit():
            values[-1] = int(char)
        else:
            values.append(0)
    return values


def _exception_points(spelled: str) -> tuple[int, ...]:
    """`ta-ble` -> (2,)."""
    points, total = [], 0
    for part in spelled.split("-")[:-1]:
        total += len(part)
        points.append(total)
    return tuple(points)


@lru_cache(maxsize=4096)
def hyphen_points(word: str) -> tuple[int, ...]:
    """Counts of leading letters after which `word` (letters only) may break.

    >>> hyphen_points("status")
    (3,)
    """
    word = word.lower()
    size = len(word)
    if size <= 2:
        return ()
    patterns, exceptions, longest = _tables()
    allowed = range(2, size - 2)
    if word in exceptions:
        return tuple(k for k in _exception_points(exceptions[word]) if k in allowed)
    dotted = "." + word + "."
    values = [0] * (len(dotted) + 1)
    for start in range(len(dotted)):
        for end in range(start + 1, min(len(dotted), start + longest) + 1):
            found = patterns.get(dotted[start:end])
            if found:
                for offset, value in enumerate(_pattern_values(found)):
                    if value > values[start + offset]:
                        values[start + offset] = value
    # values[i] sits before dotted[i]; a break after letter k is values[k + 1].
    # groff: never after the first letter, and (mode 4) not within the last two.
    return tuple(k for k in allowed if values[k + 1] % 2)
