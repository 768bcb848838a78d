"""`gamelift upload-build`: CreateBuild, RequestUploadCredentials, then the build
root zipped and uploaded with the credentials GameLift returns.

Follows v2's `awscli/customizations/gamelift/uploadbuild.py`: a build root with no
file under it is refused (255) before any call; files are stored by their path
under the root, deflated; the upload's progress is written to stdout on one line
(`\\r`); S3 is called at its own endpoint (not `--endpoint-url`, GameLift's).
"""
from __future__ import annotations

import os
import tempfile
import threading
import zipfile
from typing import Any, Mapping, Sequence

from awsmini.commands import Context


def parse_tags(words: Sequence[str] | None) -> list[dict[str, str]]:
    """`Key=Value` words -> GameLift's tags; a word without `=` is a key with ''."""
    tags = []
    for word in words or ():
        key, _, value = word.partition("=")
        tags.append({"Key": key, "Value": value})
    return tags


def has_files(root: str) -> bool:
    """Whether there is a file anywhere under `root` ('' is not the current directory)."""
    return bool(root) and any(files for _, _, files in os.walk(root))


def zip_directory(archive: str, root: str) -> None:
    """Every file under `root` into `archive`, named by its path relative to `root`."""
    root = os.path.abspath(root)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, True) as zipped:
        for directory, _, files in os.walk(root):
            for name in files:
                path = os.path.join(directory, name)
                zipped.write(path, os.path.relpath(path, root))


class _Progress:
    """The upload callback: `\\rLABEL  SENT / SIZE  (P%)` after each chunk."""

    def __init__(self, context: Context, path: str, label: str) -> None:
        self._context, self._label = context, label
        self._size = float(os.path.getsize(path))
        self._seen = 0
        self._lock = threading.Lock()

    def __call__(self, amount: int) -> None:
        from awsmini.commands.s3.paths import human_readable_size

        with self._lock:
            self._seen += amount
            if self._size > 0:
                self._context.write("\r%s  %s / %s  (%.2f%%)" % (
                    self._label, human_readable_size(self._seen),
                    human_readable_size(self._size), self._seen / self._size * 100))


def _create_build(context: Context, args: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    client = context.client("gamelift")
    params: dict[str, Any] = {"Name": args["name"], "Version": args["build-version"]}
    if args["operating-system"]:
        params["OperatingSystem"] = args["operating-system"]
    if args["server-sdk-version"]:
        params["ServerSdkVersion"] = args["server-sdk-version"]
    if args["tags"]:
        params["Tags"] = parse_tags(args["tags"])
    build_id = client.create_build(**params)["Build"]["BuildId"]
    return build_id, client.request_upload_credentials(BuildId=build_id)


def _upload_client(context: Context, credentials: Mapping[str, str]) -> Any:
    options = context.options
    verify: Any = None if options.verify_ssl else False
    if options.verify_ssl and options.ca_bundle:
        verify = options.ca_bundle
    return context.session().create_client(
        "s3", aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"], region_name=options.region,
        verify=verify)


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    root = args["build-root"]
    if not has_files(root):
        context.warn("Fail to upload %s. The build root directory is empty or does not "
                     "exist.\n" % root)
        return 255
    with translate_errors():
        build_id, upload = _create_build(context, args)
        location = upload["StorageLocation"]
        s3 = _upload_client(context, upload["UploadCredentials"])
        _upload(context, s3, root, build_id, location["Bucket"], location["Key"])
    context.write("Successfully uploaded %s to AWS GameLift\nBuild ID: %s\n" % (root, build_id))
    return 0


def _upload(context: Context, s3: Any, root: str, build_id: str, bucket: str,
            key: str) -> None:
    from s3transfer import S3Transfer

    descriptor, archive = tempfile.mkstemp("%s.zip" % build_id)
    try:
        zip_directory(archive, root)
        S3Transfer(s3).upload_file(archive, bucket, key, callback=_Progress(
            context, archive, "Uploading " + root + ":"))
    finally:
        os.close(descriptor)
        os.remove(archive)
