"""The prompt's line as shell words, and back: split a line, quote an argv.

`split_words(line)` returns the complete words of the line and the word under
the cursor at its end, tolerating an unclosed quote (the rest of the line is
then one word); `quote_words(argv)` is the line the prompt shows for an argv.
`EXIT_WORDS` are the lines that leave the shell. A leaf of the prompt package:
it imports no other prompt module. Pure.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Sequence

EXIT_WORDS = ("exit", "quit")  # leave the shell


@dataclass(frozen=True)
class Word:
    text: str   # the word with quotes removed
    start: int  # offset of its first character in the line


def split_words(line: str) -> tuple[list[Word], Word]:
    """The complete shell words of `line` and the word under the cursor at its end."""
    words: list[Word] = []
    current: list[str] = []
    start, quote, escaped = None, "", False
    for index, char in enumerate(line):
        if start is None and not char.isspace():
            start = index
        if escaped:
            current.append(char)
            escaped = False
        elif quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"':
                escaped = True
            else:
                current.append(char)
        elif char in "'\"":
            quote = char
        elif char == "\\":
            escaped = True
        elif char.isspace():
            if start is not None:
                words.append(Word("".join(current), start))
                current, start = [], None
        else:
            current.append(char)
    last = Word("".join(current), len(line) if start is None else start)
    return words, last


def quote_words(argv: Sequence[str]) -> str:
    """argv as the prompt shows it: without `--cli-auto-prompt`, shell-quoted."""
    return " ".join(shlex.quote(word) for word in argv if word != "--cli-auto-prompt")
