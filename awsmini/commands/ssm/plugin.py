"""The hand-off of a session to the `session-manager-plugin` program.

As v2's `awscli/customizations/sessionmanager.py` and `ecs/executecommand.py`:
the plugin is found on the `PATH` of the run's environment; a missing one is
v2's "SessionManagerPlugin is not found" error (exit 255). While the plugin
runs, this process ignores the signals a user types at the terminal (Control-C,
Control-\\, Control-Z): they reach the plugin, which is in the same process
group and handles them for the session. A plugin that fails ends the run with
v2's error, the failed command line (exit 255).

`takes_response_variable` (which plugin versions read the session from the
environment) is pure; the other functions start the program.
"""
from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import threading
from typing import IO, Iterator, Mapping, Sequence

from awsmini.errors import OtherError

PLUGIN = "session-manager-plugin"
NOT_FOUND = ("SessionManagerPlugin is not found. Please refer to SessionManager Documentation "
             "here: http://docs.aws.amazon.com/console/systems-manager/"
             "session-manager-plugin-not-found")
# Plugins newer than this one read StartSession's response from this variable,
# named where the response itself would be (it stays off the command line).
RESPONSE_VARIABLE = "AWS_SSM_START_SESSION_RESPONSE"
_LAST_VERSION_WITHOUT_VARIABLE = (1, 2, 497, 0)
_VERSION = re.compile(r"\d+(\.\d+){0,3}")


class PluginMissing(OtherError):
    """The plugin is not on the PATH: v2's message, exit 255."""

    def __init__(self) -> None:
        super().__init__(NOT_FOUND)


def takes_response_variable(version: str) -> bool:
    """Whether a plugin that printed `version` for `--version` reads the session from
    RESPONSE_VARIABLE: only a version number (up to four parts) above 1.2.497.0."""
    text = re.sub(r"\s+", "", version)
    if not _VERSION.fullmatch(text):
        return False
    parts = [int(part) for part in text.split(".")]
    floor = list(_LAST_VERSION_WITHOUT_VARIABLE)
    width = max(len(parts), len(floor))
    return parts + [0] * (width - len(parts)) > floor + [0] * (width - len(floor))


def check_installed(environ: Mapping[str, str], streams: Sequence[IO[str]]) -> None:
    """Run the plugin without arguments, as v2 does to learn that it is there (it
    prints that it is installed, on this process's stdout)."""
    _run([PLUGIN], environ, streams)


def plugin_version(environ: Mapping[str, str]) -> str:
    """What `session-manager-plugin --version` prints."""
    with _started([PLUGIN, "--version"]):
        completed = subprocess.run([PLUGIN, "--version"], env=dict(environ),
                                   stdout=subprocess.PIPE, text=True, errors="replace")
    _check(completed)
    return completed.stdout


def hand_over(argv: Sequence[str], environ: Mapping[str, str],
              streams: Sequence[IO[str]]) -> None:
    """Run the plugin with `argv`, the terminal's signals left to it, until it ends."""
    with terminal_signals_ignored():
        _run(argv, environ, streams)


def _run(argv: Sequence[str], environ: Mapping[str, str], streams: Sequence[IO[str]]) -> None:
    for stream in streams:  # what was written so far comes before the plugin's output
        stream.flush()
    with _started(argv):
        completed = subprocess.run(list(argv), env=dict(environ))
    _check(completed)


@contextlib.contextmanager
def _started(argv: Sequence[str]) -> Iterator[None]:
    try:
        yield
    except FileNotFoundError as error:
        raise PluginMissing() from error
    except OSError as error:  # not executable, say: v2 ends silently with 0 here
        raise OtherError("%s: %s" % (argv[0], error.strerror or error)) from error


def _check(completed: subprocess.CompletedProcess) -> None:
    if completed.returncode:
        # v2 lets subprocess's own error end the run: "Command '[...]' returned
        # non-zero exit status 1." (or "died with <Signals.SIGKILL: 9>.")
        raise OtherError(str(subprocess.CalledProcessError(completed.returncode,
                                                           completed.args)))


@contextlib.contextmanager
def terminal_signals_ignored() -> Iterator[None]:
    """The terminal's signals ignored here while a program that handles them runs (v2's
    ignore_user_entered_signals; `lightsail push-container-image` uses it too)."""
    import signal

    names = ("SIGINT",) if sys.platform == "win32" else ("SIGINT", "SIGQUIT", "SIGTSTP")
    if threading.current_thread() is not threading.main_thread():
        yield  # signals are the main thread's to set; a thread has nothing to ignore
        return
    previous = [(number, signal.signal(number, signal.SIG_IGN))
                for number in (getattr(signal, name) for name in names)]
    try:
        yield
    finally:
        for number, handler in previous:
            # None: a handler set outside Python, which cannot be put back as such
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
