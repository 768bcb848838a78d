"""Replacing a user's file (a config, a kubeconfig, a template): whole, or not at all.

The new text goes to a temporary file beside the old one, is flushed to disk,
gets its permission bits, and is renamed over it: a reader sees the old file or
the new, never half of one, and a failure leaves the old file as it was and no
temporary file behind. A symbolic link stays a link; its target is replaced.
"""
from __future__ import annotations

import contextlib
import os
import tempfile


def replace_text(path: str, text: str, mode: int) -> None:
    """Replace the file at `path` (a link's target) with `text`, with permission bits
    `mode`. Raises the OSError of the step that failed."""
    target = os.path.realpath(path)
    directory, name = os.path.split(target)
    descriptor, temporary = tempfile.mkstemp(prefix="." + name + ".", dir=directory)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as fp:
            os.fchmod(fp.fileno(), mode)
            fp.write(text)
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def mode_of(path: str, default: int) -> int:
    """The permission bits of the file at `path` (a link's target), or `default` when
    there is none. Raises OSError when it cannot be looked at."""
    try:
        return os.stat(os.path.realpath(path)).st_mode & 0o7777
    except FileNotFoundError:
        return default


def new_file_mode() -> int:
    """The bits a new file gets from `open` under the process's umask (0o666 & ~umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
