"""`s3 mb`, `s3 rb`, `s3 website` and `s3 presign`: one bucket or one URL each.

As v2's `MbCommand`, `RbCommand`, `WebsiteCommand` and `PresignCommand`
(`awscli/customizations/s3/subcommands.py`): `mb` and `rb` print
`make_bucket: NAME` / `remove_bucket: NAME`, or `... failed: URI <error>` on
stderr with exit code 1; `website` prints nothing; `presign` prints the URL.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.s3.paths import S3_PREFIX, check_supported, split_s3_uri
from awsmini.errors import AwsminiError, ParamValidationError

_INVALID_TYPE = "%s\nError: Invalid argument type"


def run_mb(args: Mapping[str, Any], context: Context) -> int:
    bucket, _ = _bucket_uri(args["path"])
    if _is_directory_bucket(bucket):
        raise ParamValidationError("Cannot use mb command with a directory bucket.")
    params: dict[str, Any] = {"Bucket": bucket}
    configuration: dict[str, Any] = {}
    if bucket.endswith("-an"):  # v2: an account-regional namespace bucket
        params["BucketNamespace"] = "account-regional"
    client = context.client("s3")
    # us-east-1 refuses a LocationConstraint naming itself
    if client.meta.region_name != "us-east-1":
        configuration["LocationConstraint"] = client.meta.region_name
    if args["tags"]:
        configuration["Tags"] = [{"Key": key, "Value": value} for key, value in args["tags"]]
    if configuration:
        params["CreateBucketConfiguration"] = configuration
    return _reported("make_bucket", args["path"], bucket, context, client.create_bucket,
                     **params)


def run_rb(args: Mapping[str, Any], context: Context) -> int:
    bucket, key = _bucket_uri(args["path"])
    if key:
        raise ParamValidationError("Please specify a valid bucket name only. E.g. s3://%s"
                                   % bucket)
    if args["force"]:
        from awsmini.commands.s3.transfer import remove_all

        remove_all(args["path"], context)
    return _reported("remove_bucket", args["path"], bucket, context,
                     context.client("s3").delete_bucket, Bucket=bucket)


def _bucket_uri(path: str) -> tuple[str, str]:
    """(bucket, key) of an `s3://` path; anything else is v2's invalid argument type."""
    if not path.startswith(S3_PREFIX):
        raise ParamValidationError(_INVALID_TYPE % "<S3Uri>")
    return split_s3_uri(path)


def _reported(action: str, path: str, bucket: str, context: Context, method: Any,
              **params: Any) -> int:
    """Call `method`; print `action: bucket`, or `action failed: path <error>` and return 1."""
    try:
        _call(method, **params)
    except AwsminiError as error:
        context.warn("%s failed: %s %s\n" % (action, path, error.message))
        return 1
    context.write("%s: %s\n" % (action, bucket))
    return 0


def run_website(args: Mapping[str, Any], context: Context) -> int:
    path = args["paths"][0]
    bucket = path[len(S3_PREFIX):] if path.startswith(S3_PREFIX) else path
    bucket = bucket[:-1] if bucket.endswith("/") else bucket
    check_supported(bucket)
    configuration: dict[str, Any] = {}
    if args["index-document"] is not None:
        configuration["IndexDocument"] = {"Suffix": args["index-document"]}
    if args["error-document"] is not None:
        configuration["ErrorDocument"] = {"Key": args["error-document"]}
    _call(context.client("s3").put_bucket_website, Bucket=bucket,
          WebsiteConfiguration=configuration)
    return 0


def run_presign(args: Mapping[str, Any], context: Context) -> int:
    bucket, key = split_s3_uri(args["path"])
    url = _call(context.client("s3", signature_version="s3v4").generate_presigned_url, "get_object",
                {"Bucket": bucket, "Key": key}, ExpiresIn=args["expires-in"])
    context.write(url + "\n")
    return 0


def _call(method: Any, *args: Any, **kwargs: Any) -> Any:
    from awsmini.call import translate_errors

    with translate_errors():
        return method(*args, **kwargs)


def _is_directory_bucket(bucket: str) -> bool:
    """An S3 Express One Zone bucket (`name--usw2-az1--x-s3`)."""
    return bucket.endswith("--x-s3")
