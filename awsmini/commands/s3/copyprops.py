"""`--copy-props`: what an S3 to S3 copy takes from its source object.

Follows v2's `CopyPropsSubscriberFactory` and the subscribers it makes
(`awscli/customizations/s3/subscribers.py`). A copy in one CopyObject call
keeps the source's properties and tags by itself; a multipart copy (at or
over `multipart_threshold`) starts a new object, so the properties are read
with HeadObject and sent along, and the tags are read with GetObjectTagging and
sent as the `Tagging` header (or, longer than 2 KiB, put once the copy is done;
if that fails, the copy is deleted and fails). A copy that sets one of the
properties itself (`--content-type`, ...) replaces them all, so the others are
read from the source too.
- `none`: nothing is taken (metadata and tags replaced);
- `metadata-directive`: the properties, not the tags;
- `default`: the properties and the tags;
- `all`: those and the object's annotations.
Annotations are left behind by the others (`AnnotationDirective: EXCLUDE`).
With a botocore whose S3 model predates annotations, none of this is sent: that
S3 API has no annotations to keep or leave.
"""
from __future__ import annotations

from typing import Any, Mapping

from s3transfer.subscribers import BaseSubscriber

from awsmini.commands.s3 import params
from awsmini.commands.s3.files import FileStat

PROPERTIES = ("CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage",
              "ContentType", "Expires", "Metadata")
MAX_TAGGING_HEADER = 2 * 1024


def copy_props_subscribers(args: Mapping[str, Any], info: FileStat, dir_op: bool, client: Any,
                           source_client: Any, threshold: int) -> list[BaseSubscriber]:
    mode = args.get("copy-props") or "default"
    annotations = _has_annotations(client)
    exclude = {"AnnotationDirective": "EXCLUDE"} if annotations else {}
    if mode == "none":
        return [_Directives({"MetadataDirective": "REPLACE", "TaggingDirective": "REPLACE",
                             **exclude})]
    head = None if dir_op else info.response
    subscribers: list[BaseSubscriber] = [_Properties(args, source_client, threshold, head)]
    if mode == "metadata-directive":
        subscribers.append(_Directives({"TaggingDirective": "REPLACE"}))
    else:
        subscribers.append(_Tags(args, client, source_client, threshold))
    if mode == "all" and annotations:
        subscribers.append(_Annotations(args, client, source_client, threshold, head))
    elif exclude:
        subscribers.append(_Directives(exclude))
    return subscribers


def _has_annotations(client: Any) -> bool:
    """Whether the client's S3 model has object annotations (botocore 1.44 on)."""
    copy = client.meta.service_model.operation_model("CopyObject")
    return "AnnotationDirective" in copy.input_shape.members


class _Directives(BaseSubscriber):
    def __init__(self, directives: Mapping[str, str]) -> None:
        self.directives = directives

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        future.meta.call_args.extra_args.update(self.directives)


class _Multipart(BaseSubscriber):
    def __init__(self, args: Mapping[str, Any], source_client: Any, threshold: int) -> None:
        self.args, self.source_client, self.threshold = args, source_client, threshold

    def is_multipart(self, future: Any) -> bool:
        return future.meta.size is not None and future.meta.size >= self.threshold

    @staticmethod
    def source(future: Any) -> tuple[str, str]:
        copy_source = future.meta.call_args.copy_source
        return copy_source["Bucket"], copy_source["Key"]


class _Properties(_Multipart):
    def __init__(self, args: Mapping[str, Any], source_client: Any, threshold: int,
                 head: Mapping[str, Any] | None) -> None:
        super().__init__(args, source_client, threshold)
        self.head = head

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        extra = future.meta.call_args.extra_args
        if not self.is_multipart(future) and not any(name in extra for name in PROPERTIES):
            return
        # a single CopyObject needs it to take the given values; s3transfer keeps a
        # multipart copy's given values only with it (it is not sent for those)
        extra["MetadataDirective"] = "REPLACE"
        head = self.head
        if head is None:
            bucket, key = self.source(future)
            head = self.source_client.head_object(Bucket=bucket, Key=key,
                                                  **params.head_object(self.args, True))
        for name in PROPERTIES:
            if name not in extra and name in head:
                extra[name] = head[name]


