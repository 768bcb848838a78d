"""call.py's parts that need no server: the error info a service error carries, and the
outfile writer."""
from __future__ import annotations

import os
import stat
import threading

import pytest

from awsmini.call import OUT_OF_MEMORY, _error_fields, _replacing, translate_errors
from awsmini.errors import OtherError


@pytest.mark.parametrize("response, expected", [
    ({"Error": {"Message": "gone", "Code": "ResourceNotFoundException"}, "message": "gone",
      "ResponseMetadata": {"HTTPStatusCode": 404}},
     {"Message": "gone", "Code": "ResourceNotFoundException", "message": "gone"}),
    ({"Error": {"Code": "NoSuchBucket", "Message": "The specified bucket does not exist",
                "BucketName": "b", "RequestId": "r", "HostId": "h"},
      "ResponseMetadata": {"RequestId": "r"}},
     {"Code": "NoSuchBucket", "Message": "The specified bucket does not exist"}),
    ({"Error": {"Code": "Throttling", "Message": "slow", "Type": "Sender"},
      "Type": "Sender", "Reasons": [{"Code": "c"}]},
     {"Code": "Throttling", "Message": "slow", "Type": "Sender", "Reasons": [{"Code": "c"}]}),
    ({"Error": {"Code": "X"}, "Code": "shadowed", "Message": "shadowed"}, {"Code": "X"}),
    ({"ResponseMetadata": {}}, None),
], ids=["rest-json-modelled-message", "s3-unmodelled-fields-dropped",
        "modelled-field-in-error-keeps-its-place", "top-level-code-and-message-ignored",
        "no-error-document"])
def test_error_fields_keep_what_the_error_shape_models(response, expected):
    assert _error_fields(response) == expected
    if expected:
        assert list(_error_fields(response)) == list(expected)


def test_an_outfile_is_replaced_whole_and_keeps_its_mode(tmp_path):
    path = tmp_path / "out.json"
    path.write_bytes(b"old")
    path.chmod(0o640)
    with _replacing(str(path)) as fp:
        fp.write(b"new")
        assert path.read_bytes() == b"old"  # not touched until the whole body is in
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["out.json"]


def test_an_interrupted_outfile_is_left_as_it_was(tmp_path):
    path = tmp_path / "out.json"
    path.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        with _replacing(str(path)) as fp:
            fp.write(b"half")
            raise KeyboardInterrupt
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_new_outfile_gets_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        with _replacing(str(tmp_path / "new")) as fp:
            fp.write(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o640


def test_an_outfile_that_is_a_link_replaces_its_target(tmp_path):
    (tmp_path / "target").write_bytes(b"old")
    (tmp_path / "link").symlink_to("target")
    with _replacing(str(tmp_path / "link")) as fp:
        fp.write(b"new")
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "target").read_bytes() == b"new"


def test_a_fifo_outfile_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    with _replacing(str(fifo)) as fp:
        fp.write(b"streamed")
    reader.join(5)
    assert got == [b"streamed"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("name, message", [
    ("missing/out.json", "[Errno 2] No such file or directory: '{}'"),
    (".", "[Errno 21] Is a directory: '{}'")])
def test_an_outfile_that_cannot_be_written_names_the_path_given(tmp_path, monkeypatch,
                                                               name, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OSError) as error:
        with _replacing(name):
            pass
    assert str(error.value) == message.format(name)  # v2's words: the path as typed


def test_a_response_too_large_for_memory_says_so():
    from botocore.exceptions import HTTPClientError

    with pytest.raises(OtherError) as error:
        with translate_errors():
            raise HTTPClientError(error=MemoryError())
    assert str(error.value) == OUT_OF_MEMORY  # botocore's own text ends after the colon
    with pytest.raises(OtherError) as error:
        with translate_errors():
            raise HTTPClientError(error=ValueError("odd"))
    assert str(error.value) == "An HTTP Client raised an unhandled exception: odd"
