"""What a transfer command works on: the files and objects of its source, as a stream.

Follows v2's `fileformat.py`, `filegenerator.py` and `filters.py` (in
`awscli/customizations/s3/`):
- `format_paths(src, dest, dir_op)`: each side's type and path (local paths
  absolute; a directory, or any path of a recursive command, ends with a
  separator), and whether the destination takes the source's names.
- `local_files` / `s3_objects`: `FileStat`s in the order S3 lists keys (byte
  order of the whole relative path: a directory's entries are sorted with a `/`
  after directory names), one at a time, so that a listing of any size is
  compared and transferred as a stream, never held whole. Local files that
  cannot be read are skipped with v2's warnings (sent to `warn`).
- `Filter`: `--exclude`/`--include` in order, the last match deciding, each
  pattern rooted at the source and at the destination as v2 roots them.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterator, Mapping, Sequence

from awsmini.commands.s3.paths import split_bucket_key, split_s3_uri

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_SEPARATORS = {"s3": "/", "local": os.sep}


@dataclass(frozen=True)
class Side:
    """One end of a transfer: `s3` (path `bucket/key`, no scheme) or `local` (absolute)."""

    type: str
    path: str


@dataclass(frozen=True)
class Plan:
    """Both ends, whether the command works on a directory or prefix, and whether
    destination names come from the source's (`use_src_name`)."""

    src: Side
    dest: Side
    dir_op: bool
    use_src_name: bool


@dataclass
class FileStat:
    """One file or object to act on, and where it goes.

    `src`/`dest` are local paths or `bucket/key`; `compare_key` the name relative
    to the source root, with `/` separators (what sync compares); `size` and
    `last_update` (an aware datetime) may be unknown (None); `response` is the
    listing entry or HeadObject response of an object; `release` is called once
    its transfer is done, whatever the outcome (what `--case-conflict` holds back).
    """

    src: str
    dest: str
    compare_key: str
    src_type: str
    dest_type: str
    operation: str
    size: int | None = None
    last_update: datetime | None = None
    response: Mapping[str, Any] | None = None
    release: Callable[[], None] | None = None

    @property
    def etag(self) -> str | None:
        return (self.response or {}).get("ETag")

    def is_glacier_compatible(self) -> bool:
        """False for a download or copy of an object in GLACIER or DEEP_ARCHIVE that
        has not been restored (v2 skips those with a warning)."""
        response = self.response or {}
        frozen = (response.get("StorageClass") in ("GLACIER", "DEEP_ARCHIVE")
                  and 'ongoing-request="false"' not in response.get("Restore", ""))
        return not (frozen and self.operation in ("copy", "download", "move")
                    and self.src_type == "s3")


def format_paths(src: str, dest: str, dir_op: bool) -> Plan:
    """Both ends of a command, as v2's FileFormat makes them."""
    src_side, _ = _format(src, dir_op)
    dest_side, use_src_name = _format(dest, dir_op)
    return Plan(src_side, dest_side, dir_op, use_src_name)


def _format(path: str, dir_op: bool) -> tuple[Side, bool]:
    if path.startswith("s3://"):
        key_path = path[5:]
        if dir_op and not key_path.endswith("/"):
            key_path += "/"
        return Side("s3", key_path), dir_op or key_path.endswith("/")
    full = os.path.abspath(path)
    if os.path.isdir(full) or dir_op or path.endswith(os.sep):
        return Side("local", full + os.sep), True
    return Side("local", full), False


def destination(plan: Plan, src_path: str) -> tuple[str, str]:
    """(destination path, compare key) of one source file or object."""
    src_sep = _SEPARATORS[plan.src.type]
    if plan.dir_op:
        relative = src_path[len(plan.src.path):]
    else:
        relative = src_path.split(src_sep)[-1]
    compare_key = relative.replace(src_sep, "/")
    if plan.use_src_name:
        return plan.dest.path + relative.replace(src_sep, _SEPARATORS[plan.dest.type]), compare_key
    return plan.dest.path, compare_key


def file_stats(plan: Plan, entries: Iterator[tuple[str, Mapping[str, Any]]],
               operation: str) -> Iterator[FileStat]:
    """The `FileStat` of each `(source path, facts)` of a listing."""
    for path, facts in entries:
        dest, compare_key = destination(plan, path)
        yield FileStat(path, dest, compare_key, plan.src.type, plan.dest.type, operation,
                       facts.get("Size"), facts.get("LastModified"),
                       facts if plan.src.type == "s3" else None)


# ------------------------------------------------------------- local files

