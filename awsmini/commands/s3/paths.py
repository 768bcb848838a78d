"""S3 URIs and local paths as v2's s3 commands read and print them (pure).

`split_s3_uri("s3://b/k/x")` -> ("b", "k/x"); access point and Outposts ARNs
keep their slashes in the bucket part, as in v2's `awscli/customizations/s3/
utils.py` (`find_bucket_key`), and S3 Object Lambda access points and Outposts
bucket ARNs are refused there. `relative_path` is how a local path is printed
in result lines (`./a.txt`, `site/index.html`). `human_readable_size` is v2's
size wording (`1 Byte`, `10 Bytes`, `2.0 KiB`).
"""
from __future__ import annotations

import os
import re

from awsmini.errors import ParamValidationError

S3_PREFIX = "s3://"

_ACCESS_POINT = re.compile(r"^(?P<bucket>arn:(aws).*:s3:[a-z\-0-9]*:[0-9]{12}:accesspoint[:/][^/]+)"
                           r"/?(?P<key>.*)$")
_OUTPOST_ACCESS_POINT = re.compile(
    r"^(?P<bucket>arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}"
    r"[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63})[/:]?(?P<key>.*)$")
_OUTPOST_BUCKET = re.compile(
    r"^(?P<bucket>arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}"
    r"[/:]bucket[/:][a-zA-Z0-9\-]{1,63})[/:]?(?P<key>.*)$")
_OBJECT_LAMBDA = re.compile(r"^(?P<bucket>arn:(aws).*:s3-object-lambda:[a-z\-0-9]+:[0-9]{12}:"
                            r"accesspoint[/:][a-zA-Z0-9\-]{1,63})[/:]?(?P<key>.*)$")

_UNITS = ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


def is_s3(path: str) -> bool:
    return path.startswith(S3_PREFIX)


def check_supported(path: str) -> None:
    """v2 sends S3 Object Lambda and Outposts bucket ARNs to s3api and s3control."""
    if _OBJECT_LAMBDA.match(path):
        raise ParamValidationError("s3 commands do not support S3 Object Lambda resources. "
                                   "Use s3api commands instead.")
    if _OUTPOST_BUCKET.match(path):
        raise ParamValidationError("s3 commands do not support Outpost Bucket ARNs. "
                                   "Use s3control commands instead.")


def split_bucket_key(path: str) -> tuple[str, str]:
    """`bucket/key` (no `s3://`) -> (bucket, key); the key may be empty."""
    check_supported(path)
    for pattern in (_ACCESS_POINT, _OUTPOST_ACCESS_POINT):
        match = pattern.match(path)
        if match:
            return match.group("bucket"), match.group("key")
    bucket, _, key = path.partition("/")
    return bucket, key


def split_s3_uri(uri: str) -> tuple[str, str]:
    """`s3://bucket/key` (or `bucket/key`) -> (bucket, key)."""
    return split_bucket_key(uri[len(S3_PREFIX):] if is_s3(uri) else uri)


def relative_path(path: str, start: str = os.curdir) -> str:
    """A local path as result lines print it: its directory relative to `start`."""
    try:
        directory, name = os.path.split(path)
        return os.path.join(os.path.relpath(directory, start), name)
    except ValueError:  # another drive on Windows
        return os.path.abspath(path)


def human_readable_size(size: float) -> str:
    """`1 Byte`, `10 Bytes`, `2.0 KiB`, `3.0 MiB`: units of 1024, one decimal."""
    size = float(size)
    if size == 1:
        return "1 Byte"
    if size < 1024:
        return "%d Bytes" % size
    for power, unit in enumerate(_UNITS, start=2):
        scale = 1024 ** power
        if round(size / scale * 1024) < 1024:
            return "%.1f %s" % (1024 * size / scale, unit)
    return "%.1f %s" % (size / 1024 ** len(_UNITS), _UNITS[-1])
