"""main(argv, env) -> int: the one place where exceptions become exit codes.

Runs the driver and reports what it raises as AWS CLI v2 reports it, in the
error format that `--cli-error-format`, AWS_CLI_ERROR_FORMAT or the profile's
`cli_error_format` chooses (the layouts are `error_format.py`'s): by default a
blank line, `<prog>: [ERROR]: <message>`, then the usage banner for usage
errors or `Additional error details:` for service errors. Exit codes live on the
exceptions (`errors.py`); Ctrl-C is 130, a closed stdout ends quietly with 0,
anything unexpected is 255 with its traceback only in the `--debug` log.
"""
from __future__ import annotations

import gc
import logging
import os
import sys
from typing import Mapping, Sequence

from awsmini.console import unwind_on_interrupt
from awsmini.env import Env
from awsmini.errors import AwsminiError, ParamValidationError, UnknownOptionsError

LOG = logging.getLogger("awsmini")
PROG = "awsmini"


def main(argv: Sequence[str] | None = None, env: Env | None = None) -> int:
    """Run one command line (or the prompt, or the shell) and return its exit code; never raises."""
    env = env or Env()
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--debug" in argv:  # like v2's first pass: the log starts before anything is parsed
        _start_debug_log(env)
    try:
        mode = prompt_mode(argv, env)
    except AwsminiError as error:
        report_error(error, env, argv)
        return error.exit_code
    if mode == "shell":
        return _interactive(_run_shell, argv, env)
    if mode == "on":
        return _interactive(_prompt_and_run, argv, env)
    if mode == "on-partial":
        return run_command(argv, env, on_usage_error=lambda: _interactive(
            _prompt_and_run, argv, env))
    return run_command(argv, env)


def run_command(argv: Sequence[str], env: Env, on_usage_error=None) -> int:
    """Run the driver on argv, reporting what it raises; `on_usage_error()` (on-partial
    mode) replaces the report of an exit-252 error."""
    try:
        unwind_on_interrupt()
        from awsmini import driver

        return driver.run(argv, env)
    except AwsminiError as error:
        LOG.debug("Exception caught in main()", exc_info=True)
        if on_usage_error is not None and error.exit_code == 252:
            # v2 prompts silently, except after unknown options, which it reports first.
            if isinstance(error, UnknownOptionsError):
                report_error(error, env, argv)
            return on_usage_error()
        report_error(error, env, argv)
        return error.exit_code
    except KeyboardInterrupt:
        env.stdout.write("\n")
        return 130
    except BrokenPipeError:
        _silence_stdout(env)
        return 0
    except Exception as error:  # the boundary: no traceback reaches the user
        LOG.debug("Exception caught in main()", exc_info=True)
        report_error(AwsminiError(str(error)), env)
        return 255


# ----------------------------------------------------------- prompt modes

PROMPT_MODES = ("on", "on-partial", "shell")
NO_TERMINAL_WARNING = ("%s: [WARNING]: auto-prompt needs an interactive terminal; "
                       "running the command as typed\n")


def prompt_mode(argv: Sequence[str], env: Env) -> str:
    """"off", "on", "on-partial" or "shell", as v2 resolves `cli_auto_prompt`.

    First hit wins: both flags (the global options' error), `help` or
    `--version` anywhere (off), `--no-cli-auto-prompt` (off), `--cli-auto-prompt`
    (on; never on-partial), `AWS_CLI_AUTO_PROMPT`, the profile's
    `cli_auto_prompt`, off. Values are case-insensitive; others mean off.
    Unlike v2, `--profile` on the line names the profile read. The prompt needs
    stdin and stdout to be terminals: otherwise the mode is off, with one
    warning line when the flag asked for it (v2 hangs or draws into the pipe).
    """
    if "--cli-auto-prompt" in argv and "--no-cli-auto-prompt" in argv:
        from awsmini.globalopts import parse_global_options

        parse_global_options(argv)  # raises v2's "Both ... cannot be specified" error
    is_terminal = bool(env.stdin_isatty and env.stdout_isatty)
    if _is_shell_command(argv):
        if not is_terminal:
            raise ParamValidationError("awsmini shell needs an interactive terminal")
        return "shell"
    if "help" in argv or "--version" in argv or "--no-cli-auto-prompt" in argv:
        return "off"
    if "--cli-auto-prompt" in argv:
        if not is_terminal:
            env.stderr.write(NO_TERMINAL_WARNING % PROG)
            return "off"
        return "on"
    if not is_terminal:
        return "off"  # a mode from the environment or config steps aside silently
    if "AWS_CLI_AUTO_PROMPT" in env.environ:
        value = env.environ["AWS_CLI_AUTO_PROMPT"]
    else:
        value = _profile_setting(argv, env, "cli_auto_prompt")
    mode = str(value or "").strip().lower()
    return mode if mode in PROMPT_MODES else "off"


