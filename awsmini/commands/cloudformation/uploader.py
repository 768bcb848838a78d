"""Artifacts into the bucket under the MD5 of their content, as v2's `s3uploader.py` does.

An artifact is stored once: its key is `PREFIX/MD5` (plus `.template` for
templates), and when HeadObject finds that key the upload is skipped (said
under `--debug` only, as v2), unless `--force-upload`. Uploads go through
s3transfer's TransferManager with its defaults, server-side encrypted with
AES256, or with the KMS key given, and carry `--metadata`; the progress is
v2's `\\rUploading to KEY  SEEN / SIZE  (PCT%)` on stderr.

Errors are botocore's, except a missing bucket, which is v2's message; the
caller decides what they become.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from typing import IO, Any, Mapping

from awsmini.errors import OtherError

LOG = logging.getLogger(__name__)

NO_SUCH_BUCKET = ("S3 Bucket does not exist. Execute the command to create a new bucket\n"
                  "aws s3 mb s3://{bucket}")


class S3Uploader:
    """Uploads files to one bucket and prefix, each at most once."""

    def __init__(self, client: Any, bucket: str, prefix: str | None = None,
                 kms_key_id: str | None = None, force_upload: bool = False,
                 metadata: Mapping[str, str] | None = None,
                 progress: IO[str] | None = None) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix
        self.kms_key_id = kms_key_id or None
        self.force_upload = force_upload
        self.metadata = metadata
        self.progress = progress
        self._manager: Any = None

    def upload_with_dedup(self, path: str, extension: str | None = None) -> str:
        """Upload `path` under the MD5 of its content; its `s3://` URL."""
        remote_path = file_checksum(path)
        if extension:
            remote_path += "." + extension
        return self.upload(path, remote_path)

    def upload(self, path: str, remote_path: str) -> str:
        """Upload `path` to `remote_path` (under the prefix) unless it is already there."""
        from botocore.exceptions import ClientError

        if self.prefix:
            remote_path = "%s/%s" % (self.prefix, remote_path)
        if not self.force_upload and self._exists(remote_path):
            LOG.debug("File with same data already exists at %s. Skipping upload", remote_path)
            return self.url(remote_path)
        extra: dict[str, Any] = {"ServerSideEncryption": "AES256"}
        if self.kms_key_id:
            extra.update(ServerSideEncryption="aws:kms", SSEKMSKeyId=self.kms_key_id)
        if self.metadata:
            extra["Metadata"] = dict(self.metadata)
        subscribers = [_Progress(path, remote_path, self.progress)] if self.progress else []
        try:
            self._transfer_manager().upload(path, self.bucket, remote_path, extra,
                                            subscribers).result()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "NoSuchBucket":
                raise OtherError(NO_SUCH_BUCKET.format(bucket=self.bucket)) from error
            raise
        return self.url(remote_path)

    def url(self, key: str) -> str:
        return "s3://%s/%s" % (self.bucket, key)

    def path_style_url(self, key: str, version: str | None = None) -> str:
        """The object's path-style HTTP URL, which TemplateURL properties need."""
        url = "%s/%s/%s" % (self.client.meta.endpoint_url, self.bucket, key)
        return url + "?versionId=" + version if version else url

    def close(self) -> None:
        if self._manager is not None:
            self._manager.shutdown()
            self._manager = None

    def _exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=key)
            return True
        except ClientError:  # missing, or not ours to see: either way, upload
            return False

    def _transfer_manager(self) -> Any:
        if self._manager is None:
            from s3transfer.manager import TransferManager

            self._manager = TransferManager(self.client)
        return self._manager


def file_checksum(path: str) -> str:
    """The MD5 hex digest of the file's content (SHA-256 where MD5 is not allowed)."""
    try:
        checksum = hashlib.md5(usedforsecurity=False)
    except (TypeError, ValueError):  # FIPS builds
        checksum = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(65536), b""):
            checksum.update(block)
    return checksum.hexdigest()


class _Progress:
    """An s3transfer subscriber that prints v2's progress line on each chunk."""

    def __init__(self, path: str, remote_path: str, stream: IO[str]) -> None:
        self.remote_path = remote_path
        self.size = float(os.path.getsize(path))
        self.seen = 0
        self.stream = stream
        self.lock = threading.Lock()

    def on_queued(self, **kwargs: Any) -> None:
        pass

    def on_progress(self, bytes_transferred: int, **kwargs: Any) -> None:
        with self.lock:
            self.seen += bytes_transferred
            if not self.size:
                return
            # v2 prints the size as a float ("1234.0"), the count as an integer
            self.stream.write("\rUploading to %s  %s / %s  (%.2f%%)" % (
                self.remote_path, self.seen, self.size, self.seen / self.size * 100))
            self.stream.flush()

    def on_done(self, **kwargs: Any) -> None:
        pass


def s3_client(context: Any) -> Any:
    """The S3 client artifacts go through. v2 makes it without `--endpoint-url` (which
    names the CloudFormation endpoint): S3's endpoint comes from the profile or the
    environment (`AWS_ENDPOINT_URL_S3`, ...), else the region's."""
    from dataclasses import replace

    from awsmini.call import create_service_client

    return create_service_client("s3", replace(context.options, endpoint_url=None),
                                 context.settings, context.env.environ,
                                 config={"signature_version": "s3v4"})
