"""The auto-prompt and the shell: a command line in, an argv out.

`ask(argv, env)` opens the prompt prefilled with `argv` and returns the argv
the user accepted, or None when they aborted (Ctrl+C / Ctrl+D). It writes
`> aws <line>` as AWS CLI v2 does (stdout when run, stderr when aborted) and
keeps the history; it runs nothing. `fetch_values`, when given, is the one way
the prompt reaches a service: `(service, list API name, expression, global
options) -> values`, called from a background thread for server-side values
(see `server_values`). `main.py` decides when to call it and
`interactive.py` runs the result. prompt_toolkit is imported only inside this package, and only
when a prompt is actually shown.
"""
from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Sequence

from awsmini.env import Env
from awsmini.prompt import splash
from awsmini.prompt.splash import PREFIX
from awsmini.prompt.words import EXIT_WORDS, quote_words

if TYPE_CHECKING:
    from awsmini.prompt.panels import RenderOutput
    from awsmini.prompt.server_values import FetchValues

def ask(argv: Sequence[str], env: Env, fetch_values: FetchValues | None = None,
        render_output: RenderOutput | None = None) -> list[str] | None:
    """Prompt for a whole command line prefilled with `argv`; None when aborted."""
    painted = splash.paint(quote_words(argv), env.stdin, env.stdout)
    try:
        from awsmini.prompt.completions import initial_line

        line = read_line(initial_line(argv, env.environ), env, is_shell=False, painted=painted,
                         fetch_values=fetch_values, render_output=render_output)
    finally:
        if painted is not None:  # also after a Ctrl+C before prompt_toolkit took over
            painted.restore()
    return None if line is None else shlex.split(line)


def _quiet_collector() -> None:
    """Keep the garbage collector's pauses out of keystrokes: while the prompt runs,
    everything loaded so far (prompt_toolkit, the models) is exempt from collection."""
    import gc

    gc.freeze()


def read_line(initial: str, env: Env, is_shell: bool,
              painted: splash.Painted | None = None, fetch_values: FetchValues | None = None,
              base_args: Sequence[str] = (),
              render_output: RenderOutput | None = None) -> str | None:
    """Run the prompt once; the accepted line, or None (aborted, or the shell's Ctrl+D).

    `painted` is the early first screen, if any, which prompt_toolkit draws over.
    Server-side values are cached for this one prompt (the shell's commands may
    change them); `base_args` are the shell's own global options.
    """
    from awsmini.prompt.history import append_command, history_path, load_commands

    try:
        from awsmini.prompt.app import create_app, run
        from awsmini.prompt.keys import Aborted

        path = history_path(env.environ)
        server = None
        if fetch_values is not None:
            from awsmini.prompt.server_values import ServerValues

            server = ServerValues(fetch_values, env.environ, base_args)
        app = create_app(initial, env.environ, load_commands(path), is_shell=is_shell,
                         server_values=server, render_output=render_output)
        _quiet_collector()
        if painted is not None:
            painted.hand_over()
        try:
            line = run(app)
        except Aborted as aborted:
            env.stderr.write(PREFIX + aborted.line + "\n")
            env.stderr.flush()
            return None
    finally:
        import gc

        gc.unfreeze()  # the commands that run next are collected as usual
        if painted is not None:
            painted.restore()
    if line is None:
        return None
    env.stdout.write(PREFIX + line + "\n")
    env.stdout.flush()
    if not (is_shell and line.strip() in EXIT_WORDS):
        append_command(path, line)
    return line
