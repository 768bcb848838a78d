"""A directory as the zip archive of an application revision, as v2's `push.py` makes it.

Takes a directory and whether to leave hidden names out; writes the archive to a
temporary file and yields it, open for reading. As v2: the tree is walked top
down in the order the file system lists it (`os.walk`, symbolic links to
directories not followed), every file is stored deflated under its path
relative to the directory, names beginning with a dot are skipped (files, and
whole directories) only when asked, and an archive without `appspec.yml` at
its top is refused after it is written (v2's message: that file's absolute
path "was not found"; exit 255). No network I/O.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from typing import IO, Iterator

from awsmini.errors import OtherError

APPSPEC = "appspec.yml"


@contextlib.contextmanager
def bundled(source: str, ignore_hidden_files: bool = False) -> Iterator[IO[bytes]]:
    """The archive of `source` in a temporary file, deleted on leaving."""
    source_path = os.path.abspath(source)
    appspec_path = os.path.join(source_path, APPSPEC)
    with tempfile.TemporaryFile("w+b") as archive:
        has_appspec = False
        with zipfile.ZipFile(archive, "w", allowZip64=True) as zipped:
            for root, dirs, files in os.walk(source, topdown=True):
                if ignore_hidden_files:
                    files = [name for name in files if not name.startswith(".")]
                    dirs[:] = [name for name in dirs if not name.startswith(".")]
                for name in files:
                    path = os.path.abspath(os.path.join(root, name))
                    has_appspec = has_appspec or path == appspec_path
                    zipped.write(path, path[len(source_path) + 1:], zipfile.ZIP_DEFLATED)
        if not has_appspec:
            raise OtherError("%s was not found" % appspec_path)
        archive.seek(0)
        yield archive


def size_of(archive: IO[bytes]) -> int:
    """The archive's length in bytes; the file is left at its start."""
    archive.seek(0, os.SEEK_END)
    size = archive.tell()
    archive.seek(0)
    return size
