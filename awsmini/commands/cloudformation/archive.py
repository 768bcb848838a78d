"""The temporary files of `package` and `deploy`: zips of directories, copies, template texts.

A directory is zipped as v2's `artifact_exporter.make_zip` does, so that the
same tree gives the same bytes and so the same MD5 key: every file found by
`os.walk` (symbolic links followed), in the order the walk gives, under its
path relative to the directory, DEFLATE-compressed, with its modification time
and permission bits; directories get no entries of their own, so empty ones
are left out. Each temporary file or directory is removed when its `with`
block ends.
"""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import uuid
import zipfile
from typing import Iterator

from awsmini.userfiles import mode_of, new_file_mode, replace_text


def make_zip(zip_path: str, source_root: str) -> str:
    """Write the zip of the directory `source_root` to `zip_path`; returns `zip_path`."""
    source_root = os.path.abspath(source_root)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for root, _dirs, files in os.walk(source_root, followlinks=True):
            for name in files:
                full_path = os.path.join(root, name)
                archive.write(full_path, os.path.relpath(full_path, source_root))
    return zip_path


@contextlib.contextmanager
def zipped_folder(folder: str) -> Iterator[str]:
    """The path of a temporary zip of `folder`."""
    path = os.path.join(tempfile.gettempdir(), "data-%s.zip" % uuid.uuid4().hex)
    try:
        yield make_zip(path, folder)
    finally:
        _remove(path)


@contextlib.contextmanager
def text_file(text: str) -> Iterator[str]:
    """The path of a temporary file holding `text` (a template to upload)."""
    path = os.path.join(tempfile.gettempdir(), uuid.uuid4().hex)
    try:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        yield path
    finally:
        _remove(path)


@contextlib.contextmanager
def folder_holding(path: str) -> Iterator[str]:
    """A temporary directory holding a copy of the file `path` (its mode kept, not its
    time, as v2 copies it: such a zip differs on each run)."""
    folder = tempfile.mkdtemp()
    try:
        shutil.copy(path, os.path.join(folder, os.path.basename(path)))
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_zip_file(path: object) -> bool:
    return isinstance(path, str) and zipfile.is_zipfile(path)


def write_atomically(path: str, text: str) -> None:
    """Replace the file's text at once (a temporary file beside it, then a rename),
    keeping an existing file's permissions. An error names `path`, as v2's `open`."""
    target = os.path.realpath(path)
    if os.path.isdir(target):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    try:
        replace_text(target, text, mode_of(target, new_file_mode()))
    except OSError as error:
        raise type(error)(error.errno, error.strerror, path) from error


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
