"""fastparse.py: the compiled walk gives exactly botocore's parse of every recorded response.

scripts/test runs this file on its own first, with AWSMINI_REQUIRE_RECORDINGS=1: there a
missing recording set is a failure, not a skip, and a difference stops the run with the
botocore version named (pyproject.toml pins botocore to the versions this passed on).
"""
from __future__ import annotations

import base64
import json
import os
import pathlib

import pytest
from botocore import parsers, xform_name
from botocore.loaders import Loader
from botocore.model import ServiceModel

from awsmini import fastparse

ROOT = pathlib.Path(__file__).resolve().parents[3] / "shared" / "conformance"
CASES = []
if ROOT.exists():
    for path in sorted((ROOT / "cases").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            CASES.append(case)


def _operation(case, loader):
    words = [w for i, w in enumerate(case["argv"])
             if not w.startswith("--") and (i == 0 or not case["argv"][i - 1].startswith("--"))]
    if len(words) < 2:
        return None
    try:
        model = ServiceModel(loader.load_service_model(words[0], "service-2"), words[0])
    except Exception:
        return None
    if model.protocol not in ("json", "rest-json"):
        return None
    for name in model.operation_names:
        if xform_name(name, "-") == words[1]:
            return model.operation_model(name)
    return None


def _responses():
    loader = Loader(extra_search_paths=[str(ROOT / "models")])
    for case in CASES:
        operation = _operation(case, loader)
        if operation is None or operation.output_shape is None:
            continue
        for index, response in enumerate(case.get("responses", [])):
            if response.get("status", 200) != 200:
                continue
            body = (base64.b64decode(response["body_base64"]) if "body_base64" in response
                    else response.get("body", "").encode())
            headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
            yield pytest.param(operation, {"body": body, "headers": headers, "status_code": 200},
                               id="%s-%d" % (case["id"], index))


def test_recordings_are_present_when_required():
    if not CASES and os.environ.get("AWSMINI_REQUIRE_RECORDINGS") == "1":
        pytest.fail("no recorded responses under %s: the parser check would prove nothing" % ROOT)


@pytest.mark.skipif(not CASES, reason="conformance recordings not found")
@pytest.mark.parametrize("operation, response", list(_responses()))
def test_same_result_as_botocore(operation, response):
    protocol = operation.service_model.protocol
    stock = parsers.ResponseParserFactory().create_parser(protocol)
    fast = fastparse.ParserFactory().create_parser(protocol)
    if operation.has_streaming_output:
        pytest.skip("streaming payload")
    expected = stock.parse(dict(response), operation.output_shape)
    got = fast.parse(dict(response), operation.output_shape)
    expected.pop("ResponseMetadata", None)
    got.pop("ResponseMetadata", None)
    assert got == expected
    assert json.dumps(got, default=str) == json.dumps(expected, default=str)  # same key order


def test_other_protocols_keep_botocores_parsers():
    parser = fastparse.ParserFactory().create_parser("query")
    assert type(parser._parser) is parsers.QueryParser
