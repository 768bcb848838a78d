"""cloudfront's customizations end to end, against moto_server."""
from __future__ import annotations

import json

import pytest

_CONFIG = {"CallerReference": "ref-1", "Comment": "", "Enabled": True,
           "Origins": {"Quantity": 1, "Items": [{"Id": "o1", "DomainName": "b.s3.amazonaws.com",
                                                "S3OriginConfig": {"OriginAccessIdentity": ""},
                                                # named, as moto 5.1 (Python 3.9's) stores
                                                # a missing region as "None" on update
                                                "OriginShield": {"Enabled": True,
                                                                 "OriginShieldRegion": "us-east-1"}}]},
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


# ------------------------------------------ create/update-distribution's simple options

def _config_of(aws, distribution_id: str) -> tuple[dict, str]:
    read = aws("cloudfront", "get-distribution-config", "--id", distribution_id)
    assert read.returncode == 0, read.stderr
    document = json.loads(read.stdout)
    return document["DistributionConfig"], document["ETag"]


def test_a_distribution_from_its_origin_domain_name(aws):
    made = aws("cloudfront", "create-distribution", "--origin-domain-name",
               "site.s3.amazonaws.com", "--default-root-object", "index.html")
    assert made.returncode == 0, made.stderr
    config, _ = _config_of(aws, json.loads(made.stdout)["Distribution"]["Id"])
    [origin] = config["Origins"]["Items"]
    assert origin["DomainName"] == "site.s3.amazonaws.com"
    assert origin["Id"].startswith("site.s3.amazonaws.com-")
    assert config["DefaultCacheBehavior"]["TargetOriginId"] == origin["Id"]
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "allow-all"
    assert config["DefaultRootObject"] == "index.html"
    assert config["Enabled"] is True
    assert config["CallerReference"].startswith("cli-")


def test_update_distribution_keeps_the_config_and_sets_the_root_object(aws, distribution):
    before, _ = _config_of(aws, distribution)
    updated = aws("cloudfront", "update-distribution", "--id", distribution,
                  "--default-root-object", "home.html", "--if-match", "ignored")
    assert updated.returncode == 0, updated.stderr
    after, _ = _config_of(aws, distribution)
    assert after["DefaultRootObject"] == "home.html"
    assert after["Origins"] == before["Origins"]
    assert after["CallerReference"] == "ref-1"


@pytest.mark.parametrize("argv, message", [
    (["create-distribution", "--distribution-config", json.dumps(_CONFIG),
      "--default-root-object", "i.html", "--origin-domain-name", "x.example.com"],
     'The key "origin_domain_name" cannot be specified when one of the following keys are '
     'also specified: distribution_config'),
    (["update-distribution", "--id", "E1", "--distribution-config", json.dumps(_CONFIG),
      "--default-root-object", "i.html"],
     'The key "default_root_object" cannot be specified when one of the following keys are '
     'also specified: distribution_config'),
], ids=["create", "update"])
def test_the_simple_options_do_not_mix_with_the_config(aws, argv, message):
    both = aws("cloudfront", *argv)
    assert both.returncode == 252
    assert both.stderr.splitlines()[1].endswith(message)
