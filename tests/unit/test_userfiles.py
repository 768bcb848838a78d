"""userfiles: a user's file replaced whole, with the bits asked for, links kept."""
from __future__ import annotations

import os

import pytest

from awsmini.userfiles import mode_of, replace_text


def test_a_file_is_replaced_with_its_mode_and_nothing_left_beside_it(tmp_path):
    path = tmp_path / "config"
    path.write_text("old\n")
    replace_text(str(path), "new\n", 0o600)
    assert path.read_text() == "new\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["config"]


def test_a_link_stays_a_link_and_its_target_is_replaced(tmp_path):
    (tmp_path / "real").write_text("old\n")
    (tmp_path / "link").symlink_to("real")
    replace_text(str(tmp_path / "link"), "new\n", 0o640)
    assert os.path.islink(tmp_path / "link")
    assert (tmp_path / "real").read_text() == "new\n"


def test_a_failed_replace_leaves_the_old_file_and_no_temporary_one(tmp_path):
    (tmp_path / "dir").mkdir()  # renaming a file over a directory fails
    with pytest.raises(OSError):
        replace_text(str(tmp_path / "dir"), "new\n", 0o600)
    assert os.listdir(tmp_path) == ["dir"]


def test_mode_of_an_existing_file_or_the_default(tmp_path):
    (tmp_path / "f").write_text("")
    os.chmod(tmp_path / "f", 0o640)
    assert mode_of(str(tmp_path / "f"), 0o600) == 0o640
    assert mode_of(str(tmp_path / "none"), 0o600) == 0o600
