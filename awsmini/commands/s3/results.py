"""What transfers report, counted and printed in v2's words, from one thread.

Transfers (s3transfer's worker threads, and the command itself) put `Event`s on
a queue; `Results` takes them off in a thread of its own, keeps the counts
(files expected, done, failed, skipped, warned; bytes expected and done) and
prints v2's lines (`awscli/customizations/s3/results.py`):
- to stdout: `upload: ./a.txt to s3://b/a.txt`, `(dryrun) delete: s3://b/k`,
  and the progress line, `Completed 1.0 MiB/3.0 MiB (2.5 MiB/s) with 2 file(s)
  remaining`, written over itself with `\\r` (even into a pipe, as v2 does)
  and padded so that a shorter line covers a longer one;
- to stderr: `upload failed: SRC to DEST <error>`, `warning: ...`, `fatal
  error: <error>` and `cancelled: ctrl-c received`.
`mode` chooses what is printed: `quiet` nothing, `errors` no progress and no
result lines but the dry run's, `no-progress` no progress line, `progress`
everything.
The exit code: 1 when a transfer failed or a fatal error ended the command,
2 when a file was skipped with a warning, else 0.
"""
from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from awsmini.commands.s3.paths import human_readable_size


@dataclass(frozen=True)
class Event:
    """One thing that happened: `kind` is queued, progress, success, failure, dryrun,
    skip, warning, error, cancelled or total."""

    kind: str
    transfer_type: str = ""
    src: str = ""
    dest: str | None = None
    size: int | None = None  # queued: expected bytes; progress: bytes just moved
    total: int | None = None  # progress: the transfer's size, when known
    message: str = ""  # failure, warning, error
    timestamp: float = 0.0

    @property
    def key(self) -> str:
        return ":".join(part for part in (self.transfer_type, self.src, self.dest) if part)


_STOP = Event("stop")


