"""The warning v2 gives about a credentials file that other users can read.

`warn_if_permissive(path, context)` writes it to stderr when the file exists and
has any group or other permission bit (v2's `warn_if_permissive` in
`awscli/customizations/configure/__init__.py`); never on Windows.
"""
from __future__ import annotations

import os
import sys

from awsmini.commands import Context

WARNING = ("\nawsmini: [WARNING]: The file '{path}' is accessible by other users. Consider "
           "running 'chmod 600 {path}' to restrict access to only your user.\n")


def warn_if_permissive(path: str, context: Context) -> None:
    if sys.platform == "win32" or not os.path.isfile(path):
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if mode & 0o077:
        context.warn(WARNING.format(path=path))
