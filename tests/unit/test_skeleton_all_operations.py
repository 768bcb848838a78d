"""Every operation of every service in botocore's data: all three skeleton forms.

For each operation: the JSON input skeleton parses back to the generated data,
the YAML input skeleton loads back (with the --cli-input-yaml loader) to the
same data (blobs as b'' and timestamps as datetimes, as YAML types them), and
the fake output either validates or fails with a parameter validation error,
as v2's stubber does. One test per service, so a failure names it.

The default run walks every service but a fixed quarter of each one's operations
(chosen by a stable hash of the name, so a run repeats the last); `pytest --long`
walks them all.
"""
from __future__ import annotations

import datetime
import json
import os
import zlib

import pytest

from awsmini import skeleton
from awsmini.cli_input import _parse_yaml
from awsmini.errors import ParamValidationError
from awsmini.models import _botocore_data, load_service

# Only botocore's own data: no AWS_DATA_PATH, no ~/.aws/models.
ENVIRON = {"HOME": os.devnull}


def _services() -> list[str]:
    base = _botocore_data()
    return sorted(name for name in os.listdir(base)
                  if os.path.isdir(os.path.join(base, name)) and not name.startswith("_"))


def _blobs_to_bytes(value):
    if isinstance(value, dict):
        return {key: _blobs_to_bytes(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_blobs_to_bytes(item) for item in value]
    return b"" if value is None else value


SERVICES = _services()
SAMPLE = 4  # one operation in SAMPLE is walked without --long


def _walked(operations, long_run: bool) -> list[str]:
    names = list(operations)
    if long_run:
        return names
    sampled = [name for name in names if zlib.crc32(name.encode()) % SAMPLE == 0]
    return sampled or names[:1]


def test_there_are_services():
    assert len(SERVICES) > 300


@pytest.mark.parametrize("service", SERVICES)
def test_all_skeletons(service, long_run):
    model = load_service(service, ENVIRON)
    assert model.operations
    for api_name in _walked(model.operations, long_run):
        data = skeleton.generate_input(model, api_name)
        text = skeleton.render_input_json(model, api_name)
        assert text.endswith("\n")
        assert json.loads(text) == json.loads(json.dumps(data, default=skeleton.json_default))

        loaded = _parse_yaml(skeleton.render_input_yaml(model, api_name))
        assert loaded == _blobs_to_bytes(data), api_name

        response = skeleton.generate_output(model, api_name)
        try:
            skeleton.check_output(model, api_name, response)
        except ParamValidationError as error:
            assert error.message.startswith("Parameter validation failed:\n"), api_name


def test_the_sample_is_a_fixed_quarter_and_long_walks_everything():
    operations = load_service("ec2", ENVIRON).operations
    sampled = _walked(operations, long_run=False)
    assert sampled == _walked(operations, long_run=False)
    assert len(operations) / 6 < len(sampled) < len(operations) / 2.5
    assert _walked(operations, long_run=True) == list(operations)


def test_timestamps_read_back_as_datetimes():
    model = load_service("xray", ENVIRON)
    loaded = _parse_yaml(skeleton.render_input_yaml(model, "GetServiceGraph"))
    assert loaded["StartTime"] == datetime.datetime(1970, 1, 1)
