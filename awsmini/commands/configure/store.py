"""Edit a config or credentials file in place, safely: locked, whole, never truncated.

`edit_file(path, edit)` reads the file (empty when missing), passes its text to
`edit` and writes what it returns. Writers of one file take turns: an exclusive
`flock` on the file's directory (which leaves no lock file behind) is held from
the read to the rename, so concurrent `configure set`s each see the others'
writes. The new text goes to a temporary file in the same directory, is synced,
given the old file's permissions (0600 for a new file, whose directories are
created as v2 creates them), and renamed over the old one with `os.replace`, so
a reader sees the old file or the new one, never half of one.
"""
from __future__ import annotations

import contextlib
import os
from typing import Callable, Iterator

from awsmini.errors import OtherError
from awsmini.userfiles import replace_text

NEW_FILE_MODE = 0o600


def edit_file(path: str, edit: Callable[[str], str], new_mode: int = NEW_FILE_MODE) -> None:
    """Replace the file's text by `edit(text)`; a new file gets `new_mode`. OtherError
    (exit 255) on an OSError."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(directory, exist_ok=True)
        with _locked(directory):
            text, mode = _read(path)
            new_text = edit(text)
            if new_text != text or mode is None:
                _replace(path, new_text, new_mode if mode is None else mode)
    except OSError as error:
        raise OtherError(str(error)) from error


def _read(path: str) -> tuple[str, int | None]:
    """The file's text and permission bits; ("", None) when there is no file."""
    try:
        with open(path, encoding="utf-8") as fp:
            return fp.read(), os.stat(fp.fileno()).st_mode & 0o7777
    except FileNotFoundError:
        return "", None
    except UnicodeDecodeError as error:
        raise OtherError("Unable to parse config file: %s" % path) from error


def _replace(path: str, text: str, mode: int) -> None:
    replace_text(path, text, mode)


@contextlib.contextmanager
def _locked(directory: str) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no flock (Windows): the rename still keeps each file whole
        yield
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
