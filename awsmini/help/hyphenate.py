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


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], int]:
    """(patterns: letters -> values between them, exceptions: word -> break positions, longest pattern)."""
    patterns: dict[str, tuple[int, ...]] = {}
    exceptions: dict[str, tuple[int, ...]] = {}
    in_exceptions = False
    longest = 0
    with open(_DATA, encoding="ascii") as fp:
        for line in fp:
            item = line.strip()
            if not item or item.startswith("#"):
                continue
            if item == "==":
                in_exceptions = True
            elif in_exceptions:
                parts = item.lower().split("-")
                positions, total = [], 0
                for part in parts[:-1]:
                    total += len(part)
                    positions.append(total)
                exceptions["".join(parts)] = tuple(positions)
            else:
                letters = "".join(c for c in item if not c.isdigit())
                values = [0] * (len(letters) + 1)
                index = 0
                for char in item:
                    if char.isdigit():
                        values[index] = int(char)
                    else:
                        index += 1
                patterns[letters] = tuple(values)
                longest = max(longest, len(letters))
    return patterns, exceptions, longest


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
        return tuple(k for k in exceptions[word] if k in allowed)
    dotted = "." + word + "."
    values = [0] * (len(dotted) + 1)
    for start in range(len(dotted)):
        for end in range(start + 1, min(len(dotted), start + longest) + 1):
            found = patterns.get(dotted[start:end])
            if found:
                for offset, value in enumerate(found):
                    if value > values[start + offset]:
                        values[start + offset] = value
    # values[i] sits before dotted[i]; a break after letter k is values[k + 1].
    # groff: never after the first letter, and (mode 4) not within the last two.
    return tuple(k for k in allowed if values[k + 1] % 2)
