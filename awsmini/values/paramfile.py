"""`file://` and `fileb://` parameter values, read as AWS CLI v2 reads them.

Takes a raw command-line value and the `Env`; returns the file's text
(`file://`) or bytes (`fileb://`), or None when the value names no file.
The path after the prefix has `~` and `$VARIABLES` expanded and is relative to
the working directory. Every argument of a generic operation may be given so:
v2 exempts none (awscli/paramfile.py has no PARAMFILE_DISABLED table, unlike
aws-cli 1.x), so `--template-url file://u.txt` sends the file's text.
`http://` and `https://` values are not fetched: v2 leaves them as they are.
All reading goes through `Env`; this module opens nothing itself.
"""
from __future__ import annotations

import re
from typing import Mapping, Union

from awsmini.env import Env

PREFIXES = ("file://", "fileb://")  # the prefixes that name a file to read


class ParamFileError(Exception):
    """A `file://` or `fileb://` value whose file cannot be read; `str()` is v2's message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def load_paramfile(value: object, env: Env) -> Union[str, bytes, None]:
    """The contents `value` refers to, or None if it is not a `file://`/`fileb://` value.

    Raises ParamFileError when the file cannot be read or (for `file://`) is not
    UTF-8 text.
    """
    if not isinstance(value, str):
        return None
    if value.startswith("file://"):
        return _read(value, value[len("file://"):], env, binary=False)
    if value.startswith("fileb://"):
        return _read(value, value[len("fileb://"):], env, binary=True)
    return None


def _read(value: str, path: str, env: Env, binary: bool) -> Union[str, bytes]:
    path = expand_variables(env.path(path), env.environ)
    try:
        return env.read_bytes(path) if binary else env.read_text(path)
    except UnicodeDecodeError:
        raise ParamFileError(
            "Unable to load paramfile (%s), text contents could not be decoded.  If this is a "
            "binary file, please use the fileb:// prefix instead of the file:// prefix."
            % path) from None
    except OSError as error:
        raise ParamFileError("Unable to load paramfile %s: %s" % (value, error)) from None


_VARIABLE = re.compile(r"\$(\w+|\{[^}]*\})", re.ASCII)


def expand_variables(path: str, environ: Mapping[str, str]) -> str:
    """`$NAME` and `${NAME}` replaced from `environ`; unknown names stay (os.path.expandvars)."""
    if "$" not in path:
        return path

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith("{"):
            name = name[1:-1]
        return environ.get(name, match.group(0))

    return _VARIABLE.sub(replace, path)