class _Tags(_Multipart):
    def __init__(self, args: Mapping[str, Any], client: Any, source_client: Any,
                 threshold: int) -> None:
        super().__init__(args, source_client, threshold)
        self.client = client

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        if not self.is_multipart(future):
            return
        from botocore.utils import percent_encode_sequence

        bucket, key = self.source(future)
        tags = self.source_client.get_object_tagging(
            Bucket=bucket, Key=key, **params.payer_only(self.args))["TagSet"]
        if not tags:
            return
        header = percent_encode_sequence([(tag["Key"], tag["Value"]) for tag in tags])
        if len(header.encode("utf-8")) <= MAX_TAGGING_HEADER:
            future.meta.call_args.extra_args["Tagging"] = header
        else:
            future.meta.user_context["TagSet"] = tags

    def on_done(self, future: Any, **kwargs: Any) -> None:
        tags = future.meta.user_context.get("TagSet")
        if not tags or not _succeeded(future):
            return
        call_args = future.meta.call_args
        try:
            self.client.put_object_tagging(Bucket=call_args.bucket, Key=call_args.key,
                                           Tagging={"TagSet": tags},
                                           **params.payer_only(self.args))
        except Exception as error:
            self.client.delete_object(Bucket=call_args.bucket, Key=call_args.key,
                                      **params.payer_only(self.args))
            future.set_exception(error)


class _Annotations(_Multipart):
    def __init__(self, args: Mapping[str, Any], client: Any, source_client: Any, threshold: int,
                 head: Mapping[str, Any] | None) -> None:
        super().__init__(args, source_client, threshold)
        self.client, self.head = client, head

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        if not self.is_multipart(future):
            return
        bucket, key = self.source(future)
        version_id = (self.head or {}).get("VersionId")
        version = {"VersionId": version_id} if version_id else {}
        extra = {**params.payer_only(self.args), **version}
        names = [annotation["AnnotationName"]
                 for page in self.source_client.get_paginator("list_object_annotations")
                 .paginate(Bucket=bucket, Key=key, **extra)
                 for annotation in page.get("Annotations", [])]
        future.meta.user_context["CopySourceAnnotations"] = {
            name: self.source_client.get_object_annotation(
                Bucket=bucket, Key=key, AnnotationName=name, **extra)["AnnotationPayload"].read()
            for name in names}

    def on_done(self, future: Any, **kwargs: Any) -> None:
        annotations = future.meta.user_context.get("CopySourceAnnotations")
        if not annotations or not _succeeded(future):
            return
        call_args = future.meta.call_args
        response = future.result() or {}
        identity = {"ObjectIfMatch": response.get("ETag"), "VersionId": response.get("VersionId")}
        identity = {name: value for name, value in identity.items() if value is not None}
        written, failed = [], []
        for name, payload in annotations.items():
            try:
                self.client.put_object_annotation(
                    Bucket=call_args.bucket, Key=call_args.key, AnnotationName=name,
                    AnnotationPayload=payload, **params.payer_only(self.args), **identity)
                written.append(name)
            except Exception as error:
                failed.append("%s: %s" % (name, error))
        if failed:
            future.set_exception(RuntimeError(
                "Failed to copy all annotations to s3://%s/%s. The object was copied "
                "successfully and was not deleted. Annotations written: %s. Annotations that "
                "failed: %s." % (call_args.bucket, call_args.key, ", ".join(written) or "(none)",
                                 "; ".join(failed))))


def _succeeded(future: Any) -> bool:
    try:
        future.result()
    except Exception:
        return False
    return True
