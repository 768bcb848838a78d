"""cachefile: atomic JSON files for this user only, read back or refused."""
from __future__ import annotations

import json
import multiprocessing
import os

from awsmini import cachefile


def test_written_files_are_private_and_read_back(tmp_path):
    path = str(tmp_path / "new" / "dir" / "value.json")
    cachefile.write_json(path, {"a": [1, 2]})
    assert cachefile.read_json(path) == {"a": [1, 2]}
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(os.path.dirname(path)).st_mode & 0o777 == 0o700
    assert os.listdir(os.path.dirname(path)) == ["value.json"]  # no temporary file left


def test_missing_truncated_or_binary_files_read_as_none(tmp_path):
    (tmp_path / "cut.json").write_text('{"a": [1, ')
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00")
    for name in ("absent.json", "cut.json", "bin.json"):
        assert cachefile.read_json(str(tmp_path / name)) is None
    assert cachefile.read_json(str(tmp_path)) is None  # a directory


def test_a_value_that_is_not_json_leaves_nothing_behind(tmp_path):
    path = str(tmp_path / "value.json")
    cachefile.write_json(path, {"a": object()})
    assert os.listdir(tmp_path) == []


def _write_many(path: str, worker: int) -> None:
    for round_ in range(50):
        cachefile.write_json(path, {"worker": worker, "round": round_, "pad": "x" * 20000})


def test_twenty_writers_at_once_never_leave_a_broken_file(tmp_path):
    path = str(tmp_path / "shared.json")
    workers = [multiprocessing.Process(target=_write_many, args=(path, n)) for n in range(20)]
    for worker in workers:
        worker.start()
    while any(worker.is_alive() for worker in workers):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fp:
                assert json.load(fp)["pad"] == "x" * 20000  # whole, every time
    for worker in workers:
        worker.join()
        assert worker.exitcode == 0
    assert cachefile.read_json(path)["round"] == 49
    assert sorted(os.listdir(tmp_path)) == ["shared.json"]
