"""One file or object -> one transfer handed to s3transfer, reported as it goes.

Follows v2's `s3handler.py` and `subscribers.py` (`awscli/customizations/s3/`).
`Submitter.submit(info)` chooses by the operation: an upload, a download, a copy
or a delete on the transfer manager, or a local delete (sync `--delete` into a
directory); a stream from stdin or to stdout for `cp -`. Before anything is
sent, files v2 skips are reported as warnings (objects in GLACIER, keys that
would escape the destination directory, a file larger than S3 takes) or left
quietly (`--no-overwrite` onto an existing file). Each transfer carries
subscribers, in v2's order: its size and ETag for s3transfer, the `queued`
event, the preparations (guessed Content-Type, the download's directory, the
copy's properties), then, once done, the finishing steps (the file's
modification time, a move's deletion of its source) and the `success`,
`failure` or `cancelled` event.
"""
from __future__ import annotations

import mimetypes
import os
import threading
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from s3transfer.exceptions import CancelledError, FatalError
from s3transfer.subscribers import BaseSubscriber

from awsmini.commands.s3 import params
from awsmini.commands.s3.copyprops import copy_props_subscribers
from awsmini.commands.s3.files import FileStat, skip_warning
from awsmini.commands.s3.paths import human_readable_size, relative_path, split_bucket_key
from awsmini.commands.s3.results import Event, Results

MAX_UPLOAD_SIZE = 5 * 1024 ** 4


@dataclass(frozen=True)
class Flags:
    """What the command asks of every transfer."""

    is_move: bool = False
    is_stream: bool = False
    dryrun: bool = False
    dir_op: bool = False


