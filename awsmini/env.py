"""Env: the process's streams, tty flags, environment and file reader.

Every stage that needs the outside world receives an Env, so tests can swap in
in-memory streams and a fake environment. `environ` is the whole environment of
a run: nothing reads `os.environ` instead, botocore's session included
(`session.py` says what botocore still reads from the process). Env does no
work of its own.
"""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field
from typing import IO, Mapping


@dataclass
class Env:
    """Streams, terminal state and environment variables of one run."""

    stdin: IO[str] = field(default_factory=lambda: sys.stdin)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    stdin_isatty: bool | None = None
    stdout_isatty: bool | None = None

    def __post_init__(self) -> None:
        if self.stdin_isatty is None:
            self.stdin_isatty = _isatty(self.stdin)
        if self.stdout_isatty is None:
            self.stdout_isatty = _isatty(self.stdout)

    def path(self, name: str) -> str:
        """`name` with `~` expanded (from this environment's HOME), as v2 opens
        parameter files."""
        from awsmini.configpaths import home

        if name == "~" or name.startswith("~/"):
            return home(self.environ) + name[1:]
        return os.path.expanduser(name)

    def read_text(self, name: str) -> str:
        with open(self.path(name), encoding="utf-8") as fp:
            return fp.read()

    def read_bytes(self, name: str) -> bytes:
        with open(self.path(name), "rb") as fp:
            return fp.read()

    def is_file(self, name: str) -> bool:
        return os.path.isfile(self.path(name))

    def write_private(self, name: str, data: bytes) -> None:
        """Write `data` as the whole of file `name`, readable by the user only (0600,
        an existing file's bits changed too), as v2 writes keys and MFA seeds."""
        descriptor = os.open(self.path(name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "wb") as fp:
            os.fchmod(fp.fileno(), 0o600)
            fp.write(data)

    def open_binary(self, name: str) -> IO[bytes]:
        """A file to stream from (an upload's body); closed when dropped."""
        return open(self.path(name), "rb")


def _isatty(stream: IO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return False
