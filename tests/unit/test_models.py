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


@pytest.mark.parametrize("service, api_name, companions", [
    ("s3", "ListObjectsV2", ["HeadBucket", "CreateSession"]),
    ("s3", "HeadBucket", ["CreateSession"]),
    ("timestream-write", "ListDatabases", ["DescribeEndpoints"]),
    ("dynamodb", "GetItem", ["DescribeEndpoints"]),
    ("iot", "ListThings", [])])
def test_a_slice_holds_what_botocores_handlers_call_beside_its_operation(
        environ, service, api_name, companions):
    model = models.load_operation(service, api_name, environ)
    assert list(model.operations) == [api_name, *companions]
    for name in companions:  # their shapes came along
        for ref in ("input", "output"):
            shape = model.operations[name].get(ref, {}).get("shape")
            assert shape is None or shape in model.shapes


def test_a_client_made_from_a_slice_discovers_endpoints_as_botocore_would(environ):
    from awsmini.call import create_service_client
    from awsmini.globalopts import GlobalOptions
    from awsmini.settings import Settings

    env = dict(environ)
    options = GlobalOptions(sign_request=False)  # nothing is sent: no credentials needed
    model = models.load_operation("timestream-write", "ListDatabases", env)
    client = create_service_client("timestream-write", options, Settings(options, env), env,
                                   model=model, region="us-east-1")
    assert client.meta.service_model.endpoint_discovery_operation.name == "DescribeEndpoints"


@pytest.mark.parametrize("garbage", ["[1, 2]", '{"metadata": 1}', '"text"', "{}", "null",
                                     '{"metadata": {}, "operations": {"ListThings": []}, '
                                     '"shapes": {}, "companions": []}'])
def test_a_cache_file_of_the_wrong_shape_is_rebuilt(environ, garbage):
    models._memory.clear()  # so that this test's cache directory is written
    first = models.load_operation("iot", "ListThings", environ)
    models._memory.clear()
    [path] = Path(environ["XDG_CACHE_HOME"]).rglob("ListThings.json")
    path.write_text(garbage)
    again = models.load_operation("iot", "ListThings", environ)
    assert again.data == first.data
    assert json.loads(path.read_text()) == first.data  # and written again
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_services_cache_of_the_wrong_shape_is_rebuilt(environ):
    names = models.list_services(environ)
    [path] = Path(environ["XDG_CACHE_HOME"]).rglob("services-*.json")
    path.write_text('{"s3": 1}')
    assert models.list_services(environ) == names
