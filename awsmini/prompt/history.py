"""The prompt's command history: a JSON file of awsmini's own under `~/.aws/`.

Same format as AWS CLI v2's `~/.aws/cli/cache/prompt_history.json`
(`{"version": 1, "commands": [oldest, ..., newest]}`), in a separate file,
`~/.aws/awsmini/prompt_history.json`, so the two programs do not overwrite
each other. Keeps the last 500 commands; the file is mode 0600 and its
directory is created when missing; an unreadable file reads as an empty
history, silently (v2 does the same). Never imports prompt_toolkit.
"""
from __future__ import annotations

import json
import os
from typing import Mapping

from awsmini import configpaths
from awsmini.prompt.candidates import fuzzy_filter
from awsmini.userfiles import replace_text

MAX_COMMANDS = 500


def history_path(environ: Mapping[str, str]) -> str:
    """Where the history lives for this environment's home directory."""
    home = configpaths.home(environ)
    return os.path.join(home, ".aws", "awsmini", "prompt_history.json")


def load_commands(path: str) -> list[str]:
    """The stored commands, oldest first; [] when the file is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as fp:
            data = json.load(fp)
        commands = data.get("commands", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [c for c in commands if isinstance(c, str)] if isinstance(commands, list) else []


def append_command(path: str, command: str) -> None:
    """Add `command` as the newest entry, keeping the last MAX_COMMANDS."""
    commands = (load_commands(path) + [command])[-MAX_COMMANDS:]
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        replace_text(path, json.dumps({"version": 1, "commands": commands}), 0o600)
    except OSError:
        pass  # a history that cannot be saved must not stop the command


def search_history(commands: list[str], word: str) -> list[str]:
    """Past commands for Ctrl+R: newest first, de-duplicated, fuzzy-filtered by `word`."""
    seen, unique = set(), []
    for command in reversed(commands):
        if command not in seen:
            seen.add(command)
            unique.append(command)
    if not word.strip():
        return unique
    matched = set(fuzzy_filter(unique, word.strip(), key=lambda c: c))
    return [c for c in unique if c in matched]
