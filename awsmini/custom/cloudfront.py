"""v2's changes to cloudfront's generic operations (awscli/customizations/cloudfront.py).

- `create-invalidation`: `--paths P [P ...]` in place of `--invalidation-batch`
  (which is then not required), with a caller reference made up as v2 makes it;
  the two cannot be given together.
- `create-distribution`: `--origin-domain-name` and `--default-root-object` in
  place of `--distribution-config` (then not required): a distribution of one
  origin (an S3 origin for `*.s3.amazonaws.com`, else a custom HTTP origin),
  caching as v2's template does; neither mixes with `--distribution-config`.
- `update-distribution`: `--default-root-object` in place of
  `--distribution-config`: the distribution's config and ETag are read first
  (`GetDistributionConfig`), and the config is sent back with the new root object.

The messages are v2's. Pure: the functions change the parameters they are given;
the update's read goes through the call it is handed.
"""
from __future__ import annotations

import random
import time
from typing import Any, Callable, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization, OtherCall
from awsmini.errors import ParamValidationError


def _unique(prefix: str) -> str:
    """A caller reference or origin id, made up as v2 makes them."""
    return "%s-%s-%s" % (prefix, int(time.time()), random.randint(1, 1000000))


def _exclusive(shortcuts: tuple[str, ...], member: str) -> Callable[
        [Mapping[str, Any], Sequence[str]], None]:
    def check(options: Mapping[str, Any], members: Sequence[str]) -> None:
        # v2's validate_mutually_exclusive: the model's argument comes first in its
        # table, so it names the group, and the first shortcut given is the key
        given = [name for name in shortcuts if options.get(name) is not None]
        if given and member in members:
            raise ParamValidationError(
                'The key "%s" cannot be specified when one of the following keys are also '
                'specified: %s' % (given[0].replace("-", "_"), member.replace("-", "_")))
    return check


# ------------------------------------------------------- create-invalidation --paths

def _paths(params: dict, raw: Any) -> None:
    """`--paths /a /b`: the whole InvalidationBatch, as v2's PathsArgument builds it."""
    paths = list(raw)
    params["InvalidationBatch"] = {"CallerReference": _unique("cli"),
                                   "Paths": {"Quantity": len(paths), "Items": paths}}


_CREATE_INVALIDATION = Customization(
    optional=("invalidation-batch",),
    added=(ArgSpec("paths", "", "", "list", nargs="+", is_cli_only=True, fills=_paths,
                   documentation="The paths to invalidate, as separate words (a batch with "
                                 "a new caller reference is made of them). Give either "
                                 "--paths or --invalidation-batch."),),
    check=_exclusive(("paths",), "invalidation-batch"))


# ------------------------------------------ create-distribution's simple options

def _new_distribution() -> dict:
    """The distribution v2's shortcuts start from: enabled, no origin yet, every
    viewer protocol allowed, nothing forwarded to the origin."""
    return {
        "CallerReference": _unique("cli"),
        "Origins": {"Quantity": 0, "Items": []},
        "DefaultCacheBehavior": {
            "TargetOriginId": "placeholder",
            "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
            "TrustedSigners": {"Enabled": False, "Quantity": 0},
            "ViewerProtocolPolicy": "allow-all",
            "MinTTL": 0,
        },
        "Enabled": True,
        "Comment": "",
    }


def _origin_domain_name(params: dict, raw: Any) -> None:
    config = params.setdefault("DistributionConfig", _new_distribution())
    origin = {"Id": _unique(str(raw)), "DomainName": raw, "OriginPath": ""}
    # only the global S3 endpoint is taken for a bucket: CloudFront itself treats
    # the regional (and GovCloud) bucket names as custom origins
    if str(raw).endswith(".s3.amazonaws.com"):
        origin["S3OriginConfig"] = {"OriginAccessIdentity": ""}
    else:
        origin["CustomOriginConfig"] = {"HTTPPort": 80, "HTTPSPort": 443,
                                        "OriginProtocolPolicy": "http-only"}
    config["Origins"] = {"Quantity": 1, "Items": [origin]}
    config["DefaultCacheBehavior"]["TargetOriginId"] = origin["Id"]


def _default_root_object(params: dict, raw: Any) -> None:
    params.setdefault("DistributionConfig", _new_distribution())["DefaultRootObject"] = raw


_EXCLUSIVE = " This argument and --distribution-config are mutually exclusive."
_ROOT_OBJECT = ("The object CloudFront returns when a viewer asks for the root URL (for "
                "example index.html).")
_CREATE_DISTRIBUTION = Customization(
    optional=("distribution-config",),
    added=(
        ArgSpec("origin-domain-name", "", "", "string", is_cli_only=True,
                fills=_origin_domain_name, documentation=(
                    "The domain name of the distribution's one origin (a bucket's "
                    "NAME.s3.amazonaws.com, or a web server's name)." + _EXCLUSIVE)),
        ArgSpec("default-root-object", "", "", "string", is_cli_only=True,
                fills=_default_root_object, documentation=_ROOT_OBJECT + _EXCLUSIVE),
    ),
    check=_exclusive(("origin-domain-name", "default-root-object"), "distribution-config"))


# ----------------------------------------- update-distribution --default-root-object

def _root_object_only(params: dict, raw: Any) -> None:
    params["DistributionConfig"] = {"DefaultRootObject": raw}  # completed before the call


def _with_current_config(params: dict, options: Mapping[str, Any], call: OtherCall) -> dict:
    """The distribution's current config and ETag, with the root object given."""
    if options.get("default-root-object") is None:
        return params
    root_object = params["DistributionConfig"]["DefaultRootObject"]
    current = call("GetDistributionConfig", {"Id": params.get("Id")})
    config = current["DistributionConfig"]
    config["DefaultRootObject"] = root_object
    return {**params, "IfMatch": current.get("ETag"), "DistributionConfig": config}


_UPDATE_DISTRIBUTION = Customization(
    optional=("distribution-config",),
    added=(ArgSpec("default-root-object", "", "", "string", is_cli_only=True,
                   fills=_root_object_only, documentation=(
                       _ROOT_OBJECT + " The distribution's other settings are read first "
                       "(get-distribution-config) and kept." + _EXCLUSIVE)),),
    check=_exclusive(("default-root-object",), "distribution-config"),
    before_call=_with_current_config)

OPERATIONS: Mapping[str, Customization] = {
    "create-invalidation": _CREATE_INVALIDATION,
    "create-distribution": _CREATE_DISTRIBUTION,
    "update-distribution": _UPDATE_DISTRIBUTION,
}
