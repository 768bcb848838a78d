"""Run a hostile argv against the capture server and check the invariants of one run.

`Harness.run_inprocess(argv)` calls `awsmini.main.main` with in-memory streams in a
prepared working directory; `run_subprocess(argv)` runs the console script with
resource limits and measures its time and peak memory. `problems(outcome)` names
the invariants an outcome breaks:

- traceback: a Python traceback on stderr, or (in-process) an exception that is not
  one of awsmini's families reaching main()'s boundary;
- exit: an exit code outside EXIT_CODES;
- slow / large: over LIMIT_SECONDS of CPU time (or four times that of wall time, for a
  wait that ends) or over LIMIT_BYTES of peak memory; CPU time, not wall time, so that a
  busy machine does not make a run "slow";
- sent: a usage or validation error (252) after a request reached the server.
"""
from __future__ import annotations

import errno
import io
import logging
import os
import select
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import awsmini_executable, isolated_environ
from tests.fuzz.capture import CaptureServer
from tests.fuzz.strategies import make_files
from tests.measure import popen_measured, read_report

EXIT_CODES = {0, 1, 2, 130, 252, 253, 254, 255}
LIMIT_SECONDS = 5.0
LIMIT_BYTES = 200 * 1024 * 1024
_CEILING = 4 * 1024 ** 3  # address space: threads reserve far more than they use
# Exceptions v2 reports as they come, with its general handler (errorhandler.py's
# GeneralExceptionHandler: the message, exit 255), and so does awsmini, on purpose:
# (start of "Type: message", a file name the traceback must pass through or "").
_V2_UNEXPECTED = [
    # argv bytes that are not UTF-8 cannot be encoded into a request
    ("UnicodeEncodeError: 'utf-8' codec can't encode character", ""),
    # JSON nested deeper than the recursion limit: v2 catches only json's ValueError
    ("RecursionError: maximum recursion depth exceeded while decoding a JSON", "json"),
    # an outfile that cannot be written: v2 opens it after the call
    ("FileNotFoundError: [Errno 2] No such file or directory", "call.py"),
    ("IsADirectoryError: [Errno 21] Is a directory", "call.py"),
    ("NotADirectoryError: [Errno 20] Not a directory", "call.py"),
    # a response botocore cannot parse (tests/cli/test_faulty_servers.py)
    ("ResponseParserError: Unable to parse response", "botocore/parsers.py"),
    # a fileb:// bucket name: botocore's bucket check runs before its type validation
    ("TypeError: cannot use a string pattern on a bytes-like object", "botocore/handlers.py"),
    # a YAML tag whose value is not of its type (`!!float y`): ruamel's constructor raises
    # the same ValueError, which v2's --cli-input-yaml does not catch
    ("ValueError: could not convert string to float", "yaml/constructor.py"),
    ("ValueError: invalid literal for int() with base", "yaml/constructor.py"),
    # a header value with bytes that are not UTF-8: the email package makes it a Header
    # object, which botocore's signer cannot split
    ("AttributeError: 'Header' object has no attribute 'split'", "botocore/auth.py"),
    # a map of strings given objects or numbers: botocore's S3 metadata check runs
    # before its type validation
    ("AttributeError: 'collections.OrderedDict' object has no attribute 'encode'",
     "botocore/handlers.py"),
    ("AttributeError: 'int' object has no attribute 'encode'", "botocore/handlers.py"),
    ("AttributeError: 'float' object has no attribute 'encode'", "botocore/handlers.py"),
    ("AttributeError: 'bool' object has no attribute 'encode'", "botocore/handlers.py"),
    ("AttributeError: 'list' object has no attribute 'encode'", "botocore/handlers.py"),
    ("AttributeError: 'dict' object has no attribute 'encode'", "botocore/handlers.py"),
    # a structure nested deeper than the recursion limit: botocore's validator cannot
    # format its own message (v2 prints the same 255)
    ("RecursionError: maximum recursion depth exceeded while getting the repr", "botocore/validate.py"),
    # a timestamp outside the platform's range: botocore's parser gives up (v2 prints the
    # same 255)
    ("RuntimeError: Unable to calculate correct timezone offset", "botocore/utils.py"),
]