class Results:
    """Counts and prints the events of one command (use as a context manager)."""

    def __init__(self, write: Callable[[str], None], warn: Callable[[str], None],
                 mode: str = "progress", frequency: int | None = 0,
                 oneline: bool = True) -> None:
        self.queue: queue.Queue[Event] = queue.Queue()
        self._write, self._warn = write, warn
        self._mode, self._frequency, self._oneline = mode, frequency or 0, oneline
        self.expected_files = 0
        self.final_files: int | None = None
        self.done_files = 0
        self.failed_files = 0
        self.skipped_files = 0
        self.warned_files = 0
        self.errors = 0
        self.expected_bytes = 0
        self.done_bytes = 0
        self.failed_bytes = 0
        self.speed = 0.0
        self._start: float | None = None
        self._ongoing: dict[str, int] = {}
        self._sizes: dict[str, int | None] = {}
        self._progress_length = 0
        self._first = True
        self._last_print = time.time()
        self._thread = threading.Thread(target=self._run, name="s3-results", daemon=True)
        self._enabled = True

    def put(self, event: Event) -> None:
        self.queue.put(event)

    def __enter__(self) -> "Results":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.queue.put(_STOP)
        self._thread.join()

    @property
    def exit_code(self) -> int:
        if self.failed_files + self.errors:
            return 1
        return 2 if self.warned_files else 0

    # --------------------------------------------------------------- the thread

    def _run(self) -> None:
        while True:
            event = self.queue.get()
            if event is _STOP:
                return
            if self._enabled:
                self._record(event)
                if self._mode != "quiet":
                    getattr(self, "_print_" + event.kind)(event)
            if event.kind in ("error", "cancelled"):  # the rest is drained unseen
                self._enabled = False

    def _record(self, event: Event) -> None:
        kind = event.kind
        if kind == "queued":
            if self._start is None:
                self._start = time.time()
            self._sizes[event.key] = event.size
            if event.size:
                self.expected_bytes += event.size
            self.expected_files += 1
        elif kind == "progress":
            self._learn_size(event)
            self._ongoing[event.key] = self._ongoing.get(event.key, 0) + (event.size or 0)
            self.done_bytes += event.size or 0
            if self._start is not None and event.timestamp > self._start:
                self.speed = self.done_bytes / (event.timestamp - self._start)
        elif kind == "success":
            self._ongoing.pop(event.key, None)
            self._sizes.pop(event.key, None)
            self.done_files += 1
        elif kind == "failure":
            moved = self._ongoing.pop(event.key, 0)
            size = self._sizes.pop(event.key, None)
            if size is not None:
                self.failed_bytes += size - moved
            self.failed_files += 1
            self.done_files += 1
        elif kind == "skip":
            self.skipped_files += 1
        elif kind == "warning":
            self.warned_files += 1
        elif kind in ("error", "cancelled"):
            self.errors += 1
        elif kind == "total":
            self.final_files = event.size

    def _learn_size(self, event: Event) -> None:
        """A transfer queued with no size (a stream) tells it in its progress."""
        if self._sizes.get(event.key, 0) is None:
            if event.total is not None:
                self._sizes[event.key] = event.total
                self.expected_bytes += event.total - self._ongoing.get(event.key, 0)
            else:
                self.expected_bytes += event.size or 0

    # ----------------------------------------------------------------- printing

    def _location(self, event: Event) -> str:
        return event.src if event.dest is None else "%s to %s" % (event.src, event.dest)

    def _print_success(self, event: Event) -> None:
        if self._mode != "errors":
            self._out("%s: %s" % (event.transfer_type, self._location(event)))
        self._redisplay()

    def _print_dryrun(self, event: Event) -> None:
        self._out("(dryrun) %s: %s" % (event.transfer_type, self._location(event)))

    def _print_failure(self, event: Event) -> None:
        self._err("%s failed: %s %s" % (event.transfer_type, self._location(event),
                                        event.message))
        self._redisplay()

    def _print_warning(self, event: Event) -> None:
        self._err(event.message)
        self._redisplay()

    def _print_skip(self, event: Event) -> None:
        self._redisplay(reset=False)

    def _print_error(self, event: Event) -> None:
        self._err("fatal error: %s" % event.message)

    def _print_cancelled(self, event: Event) -> None:
        self._err("cancelled: ctrl-c received")

    def _print_progress(self, event: Event) -> None:
        self._progress()

    def _print_queued(self, event: Event) -> None:
        pass

    def _print_total(self, event: Event) -> None:
        self._clear_progress("\n")

    def _out(self, line: str) -> None:
        self._write(line.ljust(self._progress_length) + "\n")

    def _err(self, line: str) -> None:
        self._warn(line.ljust(self._progress_length) + "\n")

    def _redisplay(self, reset: bool = True) -> None:
        if reset:  # the line just printed ended with a newline: nothing to cover
            self._progress_length = 0
        if self._has_remaining():
            self._progress()
        else:
            self._clear_progress("\r")

    def _has_remaining(self) -> bool:
        if self.final_files != self.expected_files:
            return True
        return self.done_files + self.skipped_files != self.expected_files

    def _estimate(self, text: str) -> str:
        return text if self.final_files == self.expected_files else "~" + text

    def _progress(self) -> None:
        if self._mode != "progress":
            return
        remaining = self._estimate(str(self.expected_files - self.done_files
                                       - self.skipped_files))
        if self.expected_bytes > 0:
            line = "Completed %s/%s (%s/s) with %s file(s) remaining" % (
                human_readable_size(self.done_bytes + self.failed_bytes),
                self._estimate(human_readable_size(self.expected_bytes)),
                human_readable_size(self.speed), remaining)
        else:
            line = "Completed %d file(s) with %s file(s) remaining" % (self.done_files,
                                                                       remaining)
        if self.final_files != self.expected_files:
            line += " (calculating...)"
        if self._oneline:
            line = line.ljust(self._progress_length) + "\r"
            self._progress_length = len(line) - 1
        else:
            line = line.ljust(self._progress_length) + "\n"
        now = time.time()
        if self._first or not self._frequency or now - self._last_print >= self._frequency:
            self._first = False
            self._last_print = now
            self._write(line)

    def _clear_progress(self, ending: str) -> None:
        if self._progress_length and not self._has_remaining():
            self._write(" " * self._progress_length + ending)
