"""`--debug` while the prompt is open: log records go to its Debug panel, not stderr.

With `--debug`, main.py sends every logger to stderr; while the prompt draws,
a line written there would tear the screen (and secrets are masked there as on
stderr). `captured(lines)` swaps the root
logger's handlers for one that appends each formatted record to `lines` (the
Debug panel shows them), and puts the handlers back afterwards. `save(lines)`
writes them to `prompt_debug.log`, v2's default name, for Ctrl+S. Never
imports prompt_toolkit.
"""
from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from typing import Iterator

from awsmini.debuglog import LOG_FORMAT, Redactor

LOG_FILE = "prompt_debug.log"


class PanelHandler(logging.Handler):
    """Appends each record, formatted as v2's debug log, to a list."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.lines = lines
        self.setFormatter(logging.Formatter(LOG_FORMAT))
        self.addFilter(Redactor())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.extend(self.format(record).splitlines())
        except Exception:  # a log line must never break the prompt
            self.handleError(record)


@contextmanager
def captured(lines: list[str]) -> Iterator[None]:
    """Route the root logger to `lines` for the duration."""
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers = [PanelHandler(lines)]
    try:
        yield
    finally:
        root.handlers = saved


def save(lines: list[str], directory: str = ".") -> str:
    """Write the log to `prompt_debug.log`; the path written, or the error's text."""
    path = os.path.abspath(os.path.join(directory, LOG_FILE))
    try:
        with open(path, "w", encoding="utf-8") as fp:
            fp.write("\n".join(lines) + "\n")
    except OSError as error:
        return str(error)
    return path
