"""The interactive modes: the auto-prompt and the shell, with what the prompt is handed.

`run(mode, argv, env, run_line)` takes the mode `main.py` chose (`on`: the
prompt prefilled with argv, then its command once; `shell`: prompt, run,
again) and the function that runs one command line inside the error boundary;
it returns the exit code of the last command run. Leaving the prompt without a
command raises `Interrupted` (v2: exit 130); errors of the prompt itself
propagate to `main.py`'s boundary.

`prompt/` never imports `call` or `output`, so the two things it needs from
them are handed to it from here as plain callables: `ListCall`, the one list
call that server-side values come from (`fetch_values`), and `render_output`,
its output panel in the line's `--output` format. Which operation and
expression answer an option is the prompt's business
(`prompt/resource_index.py`).
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, Mapping, Sequence

from awsmini.env import Env
from awsmini.errors import Interrupted
from awsmini.globalopts import first_pass

RunLine = Callable[[list[str]], int]

TIMEOUT = 2  # seconds; the prompt stops waiting after its own limit anyway


def run(mode: str, argv: Sequence[str], env: Env, run_line: RunLine) -> int:
    """Run the prompt (`mode` "on") or the shell ("shell") over argv."""
    if mode == "shell":
        return _run_shell(argv, env, run_line)
    from awsmini import prompt

    prompted = prompt.ask(argv, env, fetch_values=ListCall(env), render_output=render_output)
    if prompted is None:
        raise Interrupted()
    return run_line(prompted)


def _run_shell(argv: Sequence[str], env: Env, run_line: RunLine) -> int:
    from awsmini.prompt.shell import run_shell

    fetch = ListCall(env)
    if first_pass(argv).is_shell_command:
        return run_shell(env, run_line, base_args=[w for w in argv if w != "shell"],
                         fetch_values=fetch, render_output=render_output)
    return run_shell(env, run_line, argv=argv, fetch_values=fetch, render_output=render_output)


class ListCall:
    """The prompt's way to a service for server-side values (`fetch_values`)."""

    def __init__(self, env: Env) -> None:
        self.env = env

    def __call__(self, service: str, api_name: str, expression: str,
                 global_args: Sequence[str], params: Mapping[str, str] | None = None
                 ) -> list[str]:
        return fetch_values(service, api_name, expression, global_args, self.env.environ,
                            params)

    @staticmethod
    def prepare() -> None:
        """Load the client machinery, so that the first list call does not wait for it."""
        from awsmini.call import preload

        preload()


def fetch_values(service: str, api_name: str, expression: str, global_args: Sequence[str],
                 environ: Mapping[str, str], params: Mapping[str, str] | None = None
                 ) -> list[str]:
    """Call `api_name` of `service` once (with no parameters unless given); the strings
    `expression` picks, in the order the API gave them.

    `global_args` are the global options typed on the prompt's line (`--endpoint-url`,
    `--region`, `--profile`, `--no-verify-ssl`, `--ca-bundle`, `--no-sign-request`,
    the timeouts): the client is built as the driver builds it (`call.create_client`)
    from them, unlike v2, which lists from the default endpoint and region whatever
    the line says. One call, the first page only. Connect and read timeouts default
    to the prompt's limit (TIMEOUT) unless the line sets them. Errors propagate: the
    prompt swallows and logs them.
    """
    import jmespath

    from awsmini import models, resolve
    from awsmini.call import call_operation, create_client
    from awsmini.globalopts import parse_global_options
    from awsmini.settings import Settings

    service_cli = resolve.service_cli_name(service)
    options, _ = parse_global_options([*global_args, service_cli])
    options = dataclasses.replace(
        options,
        connect_timeout=TIMEOUT if options.connect_timeout is None else options.connect_timeout,
        read_timeout=TIMEOUT if options.read_timeout is None else options.read_timeout)
    command = resolve.Command(service_cli, service, api_name,
                              models.load_operation(service, api_name, environ), ())
    client = create_client(command, options, Settings(options, environ), environ)
    found = jmespath.search(expression, call_operation(client, command, dict(params or {})))
    if not isinstance(found, list):
        return []
    return [str(value) for value in found if isinstance(value, (str, int, float))
            and not isinstance(value, bool)]


def render_output(data: Any, output: str, title: str) -> str:
    """The prompt's output panel in the line's `--output` format, uncoloured, as the
    driver would print it."""
    from awsmini.output import FORMATTERS, RenderOptions

    return "".join(FORMATTERS[output](data, RenderOptions(title=title)))
