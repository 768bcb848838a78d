"""The transfer commands' options -> the request parameters of each S3 call (pure).

Follows v2's `RequestParamsMapper` (`awscli/customizations/s3/utils.py`): which
option fills which parameter of PutObject, GetObject, CopyObject, HeadObject,
DeleteObject and ListObjectsV2. `args` are a command's converted values by
option name (`content-type`, `sse-c-key`, ...).
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.errors import ParamValidationError

# options copied as they are into PutObject and CopyObject
_GENERAL = (("acl", "ACL"), ("storage-class", "StorageClass"),
            ("website-redirect", "WebsiteRedirectLocation"), ("content-type", "ContentType"),
            ("cache-control", "CacheControl"), ("content-disposition", "ContentDisposition"),
            ("content-encoding", "ContentEncoding"), ("content-language", "ContentLanguage"),
            ("expires", "Expires"))

_GRANTS = {"read": "GrantRead", "full": "GrantFullControl", "readacl": "GrantReadACP",
           "writeacl": "GrantWriteACP"}

Params = dict  # request parameters of one call


def put_object(args: Mapping[str, Any]) -> Params:
    params: Params = {}
    _general(params, args)
    _set(params, "Metadata", args.get("metadata"))
    _sse(params, args)
    _sse_c(params, args)
    _request_payer(params, args)
    _set(params, "ChecksumAlgorithm", args.get("checksum-algorithm"))
    _no_overwrite(params, args)
    return params


def get_object(args: Mapping[str, Any]) -> Params:
    params: Params = {}
    _sse_c(params, args)
    _request_payer(params, args)
    _set(params, "ChecksumMode", args.get("checksum-mode"))
    return params


def copy_object(args: Mapping[str, Any]) -> Params:
    params: Params = {}
    _general(params, args)
    _set(params, "MetadataDirective", args.get("metadata-directive"))
    _set(params, "Metadata", args.get("metadata"))
    if params.get("Metadata") and not params.get("MetadataDirective"):
        params["MetadataDirective"] = "REPLACE"  # new metadata is not copied over
    _sse(params, args)
    _sse_c(params, args)
    _set(params, "CopySourceSSECustomerAlgorithm", args.get("sse-c-copy-source"))
    if args.get("sse-c-copy-source"):
        params["CopySourceSSECustomerKey"] = args.get("sse-c-copy-source-key")
    _request_payer(params, args)
    _set(params, "ChecksumAlgorithm", args.get("checksum-algorithm"))
    _no_overwrite(params, args)
    return params


def head_object(args: Mapping[str, Any], copy_source: bool = False) -> Params:
    """HeadObject of a source object; of a copy's source, with the copy source's SSE-C key."""
    params: Params = {}
    if copy_source:
        if args.get("sse-c-copy-source"):
            params["SSECustomerAlgorithm"] = args["sse-c-copy-source"]
            params["SSECustomerKey"] = args.get("sse-c-copy-source-key")
    else:
        _sse_c(params, args)
        _set(params, "ChecksumMode", args.get("checksum-mode"))
    _request_payer(params, args)
    return params


def payer_only(args: Mapping[str, Any]) -> Params:
    """DeleteObject, ListObjectsV2 and the tagging calls: only RequestPayer."""
    params: Params = {}
    _request_payer(params, args)
    return params


def _general(params: Params, args: Mapping[str, Any]) -> None:
    for option, name in _GENERAL:
        _set(params, name, args.get(option))
    for grant in args.get("grants") or ():
        permission, equals, grantee = grant.partition("=")
        if not equals:
            raise ParamValidationError("grants should be of the form permission=principal")
        if permission not in _GRANTS:
            raise ParamValidationError("permission must be one of: read|readacl|writeacl|full")
        params[_GRANTS[permission]] = grantee


def _sse(params: Params, args: Mapping[str, Any]) -> None:
    _set(params, "ServerSideEncryption", args.get("sse"))
    _set(params, "SSEKMSKeyId", args.get("sse-kms-key-id"))


def _sse_c(params: Params, args: Mapping[str, Any]) -> None:
    if args.get("sse-c"):
        params["SSECustomerAlgorithm"] = args["sse-c"]
        params["SSECustomerKey"] = args.get("sse-c-key")


def _request_payer(params: Params, args: Mapping[str, Any]) -> None:
    _set(params, "RequestPayer", args.get("request-payer"))


def _no_overwrite(params: Params, args: Mapping[str, Any]) -> None:
    if args.get("no-overwrite"):
        params["IfNoneMatch"] = "*"


def _set(params: Params, name: str, value: Any) -> None:
    if value:
        params[name] = value
