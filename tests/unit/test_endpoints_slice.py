"""models.endpoints_for: a client's session reads one service's part of endpoints.json,
and every answer of botocore's resolver is the one the whole file gives."""
from __future__ import annotations

import itertools
import json
import os

import pytest
from botocore.regions import EndpointResolver

from awsmini import models

BOTOCORE_ENDPOINTS = os.path.join(models._botocore_data(), "endpoints.json")
REGIONS = ["us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1", "us-iso-east-1",
           "aws-global", "ap-southeast-7", "xx-nowhere-1", None]


@pytest.fixture(scope="module")
def whole():
    with open(BOTOCORE_ENDPOINTS) as fp:
        return json.load(fp)


def _answers(resolver, service):
    found = []
    for region, dualstack, fips in itertools.product(REGIONS, (False, True), (False, True)):
        try:
            found.append(resolver.construct_endpoint(service, region, use_dualstack_endpoint=dualstack,
                                                     use_fips_endpoint=fips))
        except Exception as error:  # the same refusal from both is the same answer
            found.append((type(error).__name__, str(error)))
    for partition in resolver.get_available_partitions():
        found.append(resolver.get_available_endpoints(service, partition, True))
        found.append(resolver.get_service_endpoints_data(service, partition))
    return found


# s3 and sts have partition-wide endpoints and variants; "no-such-prefix" is absent
# from the file, so every lookup takes botocore's defaults
@pytest.mark.parametrize("prefix", ["s3", "sts", "iam", "ec2", "iot", "no-such-prefix"])
def test_the_slice_answers_as_the_whole_file(prefix, whole, tmp_path):
    environ = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    loads = []

    def load_whole():
        loads.append(1)
        return json.loads(json.dumps(whole))

    cold = models.endpoints_for(prefix, BOTOCORE_ENDPOINTS, load_whole, environ)
    assert _answers(EndpointResolver(cold), prefix) == _answers(EndpointResolver(whole), prefix)
    loads.clear()
    warm = models.endpoints_for(prefix, BOTOCORE_ENDPOINTS, load_whole, environ)
    assert _answers(EndpointResolver(warm), prefix) == _answers(EndpointResolver(whole), prefix)
    assert loads == []  # the cached slice serves its own service without the whole file


def test_another_service_asked_of_a_slice_reads_the_whole_file_once(whole, tmp_path):
    environ = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    loads = []

    def load_whole():
        loads.append(1)
        return json.loads(json.dumps(whole))

    models.endpoints_for("iot", BOTOCORE_ENDPOINTS, load_whole, environ)
    loads.clear()
    sliced = EndpointResolver(models.endpoints_for("iot", BOTOCORE_ENDPOINTS, load_whole, environ))
    assert _answers(sliced, "sts") == _answers(EndpointResolver(whole), "sts")
    assert _answers(sliced, "s3") == _answers(EndpointResolver(whole), "s3")
    assert loads == [1]


@pytest.mark.parametrize("garbage", [b"", b"{", b"[]", b'{"partitions": [1]}',
                                     b'{"partitions": [{"partition": "aws"}]}'])
def test_a_bad_cache_file_is_rebuilt(garbage, whole, tmp_path):
    environ = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    models.endpoints_for("iot", BOTOCORE_ENDPOINTS, lambda: whole, environ)
    [cache] = list((tmp_path / "cache").rglob("iot.json"))
    cache.write_bytes(garbage)
    sliced = models.endpoints_for("iot", BOTOCORE_ENDPOINTS, lambda: whole, environ)
    assert _answers(EndpointResolver(sliced), "iot") == _answers(EndpointResolver(whole), "iot")
    assert json.loads(cache.read_bytes())["partitions"][0]["partition"] == "aws"
