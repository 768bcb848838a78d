"""The questions of `configure sso` and `configure sso-session`: one value, or one choice.

As v2's `awscli/customizations/configure/sso.py` (PTKPrompt and its validators):
a question reads `TEXT [CURRENT]: ` (or a format of its own), the answer is
stripped, and Enter keeps the current value. A validator's refusal asks again,
after its message. On a terminal the question is prompt_toolkit's, completing the
known values; otherwise (a pipe) each answer is one line of stdin, and the end
of stdin is Enter. A choice among accounts or roles is v2's menu on a terminal
(arrow keys and Enter); from a pipe it is asked as a question: the answer is one
of the entries, as shown or by its ID or name, and Enter takes the first.
prompt_toolkit is imported only on a terminal.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Sequence

from awsmini.env import Env
from awsmini.errors import OtherError

Validator = Callable[[str], "str | None"]  # the answer -> None, or the refusal's message

DEFAULT_FORMAT = "{prompt_text} [{current_value}]: "
MENU_HEIGHT = 10  # the lines of a choice's menu shown at a time


def start_url_validator(default: str | None) -> Validator:
    def validate(text: str) -> str | None:
        from botocore.utils import is_valid_endpoint_url

        if not text and default:
            return None
        return None if is_valid_endpoint_url(text) else "Not a valid Start URL"

    return validate


def required_validator(default: str | None) -> Validator:
    def validate(text: str) -> str | None:
        return None if text or default else "A value is required"

    return validate


def scopes_validator(default: str | None) -> Validator:
    def validate(text: str) -> str | None:
        if not text and default:
            return None
        if any(re.search(r"\s", scope.strip()) for scope in text.split(",")):
            return "Scope values must be separated by commas"
        return None

    return validate


class Prompter:
    """Asks on the run's terminal, or reads the run's stdin."""

    def __init__(self, env: Env, terminal: Mapping[str, Any] | None = None) -> None:
        self._env = env
        # prompt_toolkit's `input` and `output` (a pipe input, in tests); its own otherwise
        self._terminal = dict(terminal or {})

    def get_value(self, current: str | None, text: str = "",
                  completions: Sequence[str] = (), validator: Validator | None = None,
                  prompt_fmt: str | None = None) -> str | None:
        """The answer, or `current` for Enter."""
        question = (prompt_fmt or DEFAULT_FORMAT).format(prompt_text=text,
                                                         current_value=current)
        while True:
            answer = self._ask(question, completions)
            if answer is None:  # the end of stdin
                refusal = validator("") if validator else None
                if refusal:
                    raise OtherError(refusal)
                return current
            answer = answer.strip()
            refusal = validator(answer) if validator else None
            if refusal is None:
                return answer or current
            self._env.stdout.write(refusal + "\n")

    def select(self, entries: Sequence[Any], display: Callable[[Any], str],
               keys: Callable[[Any], Sequence[str]]) -> Any:
        """One of `entries` (sorted already): on a terminal from a menu (arrow keys, Enter),
        from a pipe by its display text or one of its keys."""
        shown = [display(entry) for entry in entries]
        if self._env.stdin_isatty and self._env.stdout_isatty:
            return entries[self._menu(shown)]

        def validate(text: str) -> str | None:
            if not text or _find(text) is not None:
                return None
            return "Not one of the choices"

        def _find(text: str) -> Any:
            for entry, label in zip(entries, shown):
                if text == label or text in keys(entry):
                    return entry
            return None

        answer = self.get_value(shown[0], "", completions=shown, validator=validate,
                                prompt_fmt="[{current_value}]: ")
        return _find(answer or shown[0])

    def _menu(self, labels: Sequence[str]) -> int:
        """The index chosen from a list of at most MENU_HEIGHT lines at a time, the choice
        marked `>`, erased once chosen (v2's wizard select menu)."""
        from prompt_toolkit import Application
        from prompt_toolkit.formatted_text import FormattedText
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.layout import Layout, Window
        from prompt_toolkit.layout.controls import FormattedTextControl

        chosen = [0]
        height = min(MENU_HEIGHT, len(labels))

        def lines() -> FormattedText:
            top = min(max(chosen[0] - height + 1, 0), len(labels) - height)
            return FormattedText([("reverse" if index == chosen[0] else "",
                     "%s %s\n" % (">" if index == chosen[0] else " ", labels[index]))
                    for index in range(top, top + height)])

        keys = KeyBindings()

        @keys.add("up")
        def _up(event: Any) -> None:
            chosen[0] = max(chosen[0] - 1, 0)

        @keys.add("down")
        def _down(event: Any) -> None:
            chosen[0] = min(chosen[0] + 1, len(labels) - 1)

        @keys.add("enter")
        def _choose(event: Any) -> None:
            event.app.exit(result=chosen[0])

        @keys.add("c-c")
        def _interrupt(event: Any) -> None:
            event.app.exit(exception=KeyboardInterrupt())

        app: Application[int] = Application(
            layout=Layout(Window(FormattedTextControl(lines), height=height)),
            key_bindings=keys, erase_when_done=True, **self._terminal)
        return app.run()

    def _ask(self, question: str, completions: Sequence[str]) -> str | None:
        env = self._env
        if env.stdin_isatty and env.stdout_isatty:
            return self._ask_terminal(question, completions)
        env.stdout.write(question)
        env.stdout.flush()
        line = env.stdin.readline()
        if not line:
            env.stdout.write("\n")
            return None
        return line.rstrip("\r\n")

    def _ask_terminal(self, question: str, completions: Sequence[str]) -> str | None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.completion import WordCompleter

        session: PromptSession[str] = PromptSession(**self._terminal)
        try:
            return session.prompt(question, completer=WordCompleter(
                list(completions), pattern=re.compile(r"\S+")), complete_while_typing=True)
        except EOFError:
            return None
