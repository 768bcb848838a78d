"""The auto-prompt and the shell: a command line in, an argv out.

`ask(argv, env)` opens the prompt prefilled with `argv` and returns the argv
the user accepted, or None when they aborted (Ctrl+C / Ctrl+D). It writes
`> aws <line>` as AWS CLI v2 does (stdout when run, stderr when aborted) and
keeps the history; it runs nothing. `main.py` decides when to call it and
runs the result. prompt_toolkit is imported only inside this package, and only
when a prompt is actually shown.
"""
from __future__ import annotations

import shlex
from typing import Sequence

from awsmini.env import Env
from awsmini.prompt.history import append_command, history_path, load_commands

PREFIX = "> aws "


def ask(argv: Sequence[str], env: Env) -> list[str] | None:
    """Prompt for a whole command line prefilled with `argv`; None when aborted."""
    from awsmini.prompt.completions import initial_line

    line = read_line(initial_line(argv, env.environ), env, is_shell=False)
    return None if line is None else shlex.split(line)


def read_line(initial: str, env: Env, is_shell: bool) -> str | None:
    """Run the prompt once; the accepted line, or None (aborted, or the shell's Ctrl+D)."""
    from awsmini.prompt.app import Aborted, create_app

    path = history_path(env.environ)
    try:
        line = create_app(initial, env.environ, load_commands(path), is_shell=is_shell).run()
    except Aborted as aborted:
        env.stderr.write(PREFIX + aborted.line + "\n")
        env.stderr.flush()
        return None
    if line is None:
        return None
    env.stdout.write(PREFIX + line + "\n")
    env.stdout.flush()
    append_command(path, line)
    return line