class Submitter:
    """Submits the transfers of one command to one transfer manager."""

    def __init__(self, manager: Any, args: Mapping[str, Any], results: Results, flags: Flags,
                 client: Any, source_client: Any, streams: tuple[Any, Any]) -> None:
        self.manager, self.args, self.results, self.flags = manager, args, results, flags
        self.client, self.source_client = client, source_client
        self.stdin, self.stdout = streams
        self._pending = _Pending()

    def submit(self, info: FileStat) -> bool:
        """Whether a transfer (or its dry run) was submitted for `info`."""
        kind = self._kind(info)
        if self._skips(kind, info):
            return False
        transfer_type = "move" if self.flags.is_move else info.operation
        src, dest = self._shown(kind, info)
        if self.flags.dryrun:
            self.results.put(Event("dryrun", transfer_type, src, dest))
            return True
        if kind == "local-delete":
            return self._delete_local(info, src)
        report = (self.results, transfer_type, src, dest)
        subscribers: list[BaseSubscriber] = []
        if kind in ("upload", "download", "copy"):
            subscribers.append(_Facts(info.size, info.etag))
        elif kind == "stream-upload" and self._expected_size() is not None:
            subscribers.append(_Facts(self._expected_size(), None))
        subscribers.append(_Queued(*report))
        subscribers.extend(getattr(self, "_extra_" + kind.replace("-", "_"))(info))
        subscribers.append(_Done(*report))
        subscribers.append(_OnDone(self._pending.remove))
        getattr(self, "_submit_" + kind.replace("-", "_"))(info, subscribers)
        self._pending.add()
        return True

    def wait(self) -> None:
        """Until every transfer submitted is done; Ctrl-C ends the wait at once."""
        self._pending.wait()

    # ------------------------------------------------------------ what and how

    def _kind(self, info: FileStat) -> str:
        if info.operation == "delete":
            return "delete" if info.src_type == "s3" else "local-delete"
        if self.flags.is_stream:
            return "stream-" + info.operation
        return info.operation

    def _shown(self, kind: str, info: FileStat) -> tuple[str, str | None]:
        """(source, destination) as the result lines print them."""
        if kind in ("delete", "local-delete"):
            return self._show(info.src_type, info.src, kind), None
        return self._show(info.src_type, info.src, kind), self._show(info.dest_type, info.dest,
                                                                     kind)

    def _show(self, path_type: str, path: str, kind: str) -> str:
        if path_type == "s3":
            return path if path.startswith("s3://") else "s3://" + path
        return "-" if kind.startswith("stream-") else relative_path(path)

    def _expected_size(self) -> int | None:
        size = self.args.get("expected-size")
        return int(size) if size is not None else None

    def _skips(self, kind: str, info: FileStat) -> bool:
        """Warn about (or quietly pass over) what v2 does not transfer."""
        if kind == "upload" and info.size and info.size > MAX_UPLOAD_SIZE:
            shown = relative_path(info.src)
            self._warn("warning: File %s exceeds s3 upload limit of %s."
                       % (shown, human_readable_size(MAX_UPLOAD_SIZE)))
            return False  # v2 warns and tries all the same
        if kind in ("download", "copy") and self._is_frozen(info):
            return True
        if kind == "download":
            if os.path.normpath(os.path.join(".", info.compare_key)).startswith(".." + os.sep):
                self._warn(skip_warning(info.compare_key, "File references a parent directory."))
                return True
            if self.args.get("no-overwrite") and os.path.exists(info.dest):
                return True
        return False

    def _is_frozen(self, info: FileStat) -> bool:
        if self.args.get("force-glacier-transfer") or info.is_glacier_compatible():
            return False
        if not self.args.get("ignore-glacier-warnings"):
            operation = info.operation
            self._warn(skip_warning(
                "s3://" + info.src,
                "Object is of storage class GLACIER. Unable to perform %s operations on GLACIER "
                "objects. You must restore the object to be able to perform the operation. See "
                "aws s3 %s help for additional parameter options to ignore or force these "
                "transfers." % (operation, operation)))
        return True

    def _warn(self, message: str) -> None:
        self.results.put(Event("warning", message=message))

    # ------------------------------------------------------------- submitting

    def _submit_upload(self, info: FileStat, subscribers: list) -> None:
        bucket, key = split_bucket_key(info.dest)
        self.manager.upload(info.src, bucket, key, params.put_object(self.args), subscribers)

    def _submit_stream_upload(self, info: FileStat, subscribers: list) -> None:
        bucket, key = split_bucket_key(info.dest)
        self.manager.upload(_ReadOnly(self.stdin), bucket, key, params.put_object(self.args),
                            subscribers)

    def _submit_download(self, info: FileStat, subscribers: list) -> None:
        bucket, key = split_bucket_key(info.src)
        self.manager.download(bucket, key, info.dest, params.get_object(self.args), subscribers)

    def _submit_stream_download(self, info: FileStat, subscribers: list) -> None:
        bucket, key = split_bucket_key(info.src)
        self.manager.download(bucket, key, _WriteOnly(self.stdout),
                              params.get_object(self.args), subscribers)

    def _submit_copy(self, info: FileStat, subscribers: list) -> None:
        bucket, key = split_bucket_key(info.dest)
        source_bucket, source_key = split_bucket_key(info.src)
        self.manager.copy({"Bucket": source_bucket, "Key": source_key}, bucket, key,
                          params.copy_object(self.args), subscribers, self.source_client)

    def _submit_delete(self, info: FileStat, subscribers: list) -> None:
        bucket, key = split_bucket_key(info.src)
        self.manager.delete(bucket, key, params.payer_only(self.args), subscribers)

    def _delete_local(self, info: FileStat, shown: str) -> bool:
        self.results.put(Event("queued", "delete", shown, size=0))
        try:
            os.remove(info.src)
        except OSError as error:
            self.results.put(Event("failure", "delete", shown, message=str(error)))
        else:
            self.results.put(Event("success", "delete", shown))
        return True

    # ----------------------------------------------------- additional subscribers

    def _extra_upload(self, info: FileStat) -> list:
        extra: list[BaseSubscriber] = []
        if not self.args.get("no-guess-mime-type") and not self.args.get("content-type"):
            extra.append(_OnQueued(_guess_content_type))
        if self.flags.is_move:
            extra.append(_OnSuccess(lambda future: os.remove(future.meta.call_args.fileobj)))
        return extra

    def _extra_download(self, info: FileStat) -> list:
        extra: list[BaseSubscriber] = [_OnQueued(_make_directory),
                                       _OnSuccess(self._set_mtime(info))]
        if self.flags.is_move:
            extra.append(_OnSuccess(self._delete_source(lambda args: (args.bucket, args.key))))
        if info.release is not None:
            extra.append(_OnDone(info.release))
        return extra

    def _extra_copy(self, info: FileStat) -> list:
        extra = []
        if not self.args.get("metadata-directive"):
            extra.extend(copy_props_subscribers(
                self.args, info, self.flags.dir_op, self.client, self.source_client,
                self.manager.config.multipart_threshold))
        if self.flags.is_move:
            extra.append(_OnSuccess(self._delete_source(
                lambda args: (args.copy_source["Bucket"], args.copy_source["Key"]))))
        return extra

    def _extra_delete(self, info: FileStat) -> list:
        return []

    _extra_stream_upload = _extra_delete
    _extra_stream_download = _extra_delete

    def _set_mtime(self, info: FileStat) -> Callable[[Any], None]:
        def set_mtime(future: Any) -> None:
            filename = future.meta.call_args.fileobj
            try:
                stamp = int(info.last_update.timestamp())  # type: ignore[union-attr]
                os.utime(filename, (stamp, stamp))
            except Exception as error:  # the download stands; v2 warns
                self._warn(skip_warning(filename, "Successfully Downloaded %s but was unable "
                                        "to update the last modified time. %s"
                                        % (filename, error)))
        return set_mtime

    def _delete_source(self, where: Callable[[Any], tuple[str, str]]) -> Callable[[Any], None]:
        def delete_source(future: Any) -> None:
            call_args = future.meta.call_args
            bucket, key = where(call_args)
            extra = {}
            if call_args.extra_args.get("RequestPayer"):
                extra["RequestPayer"] = call_args.extra_args["RequestPayer"]
            self.source_client.delete_object(Bucket=bucket, Key=key, **extra)
        return delete_source


