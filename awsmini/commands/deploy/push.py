"""`deploy push`: a directory zipped, uploaded to Amazon S3 and registered as a revision.

As v2's `awscli/customizations/codedeploy/push.py`: `--s3-location` must read
`s3://BUCKET/KEY`; the archive (`bundle.py`) goes up in one PutObject below
6 MiB, else in a multipart upload of 6 MiB parts (aborted when a part or the
completion fails), through an S3 client that does not take `--endpoint-url`
(that names CodeDeploy's endpoint; S3's comes from the profile or
`AWS_ENDPOINT_URL_S3`). v2 makes these calls itself rather than through
s3transfer: the revision needs the upload's ETag and version, which s3transfer
does not hand back. Any failure of the upload is v2's "Failed to upload" line
(exit 255). The revision is registered with the object's ETag (quotes
dropped) and version, and the `create-deployment` line that deploys it is
printed.
"""
from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from typing import IO, Any, Mapping

from awsmini.commands import Context
from awsmini.commands.deploy.bundle import bundled, size_of
from awsmini.errors import OtherError, ParamValidationError

PART_SIZE = 6 << 20  # v2's MULTIPART_LIMIT: the threshold and the size of each part
_S3_URL = re.compile(r"s3://(.+?)/(.+)")

NEXT_STEP = ("To deploy with this revision, run:\n"
             "aws deploy create-deployment --application-name {application} "
             "--s3-location {location} --deployment-group-name <deployment-group-name> "
             "--deployment-config-name <deployment-config-name> --description <description>\n")


def split_s3_location(option: str, value: str) -> tuple[str, str]:
    """(bucket, key) of an `s3://BUCKET/KEY` value, else v2's usage error for `--option`."""
    match = _S3_URL.match(value)
    if not match:
        raise ParamValidationError("--%s must specify the Amazon S3 URL format as "
                                   "s3://<bucket>/<key>." % option)
    return match.group(1), match.group(2)


def default_description() -> str:
    """v2's description of a revision pushed without one: the time now, in UTC."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    return "Uploaded by AWS CLI %s UTC" % now.isoformat()


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    bucket, key = split_s3_location("s3-location", args["s3-location"])
    description = args["description"] or default_description()
    codedeploy = context.client("codedeploy")
    s3 = context.other_service_client("s3")
    with bundled(args["source"], bool(args["ignore-hidden-files"])) as archive:
        try:
            uploaded = upload(s3, bucket, key, archive)
        except Exception as error:  # v2 words every failure of the upload alike
            raise OtherError("Failed to upload '%s' to '%s': %s"
                             % (args["source"], args["s3-location"], error)) from error
    location = {"bucket": bucket, "key": key, "bundleType": "zip",
                "eTag": uploaded["ETag"].replace('"', "")}
    if "VersionId" in uploaded:
        location["version"] = uploaded["VersionId"]
    with translate_errors():
        codedeploy.register_application_revision(
            applicationName=args["application-name"],
            revision={"revisionType": "S3", "s3Location": location},
            description=description)
    context.write(NEXT_STEP.format(application=args["application-name"],
                                   location=",".join("%s=%s" % item
                                                     for item in location.items())))
    return 0


def upload(s3: Any, bucket: str, key: str, archive: IO[bytes]) -> Mapping[str, Any]:
    """Put the archive at `bucket`/`key`; the response that names its ETag (and version)."""
    size = size_of(archive)
    if size < PART_SIZE:
        return s3.put_object(Bucket=bucket, Key=key, Body=archive)
    return _upload_in_parts(s3, bucket, key, archive, size)


def _upload_in_parts(s3: Any, bucket: str, key: str, archive: IO[bytes],
                     size: int) -> Mapping[str, Any]:
    from botocore.exceptions import ClientError

    upload_id = s3.create_multipart_upload(Bucket=bucket, Key=key)["UploadId"]
    try:
        parts: list[dict[str, Any]] = []
        remaining = size
        while remaining > 0:
            data = archive.read(PART_SIZE)
            number = len(parts) + 1
            response = s3.upload_part(Bucket=bucket, Key=key, UploadId=upload_id,
                                      PartNumber=number, Body=io.BytesIO(data))
            parts.append({"PartNumber": number, "ETag": response["ETag"]})
            remaining -= len(data)
        return s3.complete_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id,
                                            MultipartUpload={"Parts": parts})
    except ClientError:
        s3.abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id)
        raise
