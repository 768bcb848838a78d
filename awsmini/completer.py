"""The `awsmini_completer` console script: a shell's Tab -> the candidates, one a line.

bash runs it for `complete -C awsmini_completer awsmini` (zsh through bashcompinit,
see `awsmini_zsh_completer.sh`) with the line in `COMP_LINE` and the cursor's offset
in `COMP_POINT`, as AWS CLI v2's `aws_completer` reads them (`COMMAND_LINE`, tcsh's,
when `COMP_LINE` is absent). It prints the candidates for the word before the cursor,
one a line, and exits 0; it never fails loudly (a Tab must not print a traceback).

The candidates are the prompt's (`prompt/completions.py`: services, operations,
hand-written commands, options, enum values, `file://` paths), kept when they start
with the word as typed (v2's `aws_completer` filters by prefix; bash inserts their
common prefix, so a fuzzy match would shorten the word). bash splits words at the
characters of `COMP_WORDBREAKS` (`:` and `=` among them): of `file://a.js` it replaces
only `//a.js`, so a candidate loses what comes before the last such character. The
zsh script sets `COMP_WORDBREAKS` empty: zsh replaces the whole word. After `help`,
the candidates are the help topics.

Runs on every Tab, so it stays small: no botocore session, no prompt_toolkit, no
network (v2's server-side values are left out for that reason).
"""
from __future__ import annotations

import os
import sys
from typing import Mapping, Sequence

# bash's default COMP_WORDBREAKS, besides blanks (a shell variable, seldom exported).
DEFAULT_WORDBREAKS = "\"'><=;|&(:"
ZSH_SCRIPT = "awsmini_zsh_completer.sh"


def candidate_lines(line: str, point: int | None, environ: Mapping[str, str]) -> list[str]:
    """The completions of the word at `point` in the whole command line `line`.

    `point` counts characters, as bash 5's `COMP_POINT` does (None, or out of range:
    the end); the first word is the program's name (any: an alias of awsmini too).
    """
    if point is None or not 0 <= point <= len(line):
        point = len(line)
    program = line[:point].lstrip()
    cut = next((i for i, char in enumerate(program) if char.isspace()), None)
    if cut is None:
        return []  # still typing the program's name: the shell completes that
    rest = program[cut:].lstrip()
    word, names = _candidates(rest, environ)
    names = [name for name in dict.fromkeys(names) if name.startswith(word)]
    breaks = environ.get("COMP_WORDBREAKS", DEFAULT_WORDBREAKS)
    cut_at = max((word.rfind(char) for char in breaks if not char.isspace()), default=-1)
    if cut_at >= 0:
        head = word[:cut_at + 1]
        names = [name[len(head):] for name in names if name.startswith(head)]
    return names


def _candidates(rest: str, environ: Mapping[str, str]) -> tuple[str, list[str]]:
    """The word being completed and its candidates' texts (help topics after `help`)."""
    from awsmini.prompt.completions import every_candidate
    from awsmini.prompt.words import split_words

    words, current = split_words(rest)
    if [w.text for w in words] == ["help"]:
        from awsmini.help.topics import topic_names

        return current.text, ["topics"] + topic_names()
    found = every_candidate(rest, environ)
    return found.word, [candidate.text for candidate in found.candidates]


def zsh_script() -> str:
    """The zsh glue shipped beside this module."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), ZSH_SCRIPT)
    with open(path, encoding="utf-8") as fp:
        return fp.read()


def main(argv: Sequence[str], environ: Mapping[str, str]) -> int:
    """Print the candidates for `COMP_LINE`; `--zsh` outside a completion prints the zsh glue."""
    line = environ.get("COMP_LINE")
    if line is None:
        line = environ.get("COMMAND_LINE")
    if line is None:
        if list(argv) == ["--zsh"]:
            sys.stdout.write(zsh_script())
        return 0
    try:
        point: int | None = int(environ.get("COMP_POINT") or len(line))
    except ValueError:
        point = None
    try:
        names = candidate_lines(line, point, environ)
    except Exception:  # a broken model or cache file: no candidates, never a traceback
        if "AWSMINI_COMPLETER_DEBUG" in environ:
            raise
        return 0
    if names:
        sys.stdout.write("\n".join(names) + "\n")
    return 0


def entry() -> None:
    """The console script: Ctrl-C ends it quietly; the exit skips the interpreter's teardown."""
    import signal

    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(130))
    code = main(sys.argv[1:], os.environ)
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        pass
    os._exit(code)
