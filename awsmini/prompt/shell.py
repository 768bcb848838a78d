"""The persistent shell: prompt, run, repeat, until Ctrl+D, `exit` or `quit`.

Takes the Env, the first line's argv (prefilled like the one-shot prompt, then
each prompt starts empty) and `run`, the function that runs one argv and
returns its exit code (main.py's error boundary, so a failing command prints
its error and the shell goes on). Returns the last command's exit code. Ctrl+C
at the prompt clears the line; Ctrl+C during a command ends only that command
(`run` turns it into 130). Never imports the driver.
"""
from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Callable, Sequence

from awsmini.env import Env
from awsmini.prompt import read_line, splash
from awsmini.prompt.words import EXIT_WORDS, quote_words

if TYPE_CHECKING:
    from awsmini.prompt.panels import RenderOutput
    from awsmini.prompt.server_values import FetchValues


def run_shell(env: Env, run: Callable[[list[str]], int], argv: Sequence[str] = (),
              base_args: Sequence[str] = (), fetch_values: FetchValues | None = None,
              render_output: RenderOutput | None = None) -> int:
    """Loop over prompt and `run`; `base_args` (global options given to `awsmini shell`)
    are added to every command, and to the list calls of `fetch_values`."""
    painted = splash.paint(quote_words(argv), env.stdin, env.stdout)
    try:
        from awsmini.prompt.completions import initial_line

        initial = initial_line(argv, env.environ) if argv else ""
    except BaseException:  # Ctrl+C before prompt_toolkit took over: put the terminal back
        if painted is not None:
            painted.restore()
        raise
    code = 0
    while True:
        line = read_line(initial, env, is_shell=True, painted=painted,
                         fetch_values=fetch_values, base_args=base_args,
                         render_output=render_output)
        initial, painted = "", None
        if line is None or line.strip() in EXIT_WORDS:
            return code
        if not line.strip():
            continue  # an empty line in the shell just prompts again
        code = run(shlex.split(line) + list(base_args))
        env.stdout.flush()