# --------------------------------------------------------------- subscribers

class _Facts(BaseSubscriber):
    """Tells s3transfer the size (no HeadObject needed) and ETag it would ask for."""

    def __init__(self, size: int | None, etag: str | None) -> None:
        self.size, self.etag = size, etag

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        if self.size is not None:
            future.meta.provide_transfer_size(self.size)
        if hasattr(future.meta, "provide_object_etag"):
            future.meta.provide_object_etag(self.etag)


class _Queued(BaseSubscriber):
    def __init__(self, results: Results, transfer_type: str, src: str, dest: str | None) -> None:
        self.results, self.event = results, Event("queued", transfer_type, src, dest)

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        self.results.put(Event("queued", self.event.transfer_type, self.event.src,
                               self.event.dest, future.meta.size))


class _Done(_Queued):
    """Progress, then the outcome, as events."""

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        pass

    def on_progress(self, future: Any, bytes_transferred: int, **kwargs: Any) -> None:
        import time

        self.results.put(Event("progress", self.event.transfer_type, self.event.src,
                               self.event.dest, bytes_transferred, future.meta.size,
                               timestamp=time.time()))

    def on_done(self, future: Any, **kwargs: Any) -> None:
        event = self.event
        try:
            future.result()
        except FatalError as error:
            self.results.put(Event("error", message=str(error)))
        except CancelledError:
            self.results.put(Event("cancelled"))
        except Exception as error:
            code = getattr(error, "response", {}).get("Error", {}).get("Code")
            if code == "PreconditionFailed":  # --no-overwrite: it is there already
                self.results.put(Event("skip", event.transfer_type, event.src, event.dest))
            else:
                self.results.put(Event("failure", event.transfer_type, event.src, event.dest,
                                       message=str(error)))
        else:
            self.results.put(Event("success", event.transfer_type, event.src, event.dest))


class _Pending:
    """How many transfers s3transfer has not finished, waited for in short steps.

    s3transfer waits for its transfers on an event without a timeout. When the
    kernel hands Ctrl-C's SIGINT to one of its worker threads, Python runs the
    handler in the main thread only once that wait ends, after every transfer:
    waiting here in steps lets KeyboardInterrupt stop them at once.
    """

    STEP = 0.1  # seconds

    def __init__(self) -> None:
        self._count = 0
        self._settled = threading.Condition()

    def add(self) -> None:
        with self._settled:
            self._count += 1

    def remove(self) -> None:  # may come before its add: the count only has to end at 0
        with self._settled:
            self._count -= 1
            self._settled.notify_all()

    def wait(self) -> None:
        with self._settled:
            while self._count > 0:
                self._settled.wait(self.STEP)


class _OnQueued(BaseSubscriber):
    def __init__(self, prepare: Callable[[Any], None]) -> None:
        self.prepare = prepare

    def on_queued(self, future: Any, **kwargs: Any) -> None:
        self.prepare(future)


class _OnDone(BaseSubscriber):
    def __init__(self, finish: Callable[[], None]) -> None:
        self.finish = finish

    def on_done(self, future: Any, **kwargs: Any) -> None:
        self.finish()


class _OnSuccess(BaseSubscriber):
    """A step after a successful transfer; its failure fails the transfer."""

    def __init__(self, finish: Callable[[Any], None]) -> None:
        self.finish = finish

    def on_done(self, future: Any, **kwargs: Any) -> None:
        try:
            future.result()
        except Exception:
            return
        try:
            self.finish(future)
        except Exception as error:
            future.set_exception(error)


def _guess_content_type(future: Any) -> None:
    try:
        guessed = mimetypes.guess_type(future.meta.call_args.fileobj)[0]
    except UnicodeDecodeError:
        guessed = None
    if guessed is not None:
        future.meta.call_args.extra_args["ContentType"] = guessed


def _make_directory(future: Any) -> None:
    directory = os.path.dirname(future.meta.call_args.fileobj)
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as error:
        raise OSError("Could not create directory %s: %s" % (directory, error)) from None


class _ReadOnly:
    """stdin as a stream that cannot seek (s3transfer then reads it in parts)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def read(self, amount: int | None = None) -> bytes:
        return self._stream.read() if amount is None else self._stream.read(amount)


class _WriteOnly:
    """stdout as a stream that cannot seek (s3transfer then writes it in order)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: bytes) -> None:
        self._stream.write(data)
        self._stream.flush()
