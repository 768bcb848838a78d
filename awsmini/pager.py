"""Stage 13: rendered chunks -> stdout, or a pager on a terminal; a closed pipe ends quietly.

Choosing: the command line comes from v2's chain, which `Settings.pager()`
holds (`--no-cli-pager`, `AWS_PAGER`, `cli_pager`, `PAGER`, `less`). It is
split as a shell splits words and run through PATH without a shell; `LESS=FRX`
is added when `LESS` is unset. Where v2 differs from what scripts need, we do better:

- no pager unless stdin and stdout are both terminals (v2 looks at stdout only);
- the default `less` missing means plain stdout (v2: error 253);
- a configured pager that is missing is reported (v2's message, exit 253)
  by `choose_pager`, which the driver calls before any request is sent;
- SIGINT is ignored while the pager runs, so Ctrl-C goes to the pager only.

Writing (`write_output`, also for help pages, whose pager `help` chooses by
its own chain): the pager starts at the first non-empty chunk, so empty output
never opens one. When the reader goes away (`| head -1`, quitting the pager), the
rest is dropped silently with exit 0 and the chunk iterator is closed, so no
further pages are fetched. This module and `main.py` are the only writers of
stdout.
"""
from __future__ import annotations

import errno
import os
import shlex
import shutil
import signal
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from awsmini.env import Env
from awsmini.errors import ConfigurationError

DEFAULT_LESS_FLAGS = "FRX"
PAGER_ERROR = ("Unable to redirect output to pager. Received the following error when "
               "opening pager:\n%s\n\nLearn more about configuring the output pager by "
               "running \"aws help config-vars\".")


@dataclass(frozen=True)
class Pager:
    """A pager to start: its argv and the environment it gets."""

    argv: tuple[str, ...]
    environ: Mapping[str, str]


def choose_pager(env: Env, command: str | None, is_default: bool = False) -> Pager | None:
    """The pager for this run, or None for plain stdout; call before the request.

    `command` and `is_default` are `Settings.pager()`'s: the configured command
    line (None for none) and whether it is the built-in default. Raises
    ConfigurationError (v2's Pager error) when a configured pager is not on PATH
    and the output would go to it.
    """
    if not (env.stdin_isatty and env.stdout_isatty):
        return None
    if not command:
        return None
    argv = shlex.split(command)
    if not argv:
        return None
    if find_program(argv[0], env.environ) is None:
        if is_default:
            return None
        raise pager_error(OSError(errno.ENOENT, os.strerror(errno.ENOENT), argv[0]))
    child_env = dict(env.environ)
    child_env.setdefault("LESS", DEFAULT_LESS_FLAGS)
    return Pager(tuple(argv), child_env)


def pager_error(error: OSError) -> ConfigurationError:
    """v2's error for a pager that cannot be started."""
    return ConfigurationError(PAGER_ERROR % error, "Pager")


def output_width(env: Env) -> int:
    """The terminal's columns for tables; 80 when stdout is not a terminal (as v2)."""
    if not env.stdout_isatty:
        return 80
    try:
        return os.get_terminal_size(env.stdout.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def write_output(chunks: Iterable[str], env: Env, pager: Pager | None) -> None:
    """Write `chunks` to the pager or stdout, starting the pager at the first byte."""
    iterator = iter(chunks)
    try:
        first = next((chunk for chunk in iterator if chunk), None)
        if first is None:
            return
        if pager is None:
            _write_stream(first, iterator, env.stdout, env)
        else:
            _write_pager(first, iterator, pager, env)
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()


def _write_stream(first: str, rest: Iterable[str], stream: Any, env: Env) -> None:
    try:
        stream.write(first)
        for chunk in rest:
            stream.write(chunk)
        stream.flush()
    except BrokenPipeError:
        _silence(env)
    except OSError as error:
        if error.errno not in (errno.EPIPE, errno.EINVAL):
            raise
        _silence(env)


def _write_pager(first: str, rest: Iterable[str], pager: Pager, env: Env) -> None:
    import subprocess

    try:
        env.stdout.flush()
    except (OSError, ValueError):
        pass
    previous = _ignore_sigint()
    try:
        try:
            process = subprocess.Popen(list(pager.argv), stdin=subprocess.PIPE,
                                       env=dict(pager.environ), encoding="utf-8",
                                       errors="replace")
        except OSError as error:
            raise pager_error(error) from error
        stdin = process.stdin
        assert stdin is not None  # stdin=PIPE
        try:
            stdin.write(first)
            for chunk in rest:
                stdin.write(chunk)
        except (BrokenPipeError, OSError):
            pass  # the pager was quit before the end: not an error (rc 0)
        finally:
            try:
                stdin.close()
            except OSError:
                pass
            process.wait()
    finally:
        _restore_sigint(previous)


def _ignore_sigint() -> Any:
    try:
        return signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        return None


def _restore_sigint(previous: Any) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGINT, previous)
        except ValueError:
            pass


def _silence(env: Env) -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush is quiet."""
    stream = env.stdout
    if stream is not sys.stdout and stream is not sys.__stdout__:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def find_program(name: str, environ: Mapping[str, str]) -> str | None:
    """The program `name` as the environment's PATH finds it (a path: if executable), or None."""
    if os.sep in name:
        return name if os.access(name, os.X_OK) and not os.path.isdir(name) else None
    return shutil.which(name, path=environ.get("PATH", os.defpath))
