"""models: search order, version choice, sdk-extras, operation slices and their cache."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from awsmini import models


def write_model(base: Path, service: str, version: str, operations: dict, shapes: dict,
                extras: dict | None = None) -> Path:
    directory = base / service / version
    directory.mkdir(parents=True, exist_ok=True)
    data = {"metadata": {"apiVersion": version, "protocol": "json"},
            "operations": operations, "shapes": shapes}
    (directory / "service-2.json").write_text(json.dumps(data))
    if extras is not None:
        (directory / "service-2.sdk-extras.json").write_text(json.dumps({"merge": extras}))
    return directory


OPS = {"DoThing": {"name": "DoThing", "input": {"shape": "DoThingRequest"}}}
SHAPES = {"DoThingRequest": {"type": "structure", "members": {"A": {"shape": "Str"}}},
          "Str": {"type": "string"}, "Unused": {"type": "integer"}}


@pytest.fixture
def environ(tmp_path: Path) -> dict:
    return {"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "AWS_DATA_PATH": str(tmp_path / "data")}


def test_aws_data_path_comes_before_botocore(tmp_path, environ):
    write_model(tmp_path / "data", "iot", "2015-05-28", OPS, SHAPES)
    assert models.find_file("iot", "2015-05-28", "service-2", environ) == str(
        tmp_path / "data" / "iot" / "2015-05-28" / "service-2.json")


def test_newest_version_wins_across_paths(tmp_path, environ):
    write_model(tmp_path / "data", "toy", "2020-01-01", OPS, SHAPES)
    write_model(tmp_path / "home" / ".aws" / "models", "toy", "2021-01-01", OPS, SHAPES)
    assert models.api_version("toy", environ) == "2021-01-01"
    assert "toy" in models.list_services(environ)


def test_sdk_extras_are_merged(tmp_path, environ):
    write_model(tmp_path / "data", "toy", "2020-01-01", OPS, SHAPES,
                extras={"metadata": {"serviceId": "Toy"}})
    model = models.load_service("toy", environ)
    assert model.metadata == {"apiVersion": "2020-01-01", "protocol": "json", "serviceId": "Toy"}


def test_unknown_service(environ):
    with pytest.raises(models.UnknownServiceError):
        models.load_service("no-such-service", environ)


def test_slice_holds_only_reachable_shapes(tmp_path, environ):
    write_model(tmp_path / "data", "toy", "2020-01-01", OPS, SHAPES)
    model = models.load_operation("toy", "DoThing", environ)
    assert model.is_slice
    assert set(model.shapes) == {"DoThingRequest", "Str"}
    assert list(model.operations) == ["DoThing"]


def test_recursive_shapes_terminate():
    shapes = {"Node": {"type": "structure", "members": {"Next": {"shape": "Node"},
                                                        "Kids": {"shape": "Nodes"}}},
              "Nodes": {"type": "list", "member": {"shape": "Node"}}}
    assert sorted(models._reachable(shapes, ["Node"])) == ["Node", "Nodes"]


def test_cache_is_rebuilt_when_the_model_file_changes(tmp_path, environ):
    directory = write_model(tmp_path / "data", "toy", "2020-01-01", OPS, SHAPES)
    assert models.operation_names("toy", environ) == ["DoThing"]
    ops = dict(OPS, Other={"name": "Other"})
    write_model(tmp_path / "data", "toy", "2020-01-01", ops, SHAPES)
    stat = (directory / "service-2.json").stat()
    os.utime(directory / "service-2.json", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    models._memory.clear()
    assert models.operation_names("toy", environ) == ["DoThing", "Other"]


def test_cache_files_are_used(tmp_path, environ):
    write_model(tmp_path / "data", "toy", "2020-01-01", OPS, SHAPES)
    models.load_operation("toy", "DoThing", environ)
    cached = list((tmp_path / "cache" / "awsmini" / "models" / "toy").glob("*/DoThing.json"))
    assert len(cached) == 1


def test_unwritable_cache_still_loads(tmp_path, environ):
    write_model(tmp_path / "data", "toy", "2020-01-01", OPS, SHAPES)
    (tmp_path / "cache").write_text("not a directory")
    models._memory.clear()
    assert models.operation_names("toy", environ) == ["DoThing"]


def test_gzipped_botocore_models_load():
    environ = {"HOME": "/nonexistent"}
    names = models.operation_names("ec2", {**environ, "XDG_CACHE_HOME": "/nonexistent/cache"})
    assert "RunInstances" in names