def is_v2_general_error(text: str, trace: str) -> bool:
    """Whether an exception (`Type: message`, formatted traceback) is one v2 reports
    with its general handler, as awsmini does (the table above)."""
    return any(text.startswith(start) and where in trace for start, where in _V2_UNEXPECTED)


@dataclass
class Outcome:
    argv: list
    exit_code: int
    stdout: str
    stderr: str
    seconds: float  # wall time
    sent: int
    peak_bytes: int = 0
    unexpected: list = field(default_factory=list)  # repr of exceptions at the boundary
    cpu_seconds: float = 0.0  # in-process: the test process's, server threads included


class _Fifos:
    """Keeps the FIFOs usable: `fifo` gets a writer whenever a reader opens it, and
    `fifo-out` a reader that drains whatever is written (as `<(...)` and `>(...)` do)."""

    def __init__(self, root: Path) -> None:
        self.root, self._stop = root, threading.Event()
        threading.Thread(target=self._feed, daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()

    def _feed(self) -> None:
        while not self._stop.is_set():
            try:
                descriptor = os.open(self.root / "fifo", os.O_WRONLY | os.O_NONBLOCK)
            except OSError as error:
                if error.errno not in (errno.ENXIO, errno.ENOENT):
                    raise
                time.sleep(0.002)
                continue
            try:
                os.write(descriptor, b'{"a": "from a fifo"}')
            except OSError:
                pass
            os.close(descriptor)
            time.sleep(0.01)

    def _drain(self) -> None:
        descriptor = -1
        while not self._stop.is_set():
            if descriptor < 0:
                try:
                    descriptor = os.open(self.root / "fifo-out", os.O_RDONLY | os.O_NONBLOCK)
                except OSError:
                    time.sleep(0.01)
                    continue
            ready, _, _ = select.select([descriptor], [], [], 0.05)
            if ready and not os.read(descriptor, 65536):
                os.close(descriptor)  # the writer closed: wait for the next
                descriptor = -1
                time.sleep(0.002)

    def close(self) -> None:
        self._stop.set()


class _BoundaryWatch:
    """Records the exception behind each report of an error that is not one of
    awsmini's families (main() reports those as `AwsminiError(str(error))`)."""

    def __init__(self) -> None:
        import awsmini.main

        self.seen: list[str] = []
        self._main, self._report = awsmini.main, awsmini.main.report_error

        def report(error, env, *rest):
            if type(error).__name__ == "AwsminiError":
                cause = sys.exc_info()[1]
                text = "%s: %s" % (type(cause).__name__, cause)
                trace = "".join(traceback.format_exception(type(cause), cause, cause.__traceback__))
                if not is_v2_general_error(text, trace):
                    self.seen.append(trace)
            return self._report(error, env, *rest)

        awsmini.main.report_error = report

    def close(self) -> None:
        self._main.report_error = self._report


class Harness:
    """A working directory with the fixture files, a capture server and the patched
    boundary; `close()` undoes it all."""

    def __init__(self, root: Path) -> None:
        self.root = root
        make_files(root)
        self.server = CaptureServer()
        self.fifos = _Fifos(root)
        self.watch = _BoundaryWatch()
        self.environ = isolated_environ(root, {"AWS_MAX_ATTEMPTS": "1",
                                               "AWS_CONFIG_FILE": str(root / "config")})

    def argv_for(self, words: list) -> list:
        return [*words, "--endpoint-url", self.server.url, "--cli-connect-timeout", "2",
                "--cli-read-timeout", "2"]

    def run_inprocess(self, words: list) -> Outcome:
        from awsmini.env import Env
        from awsmini.main import main

        self._reset()
        argv = self.argv_for(words)
        saved_cwd = os.getcwd()
        os.chdir(self.root)
        saved_handlers = _detach_logging()
        stdout, stderr = io.StringIO(), io.StringIO()
        stdin = io.TextIOWrapper(io.BytesIO(b'{"from": "stdin"}'), encoding="utf-8")
        env = Env(stdin=stdin, stdout=stdout, stderr=stderr, environ=dict(self.environ),
                  stdin_isatty=False, stdout_isatty=False)
        before, seen = self.server.count, len(self.watch.seen)
        started, cpu_started = time.monotonic(), time.process_time()
        try:
            code = main(argv, env)
        finally:
            seconds = time.monotonic() - started
            cpu_seconds = time.process_time() - cpu_started
            os.chdir(saved_cwd)
            _restore_logging(saved_handlers)
        time.sleep(0)  # let a request still being answered be counted
        return Outcome(argv, code, stdout.getvalue(), stderr.getvalue(), seconds,
                       self.server.count - before, unexpected=self.watch.seen[seen:],
                       cpu_seconds=cpu_seconds)

    def _reset(self) -> None:
        """The files back as they were, and no configuration (`configure set` writes one,
        which may be one that no later run can read, as v2's would be)."""
        make_files(self.root)
        for name in ("config", "config.lock"):
            if os.path.lexists(self.root / name):
                os.remove(self.root / name)

    def run_subprocess(self, words: list) -> Outcome | None:
        """The run as a process, or None when no POSIX argv can hold `words` (one word
        over the kernel's 128 KiB, or all over 1 MiB: exec fails with E2BIG)."""
        argv = self.argv_for(words)
        sizes = [len(os.fsencode(word)) for word in argv]
        if max(sizes) >= 128 * 1024 or sum(sizes) >= 1024 * 1024:
            return None
        self._reset()
        before = self.server.count
        report = str(self.root.parent / (self.root.name + "-measure.json"))
        started = time.monotonic()
        process = popen_measured(
            [awsmini_executable(), *[os.fsencode(word) for word in argv]], report,
            _CEILING, 30, env=self.environ, cwd=self.root, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = process.communicate(timeout=LIMIT_SECONDS * 4)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
        measured = read_report(report) if process.returncode == 0 else {
            "maxrss": 0, "status": -9, "cpu": 0.0}
        return Outcome(argv, measured["status"], out.decode(errors="replace"),
                       err.decode(errors="replace"), time.monotonic() - started,
                       self.server.count - before, peak_bytes=measured["maxrss"],
                       cpu_seconds=measured["cpu"])

    def close(self) -> None:
        self.watch.close()
        self.fifos.close()
        self.server.close()


def _detach_logging() -> list:
    """The root logger without the test process's handlers, as in a process of its own
    (pytest's capture would otherwise hold every record of a `--debug` run); the
    handlers taken off, for `_restore_logging`."""
    root = logging.getLogger()
    saved, root.handlers = root.handlers, []
    return saved


def _restore_logging(handlers: list) -> None:
    """Undo `--debug` (which sends the root logger to that run's stderr at DEBUG)."""
    root = logging.getLogger()
    root.handlers = handlers
    root.setLevel(logging.WARNING)


def problems(outcome: Outcome) -> list:
    """The names of the invariants `outcome` breaks (see the module docstring)."""
    found = []
    debug = "--debug" in outcome.argv  # its log shows tracebacks on purpose
    if outcome.unexpected or (not debug and "Traceback (most recent call last)" in
                              outcome.stderr):
        found.append("traceback")
    if outcome.exit_code not in EXIT_CODES:
        found.append("exit")
    if outcome.cpu_seconds > LIMIT_SECONDS or outcome.seconds > 4 * LIMIT_SECONDS:
        found.append("slow")
    if outcome.peak_bytes > LIMIT_BYTES:
        found.append("large")
    if outcome.exit_code == 252 and outcome.sent:
        found.append("sent")
    return found


def describe(outcome: Outcome) -> str:
    """A report of one outcome for a failing assertion, in text any stream can carry
    (a hostile word's lone surrogates are escaped)."""
    text = "argv=%r\nexit=%s seconds=%.2f cpu=%.2f sent=%d peak=%d\nstderr=%s\n%s" % (
        [w[:200] for w in outcome.argv], outcome.exit_code, outcome.seconds,
        outcome.cpu_seconds, outcome.sent, outcome.peak_bytes, outcome.stderr[-2000:],
        "\n".join(outcome.unexpected)[-4000:])
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
