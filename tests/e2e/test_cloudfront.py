"""cloudfront's customizations end to end, against moto_server."""
from __future__ import annotations

import json

import pytest

_CONFIG = {"CallerReference": "ref-1", "Comment": "", "Enabled": True,
           "Origins": {"Quantity": 1, "Items": [{"Id": "o1", "DomainName": "b.s3.amazonaws.com",
                                                "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
           "DefaultCacheBehavior": {"TargetOriginId": "o1", "ViewerProtocolPolicy": "allow-all",
                                    "MinTTL": 0, "ForwardedValues": {
                                        "QueryString": False, "Cookies": {"Forward": "none"}},
                                    "TrustedSigners": {"Enabled": False, "Quantity": 0}}}


@pytest.fixture
def distribution(aws) -> str:
    made = aws("cloudfront", "create-distribution", "--distribution-config", json.dumps(_CONFIG))
    assert made.returncode == 0, made.stderr
    return json.loads(made.stdout)["Distribution"]["Id"]


def test_create_invalidation_takes_paths(aws, distribution):
    made = aws("cloudfront", "create-invalidation", "--distribution-id", distribution,
               "--paths", "/*", "/index.html")
    assert made.returncode == 0, made.stderr
    batch = json.loads(made.stdout)["Invalidation"]["InvalidationBatch"]
    assert batch["Paths"] == {"Quantity": 2, "Items": ["/*", "/index.html"]}
    assert batch["CallerReference"].startswith("cli-")


def test_paths_and_invalidation_batch_are_mutually_exclusive(aws, distribution):
    both = aws("cloudfront", "create-invalidation", "--distribution-id", distribution,
               "--paths", "/*", "--invalidation-batch",
               "Paths={Quantity=1,Items=[/a]},CallerReference=r")
    assert both.returncode == 252
    assert both.stderr.splitlines()[1].endswith(
        'The key "paths" cannot be specified when one of the following keys are also '
        'specified: invalidation_batch')


def test_neither_is_botocores_missing_parameter(aws, distribution):
    neither = aws("cloudfront", "create-invalidation", "--distribution-id", distribution)
    assert neither.returncode == 252
    assert 'Missing required parameter in input: "InvalidationBatch"' in neither.stderr