def _profile_setting(argv: Sequence[str], env: Env, name: str):
    """The profile's value of `name`; the config file is parsed only if it names it at all,
    so that plain commands do not pay for botocore's config loader here."""
    from awsmini.configpaths import config_file
    from awsmini.globalopts import GlobalOptions, parse_global_options
    from awsmini.settings import Settings

    try:
        with open(config_file(env.environ), "rb") as fp:
            if name.encode() not in fp.read():
                return None
    except OSError:
        return None
    try:
        options, _ = parse_global_options(argv)
    except AwsminiError:
        options = GlobalOptions()
    return Settings(options, env.environ).get(name)


def _is_shell_command(argv: Sequence[str]) -> bool:
    """`awsmini shell`, possibly with global options: the shell as a command."""
    if "shell" not in argv:
        return False
    from awsmini.globalopts import parse_global_options

    try:
        options, words = parse_global_options(argv)
    except AwsminiError:
        return False
    return options.command == "shell" and not words


def _interactive(function, argv: Sequence[str], env: Env) -> int:
    """The error boundary around the prompt itself (the commands it runs have their own)."""
    gc.enable()
    try:
        unwind_on_interrupt()
        return function(argv, env)
    except KeyboardInterrupt:  # Ctrl+C while the prompt was still starting
        env.stderr.write("\n")
        return 130
    except Exception as error:
        LOG.debug("Exception caught in the prompt", exc_info=True)
        report_error(AwsminiError(str(error)), env)
        return 255


def _prompt_and_run(argv: Sequence[str], env: Env) -> int:
    """The prompt prefilled with argv; its command runs once (a new error is reported)."""
    from awsmini import prompt

    prompted = prompt.ask(argv, env, fetch_values=_fetch_values(env),
                          render_output=_render_output)
    return 130 if prompted is None else run_command(prompted, env)


def _fetch_values(env: Env) -> "_ListCall":
    return _ListCall(env)


class _ListCall:
    """The prompt's way to a service for server-side values: `prompt/` never imports
    `call`, so the list call is handed over here (`resource_values.fetch_values`)."""

    def __init__(self, env: Env) -> None:
        self.env = env

    def __call__(self, service: str, api_name: str, expression: str,
                 global_args: Sequence[str], params: Mapping[str, str] | None = None
                 ) -> list[str]:
        from awsmini.resource_values import fetch_values

        return fetch_values(service, api_name, expression, global_args, self.env.environ,
                            params)

    @staticmethod
    def prepare() -> None:
        """Load the client machinery, so that the first list call does not wait for it."""
        from awsmini.call import preload

        preload()


def _render_output(data, output: str, title: str) -> str:
    """The prompt's output panel in the line's `--output` format, uncoloured, as the
    driver would print it: `prompt/` never imports `output`, so it is handed over."""
    from awsmini.output import FORMATTERS, RenderOptions

    return "".join(FORMATTERS[output](data, RenderOptions(title=title)))


def _run_shell(argv: Sequence[str], env: Env) -> int:
    from awsmini.prompt.shell import run_shell

    def run(words: list[str]) -> int:
        return run_command(words, env)

    fetch = _fetch_values(env)
    if _is_shell_command(argv):
        return run_shell(env, run, base_args=[w for w in argv if w != "shell"],
                         fetch_values=fetch, render_output=_render_output)
    return run_shell(env, run, argv=argv, fetch_values=fetch, render_output=_render_output)


def report_error(error: AwsminiError, env: Env, argv: Sequence[str] = ()) -> None:
    """Write `error` to stderr as v2 does, in the error format argv and the settings choose."""
    from awsmini.error_format import error_info, render_error

    error_format = width = color = None
    if error_info(error, PROG) is not None:  # the other families read the same in every format
        error_format, width, color = _error_format(argv, env)
    env.stderr.write(render_error(error, error_format or "enhanced", PROG, width or 80,
                                  bool(color)))


def _error_format(argv: Sequence[str], env: Env) -> tuple[str, int, bool]:
    """The error format and the table's width and colour for this command line.

    `--cli-error-format`, then AWS_CLI_ERROR_FORMAT, then the profile's
    `cli_error_format`. When the global options themselves do not parse, v2 has
    none of them, so only the environment and the profile count.
    """
    from awsmini.error_format import choose_error_format
    from awsmini.globalopts import GlobalOptions, parse_global_options
    from awsmini.output import use_color
    from awsmini.pager import output_width
    from awsmini.settings import Settings

    try:
        options, _ = parse_global_options(argv)
    except AwsminiError:
        options = GlobalOptions()
    try:
        value = Settings(options, env.environ).lookup(
            "cli_error_format", options.error_format, "AWS_CLI_ERROR_FORMAT")
    except Exception:  # reporting one error must not raise another
        LOG.debug("Failed to get cli_error_format", exc_info=True)
        value = None
    return (choose_error_format(value), output_width(env),
            use_color(options.color, env.stdout_isatty, env.environ))


def _start_debug_log(env: Env) -> None:
    from awsmini import debuglog

    debuglog.start(env.stderr)


def _silence_stdout(env: Env) -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush is quiet."""
    if env.stdout is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
