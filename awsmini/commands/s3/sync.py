"""What `sync` transfers: the source and destination listings merged as two streams.

Follows v2's `comparator.py` and `syncstrategy/` (`awscli/customizations/s3/`).
Both listings come in the same order (S3's key order), so one pass with one
entry of each side in hand decides every name, and neither side is ever held
whole: a name at both ends is transferred when the strategy says it changed; a
name only at the source is transferred; a name only at the destination is
deleted with `--delete`.

The strategies for a name at both ends, as v2 picks them:
- by default, a different size, or a time that says the destination is older
  (for uploads and copies: the destination's time is before the source's; for
  downloads: the local file's time is after the object's);
- `--size-only`: a different size;
- `--exact-timestamps`: as the default, but a download also when the times differ;
- `--no-overwrite`: never.
`--case-conflict` (downloads into a directory) decides about a name only at
the source whose lower-case form is already on its way.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterator, Mapping

from awsmini.commands.s3.files import FileStat

Decide = Callable[[FileStat, FileStat], bool]


def changed(source: FileStat, dest: FileStat) -> bool:
    return source.size != dest.size or not _time_agrees(source, dest, exact=False)


def changed_exactly(source: FileStat, dest: FileStat) -> bool:
    return source.size != dest.size or not _time_agrees(source, dest, exact=True)


def size_changed(source: FileStat, dest: FileStat) -> bool:
    return source.size != dest.size


def never(source: FileStat, dest: FileStat) -> bool:
    return False


def _time_agrees(source: FileStat, dest: FileStat, exact: bool) -> bool:
    seconds = (dest.last_update - source.last_update).total_seconds()  # type: ignore[operator]
    if source.operation == "download":
        return seconds == 0 if exact else seconds <= 0
    return seconds >= 0


def at_both_ends(args: Mapping[str, Any]) -> Decide:
    """The strategy for names at both ends, as the options choose it (the last wins, as in v2)."""
    decide: Decide = changed
    if args.get("size-only"):
        decide = size_changed
    if args.get("exact-timestamps"):
        decide = changed_exactly
    if args.get("no-overwrite"):
        decide = never
    return decide


def compare(sources: Iterator[FileStat], dests: Iterator[FileStat], decide: Decide,
            delete: bool, only_at_source: Callable[[FileStat], bool] = lambda info: True
            ) -> Iterator[FileStat]:
    """The files to act on: sources to transfer and, with `delete`, destinations to delete."""
    source = next(sources, None)
    dest = next(dests, None)
    while source is not None or dest is not None:
        if dest is None or (source is not None and source.compare_key < dest.compare_key):
            if only_at_source(source):  # type: ignore[arg-type]
                yield source  # type: ignore[misc]
            source = next(sources, None)
        elif source is None or source.compare_key > dest.compare_key:
            if delete:
                dest.operation = "delete"
                yield dest
            dest = next(dests, None)
        else:
            if decide(source, dest):
                yield source
            source, dest = next(sources, None), next(dests, None)


class CaseConflicts:
    """`--case-conflict` for names only at the source of a download into a directory.

    A name whose lower-case form is being downloaded (or exists, on a file system
    that does not tell cases apart) is skipped, warned about, or ends the command.
    """

    DOC_URI = "https://docs.aws.amazon.com/cli/latest/topic/s3-case-insensitivity.html"

    def __init__(self, mode: str, warn: Callable[[str], None]) -> None:
        self.mode, self.warn = mode, warn
        self.submitted: set[str] = set()

    def __call__(self, info: FileStat) -> bool:
        lowered = info.compare_key.lower()
        if lowered in self.submitted or os.path.exists(info.dest):
            if self.mode == "skip":
                self.warn("warning: Skipping %s -> %s because a file whose name differs only "
                          "by case either exists or is being downloaded.\n" % (info.src, info.dest))
                return False
            if self.mode == "warn":
                self.warn("warning: Downloading %s -> %s despite a file whose name differs only "
                          "by case either existing or being downloaded. This behavior is not "
                          "defined on case-insensitive filesystems and may result in "
                          "overwriting existing files or race conditions between concurrent "
                          "downloads. For more information, see %s.\n"
                          % (info.src, info.dest, self.DOC_URI))
            elif self.mode == "error":
                raise CaseConflictError(
                    "Failed to download %s -> %s because a file whose name differs only by "
                    "case either exists or is being downloaded." % (info.src, info.dest))
        self.submitted.add(lowered)
        # once downloaded, the name is on disk and os.path.exists sees it
        info.release = lambda: self.submitted.discard(lowered)
        return True


class CaseConflictError(Exception):
    pass
