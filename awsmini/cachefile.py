"""The on-disk caches' files: read one as JSON, write one atomically, for this user only.

Both the model cache (`models.py`) and the prompt's (`prompt/sources.py`) keep
JSON files under `$XDG_CACHE_HOME/awsmini`. A file is written to a temporary name
beside it and renamed into place, so concurrent first runs never see half a file;
files are 0600 and new directories 0700. Reading returns None for a file that is
missing, unreadable or not JSON; what a valid file must hold, its reader checks.
A cache that cannot be written only costs speed: write errors are ignored.
"""
from __future__ import annotations

import json
import os
import threading
from typing import Any, Mapping

from awsmini import configpaths


def cache_dir(environ: Mapping[str, str], name: str) -> str:
    """The directory of one cache (`models`, `prompt`): `$XDG_CACHE_HOME/awsmini/<name>`,
    with `~/.cache` (the environment's HOME) when the variable is not set."""
    base = environ.get("XDG_CACHE_HOME") or os.path.join(
        configpaths.home(environ), ".cache")
    return os.path.join(base, "awsmini", name)


def read_json(path: str) -> Any:
    """The file's JSON value, or None."""
    try:
        with open(path, "rb") as fp:
            return json.loads(fp.read().decode("utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: str, value: Any) -> None:
    """Replace the file with `value` as JSON, atomically; errors ignored."""
    tmp = "%s.%d.%d.tmp" % (path, os.getpid(), threading.get_ident())
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w",
                  encoding="utf-8") as fp:
            json.dump(value, fp, separators=(",", ":"))
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
