"""call.py's pure parts: the timestamp conversion every response goes through, and the
error info a service error carries."""
from __future__ import annotations

import pytest
from botocore.utils import parse_timestamp

from awsmini.call import _error_fields, _iso_timestamp


@pytest.mark.parametrize("wire", [
    "2026-12-03T06:20:54.000Z", "2026-12-03T06:20:54Z", "2026-12-03T06:20:54.5Z",
    "2026-12-03T06:20:54.123456Z", "1999-01-01T00:00:00.010Z", "2024-02-29T23:59:59.999Z",
    "Wed, 03 Dec 2026 06:20:54 GMT", "2026-12-03T06:20:54+01:00", "2026-12-03T06:20:54.1234567Z",
    1764742854.5, 1764742854, "1764742854"])
def test_timestamps_read_as_botocore_reads_them(wire):
    assert _iso_timestamp(wire) == parse_timestamp(wire).isoformat()


@pytest.mark.parametrize("wire", ["2026-02-30T06:20:54Z", "2026-13-01T00:00:00.000Z", "soon"])
def test_impossible_timestamps_are_refused_as_botocore_refuses_them(wire):
    with pytest.raises(ValueError) as ours:
        _iso_timestamp(wire)
    with pytest.raises(ValueError) as theirs:
        parse_timestamp(wire)
    assert str(ours.value) == str(theirs.value)


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