def local_files(path: str, dir_op: bool, follow_symlinks: bool,
                warn: Callable[[str], None]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """`(path, {"Size", "LastModified"})` of the file, or of every file under the directory."""
    if _is_ignored(path, follow_symlinks, warn):
        return
    if not dir_op:
        facts = _stat(path, warn)
        if facts is not None:
            yield path, facts
        return
    yield from _walk(path, follow_symlinks, warn)


def _walk(directory: str, follow_symlinks: bool,
          warn: Callable[[str], None]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    names = []
    for name in os.listdir(directory):
        if _is_ignored(os.path.join(directory, name), follow_symlinks, warn):
            continue
        if os.path.isdir(os.path.join(directory, name)):
            name += os.sep
        names.append(name)
    # S3's order: byte order of the whole key, a directory's name followed by `/`
    names.sort(key=lambda name: name.replace(os.sep, "/"))
    for name in names:
        path = os.path.join(directory, name)
        if name.endswith(os.sep):
            yield from _walk(path, follow_symlinks, warn)
        else:
            facts = _stat(path, warn)
            if facts is not None:
                yield path, facts


def _stat(path: str, warn: Callable[[str], None]) -> Mapping[str, Any] | None:
    try:
        stats = os.stat(path)
    except OSError as error:
        warn(skip_warning(path, 'Could not retrieve file stat of "%s": %s' % (path, error)))
        return None
    try:
        modified = datetime.fromtimestamp(stats.st_mtime, timezone.utc)
    except (ValueError, OSError, OverflowError):
        warn("warning: %s. File has an invalid timestamp. Passing epoch time as timestamp."
             % path)
        modified = EPOCH
    return {"Size": stats.st_size, "LastModified": modified}


def _is_ignored(path: str, follow_symlinks: bool, warn: Callable[[str], None]) -> bool:
    """Links not followed, and paths v2 skips with a warning: missing, special, unreadable."""
    if not follow_symlinks:
        link = path[:-1] if path.endswith(os.sep) and os.path.isdir(path) else path
        if os.path.islink(link):
            return True
    if not os.path.exists(path):
        warn(skip_warning(path, "File does not exist."))
        return True
    mode = os.stat(path).st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        warn(skip_warning(path, "File is character special device, block special device, "
                                "FIFO, or socket."))
        return True
    if not _is_readable(path):
        warn(skip_warning(path, "File/Directory is not readable."))
        return True
    return False


def _is_readable(path: str) -> bool:
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            with open(path, "rb"):
                pass
    except OSError:
        return False
    return True


def skip_warning(path: str, message: str) -> str:
    return "warning: Skipping file %s. %s" % (path, message)


# ------------------------------------------------------------- S3 objects

def s3_objects(client: Any, path: str, dir_op: bool, operation: str, page_size: int | None,
               list_args: Mapping[str, Any], head_args: Mapping[str, Any]
               ) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """`(bucket/key, facts)` of the object, or of every object under the prefix.

    One named object is asked for with HeadObject (a delete asks nothing); a
    prefix is listed page by page. Zero-byte keys ending in `/` (folders made in
    the console) are skipped, except by deletes.
    """
    bucket, prefix = split_bucket_key(path)
    if not dir_op and prefix:
        yield _head_object(client, path, operation, head_args)
        return
    from awsmini.call import translate_errors

    params = {"Bucket": bucket, "Prefix": prefix, "PaginationConfig": {"PageSize": page_size},
              **list_args}
    with translate_errors():
        for page in client.get_paginator("list_objects_v2").paginate(**params):
            for entry in page.get("Contents", []):
                source = bucket + "/" + entry["Key"]
                entry["LastModified"] = _aware(entry["LastModified"])
                if entry["Size"] == 0 and source.endswith("/"):
                    if operation == "delete":
                        yield source, entry
                elif dir_op or source == path:
                    yield source, entry


def _head_object(client: Any, path: str, operation: str,
                 head_args: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    if operation == "delete":  # nothing HeadObject says is needed to delete
        return path, {"Size": None, "LastModified": None}
    from botocore.exceptions import ClientError

    from awsmini.call import translate_errors

    bucket, key = split_bucket_key(path)
    with translate_errors():
        try:
            response = client.head_object(Bucket=bucket, Key=key, **head_args)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "404":
                raise
            # v2 names the key rather than repeating "Not Found"
            answer = dict(error.response)
            answer["Error"] = {**answer["Error"], "Message": 'Key "%s" does not exist' % key}
            raise ClientError(answer, "HeadObject") from None
    response["Size"] = int(response.pop("ContentLength"))
    response["LastModified"] = _aware(response["LastModified"])
    return path, response


def _aware(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


# ----------------------------------------------------------------- filters

class Filter:
    """`--exclude`/`--include` patterns, in order; a path no pattern matches is kept."""

    def __init__(self, filters: Sequence[tuple[str, str]] | None, src: str, dest: str,
                 dir_op: bool) -> None:
        self.rules: list[tuple[bool, str, str]] = []
        if filters:
            src_root, dest_root = _root(src, dir_op), _root(dest, dir_op)
            self.rules = [(kind == "include", os.path.join(src_root, pattern),
                           os.path.join(dest_root, pattern)) for kind, pattern in filters]

    def __call__(self, files: Iterator[FileStat]) -> Iterator[FileStat]:
        if not self.rules:
            yield from files
            return
        for info in files:
            if self.keeps(info):
                yield info

    def keeps(self, info: FileStat) -> bool:
        keep = True
        for include, src_pattern, dest_pattern in self.rules:
            # v2 matches every path against the patterns of both roots
            for pattern in (src_pattern, dest_pattern):
                if info.src_type == "local":
                    pattern = pattern.replace("/", os.sep)
                else:
                    pattern = pattern.replace(os.sep, "/")
                if fnmatch.fnmatch(info.src, pattern):
                    keep = include
        return keep


def _root(location: str, dir_op: bool) -> str:
    if location.startswith("s3://"):
        bucket, key = split_s3_uri(location)
        if not dir_op and not key.endswith("/"):
            key = "/".join(key.split("/")[:-1])
        return bucket + "/" + key
    return os.path.abspath(location if dir_op else os.path.dirname(location))
