"""main(argv, env) -> int: the one place where exceptions become exit codes.

Runs the driver and reports what it raises as AWS CLI v2 reports it: a blank
line, `<prog>: [ERROR]: <message>`, then the usage banner for usage errors or
`Additional error details:` for service errors. Exit codes live on the
exceptions (`errors.py`); Ctrl-C is 130, a closed stdout ends quietly with 0,
anything unexpected is 255 with its traceback only in the `--debug` log.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Sequence

from awsmini.env import Env
from awsmini.errors import AwsminiError, ServiceError, UsageError, UnknownOptionsError

LOG = logging.getLogger("awsmini")
PROG = "awsmini"
USAGE = (
    "usage: {prog} [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
    "To see help text, you can run:\n"
    "\n"
    "  {prog} help\n"
    "  {prog} <command> help\n"
    "  {prog} <command> <subcommand> help\n"
)


def main(argv: Sequence[str] | None = None, env: Env | None = None) -> int:
    """Run one command line and return its exit code; never raises."""
    env = env or Env()
    argv = list(sys.argv[1:] if argv is None else argv)
    from awsmini import driver

    try:
        return driver.run(argv, env)
    except AwsminiError as error:
        LOG.debug("Exception caught in main()", exc_info=True)
        report_error(error, env)
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


def report_error(error: AwsminiError, env: Env) -> None:
    """Write `error` to stderr as v2 does."""
    lines = ["", "%s: [ERROR]: %s" % (PROG, error.error_text())]
    if isinstance(error, ServiceError) and error.details:
        lines += ["", "Additional error details:"]
        lines += ["%s: %s" % (key, value) for key, value in error.details.items()]
    if isinstance(error, (UsageError, UnknownOptionsError)) and error.show_usage:
        lines += ["", USAGE.format(prog=PROG).rstrip("\n")]
        suggestions = getattr(error, "suggestions", None)
        if suggestions:
            lines += ["", "Invalid choice, maybe you meant:", ""]
            lines += ["  * %s" % word for word in suggestions]
    env.stderr.write("\n".join(lines) + "\n")


def _silence_stdout(env: Env) -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush is quiet."""
    if env.stdout is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass


def entry() -> None:
    """The `awsmini` console script."""
    sys.exit(main())
