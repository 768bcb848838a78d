"""The first screen of the prompt, painted before prompt_toolkit is even imported.

Loading prompt_toolkit takes longer than the 150 ms the first screen may take,
so `paint(line)` draws `> aws <line>` and the key-hint toolbar at the bottom of
the terminal, where prompt_toolkit will draw them, with plain VT100 sequences.
It also turns off the terminal's echo and line editing, so keys typed in the
meantime wait unechoed in the terminal's queue until prompt_toolkit reads them.
`Painted.restore()` puts the terminal modes back once prompt_toolkit is done.
Does nothing unless the process's own stdin and stdout are terminals.
"""
from __future__ import annotations

import os
import sys
from typing import IO

PREFIX = "> aws "
TOOLBAR_HINTS = ("[ENTER] Autocomplete Choice/Execute Command", "[F1] Show Shortkey Help",
                 "[F2] Focus on next panel", "[F3] Hide/Show Docs", "[F5] Hide/Show Output")
INPUT_ROWS = 10  # the input area's minimum height, as in app.py


class Painted:
    """What `paint` changed: the terminal modes to put back."""

    def __init__(self, fd: int, saved: list, stdout: IO[str]) -> None:
        self.fd, self.saved, self.stdout = fd, saved, stdout

    def hand_over(self) -> None:
        """Put the cursor where prompt_toolkit starts drawing: column 0 of the prompt row."""
        self.stdout.write("\r")
        self.stdout.flush()

    def restore(self) -> None:
        import termios

        try:
            termios.tcsetattr(self.fd, termios.TCSANOW, self.saved)
        except (termios.error, OSError):
            pass


def paint(line: str, stdin: IO[str], stdout: IO[str]) -> Painted | None:
    """Draw the prompt's first screen now; None when not on the real terminal."""
    if stdin is not sys.stdin or stdout is not sys.stdout:
        return None
    try:
        if not (stdin.isatty() and stdout.isatty()):
            return None
        import termios

        fd = stdin.fileno()
        saved = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~(termios.ECHO | termios.ICANON)
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
        columns, rows = os.get_terminal_size(stdout.fileno())
    except (OSError, ValueError, ImportError):
        return None
    stdout.write(screen(line, columns, rows))
    stdout.flush()
    return Painted(fd, saved, stdout)


def toolbar_lines(hints: tuple[str, ...], columns: int) -> list[str]:
    """The key hints packed into rows of at most `columns`, four spaces apart,
    never broken inside a hint unless it is wider than a row (then between words);
    rows after the first are indented by two spaces."""
    rows: list[str] = []
    current = ""
    for hint in hints:
        if current and len(current) + 4 + len(hint) <= columns:
            current += "    " + hint
            continue
        if current:
            rows.append(current)
        start = "  " if rows else ""
        if len(start) + len(hint) > columns:
            import textwrap

            pieces = textwrap.wrap(hint, max(columns - 2, 1), initial_indent=start,
                                   subsequent_indent="  ")
            rows += pieces[:-1]
            current = pieces[-1] if pieces else start
        else:
            current = start + hint
    if current:
        rows.append(current)
    return rows


def screen(line: str, columns: int, rows: int) -> str:
    """The VT100 text of the first screen for a terminal of `columns` x `rows`."""
    toolbar = toolbar_lines(TOOLBAR_HINTS, columns)
    reserve = min(rows - 1, INPUT_ROWS + 1 + len(toolbar))
    # Newlines first: near the bottom they scroll the screen to make room, as
    # prompt_toolkit will; then the toolbar at the bottom rows, then the line.
    parts = ["\r\x1b[J", "\n" * reserve, "\x1b[%dA" % reserve, "\x1b[?7l"]
    if rows > len(toolbar) + 2:
        parts += ["\x1b7", "\x1b[%d;1H" % (rows - len(toolbar)), "\u2500" * columns]
        for text in toolbar:
            parts += ["\r\n", text]
        parts.append("\x1b8")
    parts += ["\x1b[?7h", PREFIX, line]
    return "".join(parts)
