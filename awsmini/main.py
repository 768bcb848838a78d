"""main(argv, env) -> int: the one place where exceptions become exit codes.

Chooses the mode (the auto-prompt, the shell or a plain run: `prompt_mode`),
runs the driver, or `interactive.py` for the interactive modes, and reports
what they raise as AWS CLI v2 reports it, in the error format that
`--cli-error-format`, AWS_CLI_ERROR_FORMAT or the profile's `cli_error_format`
chooses (`Settings.error_format`; the layouts are `error_format.py`'s): by
default a blank line, `<prog>: [ERROR]: <message>`, then the usage banner for
usage errors or `Additional error details:` for service errors. Exit codes
live on the exceptions (`errors.py`): Ctrl-C is `Interrupted`'s, a closed
stdout ends quietly with 0, anything unexpected is `AwsminiError`'s 255 with
its traceback only in the `--debug` log.
"""
from __future__ import annotations

import gc
import logging
import os
import sys
from typing import Callable, Sequence, TextIO, cast

from awsmini.console import unwind_on_interrupt
from awsmini.env import Env
from awsmini.errors import (AwsminiError, Interrupted, ParamValidationError,
                            UnknownOptionsError, UsageError)
from awsmini.globalopts import FirstPass, GlobalOptions, PromptFlagsConflict, first_pass
from awsmini.settings import Settings

LOG = logging.getLogger("awsmini")
PROG = "awsmini"


def main(argv: Sequence[str] | None = None, env: Env | None = None) -> int:
    """Run one command line (or the prompt, or the shell) and return its exit code; never raises."""
    env = env or Env()
    argv = list(sys.argv[1:] if argv is None else argv)
    first = first_pass(argv)
    if first.options.debug:  # like v2's first pass: the log starts before anything else
        _start_debug_log(env)
    settings = line_settings(first, env)
    try:
        mode = prompt_mode(argv, first, settings, env)
    except AwsminiError as error:
        report_error(error, env, settings)
        return error.exit_code
    if mode == "off":
        return run_command(argv, env, settings)
    if mode == "on-partial":
        return run_command(argv, env, settings,
                           on_usage_error=lambda: _interactive("on", argv, env))
    return _interactive(mode, argv, env)


def line_settings(first: FirstPass, env: Env) -> Settings:
    """The settings a command line's errors are reported with: when its global options
    do not parse, v2 has none of them, so only the environment and the profile count."""
    return Settings(first.options if first.error is None else GlobalOptions(), env.environ)


def run_command(argv: Sequence[str], env: Env, settings: Settings,
                on_usage_error: Callable[[], int] | None = None) -> int:
    """Run the driver on argv, reporting what it raises; `on_usage_error()` (on-partial
    mode) replaces the report of an exit-252 error."""
    try:
        unwind_on_interrupt()
        from awsmini import driver

        return driver.run(argv, env)
    except AwsminiError as error:
        LOG.debug("Exception caught in main()", exc_info=True)
        if on_usage_error is not None and error.exit_code == UsageError.exit_code:
            # v2 prompts silently, except after unknown options, which it reports first.
            if isinstance(error, UnknownOptionsError):
                report_error(error, env, settings)
            return on_usage_error()
        report_error(error, env, settings)
        return error.exit_code
    except KeyboardInterrupt:
        env.stdout.write("\n")
        return Interrupted.exit_code
    except BrokenPipeError:
        _silence_stdout(env)
        return 0
    except Exception as error:  # the boundary: no traceback reaches the user
        LOG.debug("Exception caught in main()", exc_info=True)
        report_error(AwsminiError(str(error)), env)
        return AwsminiError.exit_code


# ----------------------------------------------------------- prompt modes

NO_TERMINAL_WARNING = ("%s: [WARNING]: auto-prompt needs an interactive terminal; "
                       "running the command as typed\n")


def prompt_mode(argv: Sequence[str], first: FirstPass, settings: Settings, env: Env) -> str:
    """"off", "on", "on-partial" or "shell", as v2 resolves `cli_auto_prompt`.

    First hit wins: both flags (the global options' error), `help` or
    `--version` anywhere (off, as v2 looks for those words), then the chain of
    `Settings.auto_prompt` (`--no-cli-auto-prompt`, `--cli-auto-prompt`, never
    on-partial, `AWS_CLI_AUTO_PROMPT`, the profile's `cli_auto_prompt`, off).
    Unlike v2, `--profile` on the line names the profile read. The prompt needs
    stdin and stdout to be terminals: otherwise the mode is off, with one
    warning line when the flag asked for it (v2 hangs or draws into the pipe).
    """
    if isinstance(first.error, PromptFlagsConflict):
        raise first.error
    is_terminal = bool(env.stdin_isatty and env.stdout_isatty)
    if first.is_shell_command:
        if not is_terminal:
            raise ParamValidationError("awsmini shell needs an interactive terminal")
        return "shell"
    if "help" in argv or "--version" in argv:
        return "off"
    flag = first.options.auto_prompt  # a flag counts even when other options are bad
    if flag is False:
        return "off"
    if not is_terminal:
        if flag:
            env.stderr.write(NO_TERMINAL_WARNING % PROG)
        return "off"  # a mode from the environment or config steps aside silently
    return "on" if flag else settings.auto_prompt()


def _interactive(mode: str, argv: Sequence[str], env: Env) -> int:
    """The error boundary around the prompt itself (the commands it runs have their own)."""
    gc.enable()
    try:
        unwind_on_interrupt()
        from awsmini import interactive

        def run_line(words: list[str]) -> int:
            return run_command(words, env, line_settings(first_pass(words), env))

        return interactive.run(mode, argv, env, run_line)
    except Interrupted as error:  # the prompt was left without a command
        return error.exit_code
    except KeyboardInterrupt:  # Ctrl+C while the prompt was still starting
        env.stderr.write("\n")
        return Interrupted.exit_code
    except Exception as error:
        LOG.debug("Exception caught in the prompt", exc_info=True)
        report_error(AwsminiError(str(error)), env)
        return AwsminiError.exit_code


# ----------------------------------------------------------- reporting

def report_error(error: AwsminiError, env: Env, settings: Settings | None = None) -> None:
    """Write `error` to stderr as v2 does, in the error format the settings choose."""
    from awsmini.error_format import error_info, render_error

    error_format, width, color = "enhanced", 80, False
    if error_info(error, PROG) is not None:  # the other families read the same in every format
        error_format, width, color = _error_format(
            settings or Settings(GlobalOptions(), env.environ), env)
    env.stderr.write(render_error(error, error_format, PROG, width, color))


def _error_format(settings: Settings, env: Env) -> tuple[str, int, bool]:
    """The error format and the table's width and colour."""
    from awsmini.error_format import choose_error_format
    from awsmini.output import use_color
    from awsmini.pager import output_width

    try:
        value = settings.error_format()
    except Exception:  # reporting one error must not raise another
        LOG.debug("Failed to get cli_error_format", exc_info=True)
        value = None
    return (choose_error_format(value), output_width(env),
            use_color(settings.options.color, bool(env.stdout_isatty), env.environ))


def _start_debug_log(env: Env) -> None:
    from awsmini import debuglog

    debuglog.start(cast(TextIO, env.stderr))  # any text stream will do


def _silence_stdout(env: Env) -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush is quiet."""
    if env.stdout is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
