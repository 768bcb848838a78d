"""values.paramfile: `file://` and `fileb://` values, read through Env with v2's messages."""
from __future__ import annotations

import errno
import io
import os
from dataclasses import dataclass, field

import pytest

from awsmini.env import Env
from awsmini.values.paramfile import (
    ParamFileError,
    expand_variables,
    load_paramfile,
)


@dataclass
class FakeEnv(Env):
    """An Env whose files live in a dict; paths are recorded as they are opened."""

    files: dict = field(default_factory=dict)
    opened: list = field(default_factory=list)

    def path(self, name: str) -> str:
        home = self.environ.get("HOME", "/home/user")
        return home + name[1:] if name == "~" or name.startswith("~/") else name

    def read_bytes(self, name: str) -> bytes:
        name = self.path(name)
        self.opened.append(name)
        if name not in self.files:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
        content = self.files[name]
        return content if isinstance(content, bytes) else content.encode("utf-8")

    def read_text(self, name: str) -> str:
        return self.read_bytes(name).decode("utf-8")


def fake_env(files: dict, **environ: str) -> FakeEnv:
    return FakeEnv(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(),
                   environ={"HOME": "/home/user", **environ}, files=files)


@pytest.mark.parametrize("value, expected", [
    ("file://details.json", '{"reason": "from file"}\n'),
    ("fileb://raw.bin", b"\x00\x01\xff"),
    ("file://café.txt", "ünïcode – text"),
    ("file:///abs/path.txt", "absolute"),
    ("file://~/in-home.txt", "home file"),
    ("file://$DIR/var.txt", "from a variable"),
    ("file://${DIR}/var.txt", "from a variable"),
    ("fileb://empty.bin", b""),
], ids=["text", "bytes", "unicode", "absolute", "tilde", "variable", "braced-variable", "empty"])
def test_reads_files(value, expected):
    env = fake_env({"details.json": '{"reason": "from file"}\n', "raw.bin": b"\x00\x01\xff",
                    "café.txt": "ünïcode – text", "/abs/path.txt": "absolute",
                    "/home/user/in-home.txt": "home file", "/data/var.txt": "from a variable",
                    "empty.bin": b""}, DIR="/data")
    assert load_paramfile(value, env) == expected


@pytest.mark.parametrize("value", [
    "plain text", "http://example.com/x.json", "https://example.com/x.json", "File://x",
    " file://x", "filex://x", "", 42, 2.5, True, None, ["file://x"], b"file://x",
], ids=["plain", "http", "https", "capitalised", "leading-space", "other-scheme", "empty",
        "int", "float", "bool", "none", "list", "bytes"])
def test_other_values_name_no_file(value):
    env = fake_env({})
    assert load_paramfile(value, env) is None
    assert env.opened == []


@pytest.mark.parametrize("value, message", [
    ("file://nope.json", "Unable to load paramfile file://nope.json: [Errno 2] No such file or "
                         "directory: 'nope.json'"),
    ("fileb://missing.bin", "Unable to load paramfile fileb://missing.bin: [Errno 2] No such file "
                            "or directory: 'missing.bin'"),
    ("file://~/gone.txt", "Unable to load paramfile file://~/gone.txt: [Errno 2] No such file or "
                          "directory: '/home/user/gone.txt'"),
], ids=["text", "bytes", "tilde-expanded-in-message"])
def test_missing_file_message(value, message):
    with pytest.raises(ParamFileError) as caught:
        load_paramfile(value, fake_env({}))
    assert str(caught.value) == message


def test_binary_file_as_text():
    with pytest.raises(ParamFileError) as caught:
        load_paramfile("file://raw.bin", fake_env({"raw.bin": b"\xff\xfe\x00"}))
    assert str(caught.value) == (
        "Unable to load paramfile (raw.bin), text contents could not be decoded.  If this is a "
        "binary file, please use the fileb:// prefix instead of the file:// prefix.")


def test_real_env_reads_relative_to_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.txt").write_text("line one\r\nline two\n", encoding="utf-8")
    (tmp_path / "raw.bin").write_bytes(b"\r\n\x00")
    env = Env(environ={})
    # Text is read with universal newlines, as v2 opens it; bytes as they are.
    assert load_paramfile("file://note.txt", env) == "line one\nline two\n"
    assert load_paramfile("fileb://raw.bin", env) == b"\r\n\x00"


def test_directory_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    with pytest.raises(ParamFileError) as caught:
        load_paramfile("file://adir", Env(environ={}))
    assert str(caught.value).startswith("Unable to load paramfile file://adir: [Errno 21]")


@pytest.mark.parametrize("path, expected", [
    ("$A/x", "/a/x"), ("${A}/x", "/a/x"), ("$A$B", "/ab"), ("$MISSING/x", "$MISSING/x"),
    ("${MISSING}", "${MISSING}"), ("no-vars", "no-vars"), ("$", "$"), ("a$", "a$"),
    ("${A", "${A"), ("$A_B", "ab-var"), ("$1x", "$1x"),
], ids=["plain", "braced", "adjacent", "unknown", "unknown-braced", "none", "lone-dollar",
        "trailing-dollar", "unclosed-brace", "underscore-name", "digit-name"])
def test_expand_variables(path, expected):
    assert expand_variables(path, {"A": "/a", "B": "b", "A_B": "ab-var"}) == expected
