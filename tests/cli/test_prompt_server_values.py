"""Server-side values in the prompt: keys through prompt_toolkit's pipe input, a fake or a
real (moto_server) list call behind the seam interactive.py hands over."""
from __future__ import annotations

import asyncio
import json
import time

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from awsmini.prompt.app import create_app
from awsmini.prompt.keys import Aborted
from awsmini.prompt.server_values import LIMIT, ServerValues
from tests.cli.test_prompt_pipe import run_tty  # noqa: F401 (a fixture)
from tests.conftest import isolated_environ

TAB, ENTER, CTRL_C = "\t", "\r", "\x03"
LINE = "iot cancel-job-execution --job-id example-job-01 --thing-name "


@pytest.fixture(scope="module")
def environ(tmp_path_factory):
    return isolated_environ(tmp_path_factory.mktemp("home"))


class SlowFetch:
    """Answers MyRPi, MyLamp after `delay` seconds."""

    def __init__(self, delay=0.0):
        self.delay = delay
        self.calls = []

    def __call__(self, service, api_name, expression, global_args):
        self.calls.append((service, api_name, expression, list(global_args)))
        time.sleep(self.delay)
        return ["MyRPi", "MyLamp"]


def offered(app) -> list[str]:
    state = app.current_buffer.complete_state
    return [c.text for c in state.completions] if state else []


def drive(initial, environ, steps, fetch):
    """Run the prompt with server-side values from `fetch`; each step types its keys,
    waits its seconds, then calls its check with the app. Returns the accepted line."""
    with create_pipe_input() as pipe:
        app = create_app(initial, environ, [], input=pipe, output=DummyOutput(),
                         server_values=ServerValues(fetch, environ))

        async def run():
            task = asyncio.ensure_future(app.run_async())
            for keys, wait, check in steps:
                pipe.send_text(keys)
                await asyncio.sleep(wait)
                if check is not None:
                    check(app)
            return await asyncio.wait_for(task, 5)

        return asyncio.run(run())


def test_menu_offers_server_values_in_api_order(environ):
    fetch = SlowFetch()

    def menu(app):
        assert offered(app) == ["MyRPi", "MyLamp"]

    line = drive(LINE, environ, [("", 0.5, menu), (TAB, 0.2, None), (ENTER, 0.2, None),
                                 (ENTER, 0.2, None)], fetch)
    assert line == LINE + "MyRPi"
    assert fetch.calls == [("iot", "ListThings", "things[].thingName", [])]


def test_values_typed_meanwhile_are_filtered_when_they_arrive(environ):
    def early(app):
        assert app.current_buffer.text == LINE + "la" and offered(app) == []

    def arrived(app):
        assert offered(app) == ["MyLamp"]

    with pytest.raises(Aborted):
        drive(LINE, environ, [("la", 0.2, early), ("", 1.0, arrived), (CTRL_C, 0.2, None)],
              SlowFetch(delay=0.6))


def test_a_slow_service_never_blocks_the_keys(environ):
    fetch = SlowFetch(delay=LIMIT + 3)
    typed_at = {}

    def keys_answer_at_once(app):
        assert app.current_buffer.text == LINE + "My"
        typed_at["elapsed"] = time.monotonic() - typed_at["start"]

    def no_values_past_the_limit(app):
        assert offered(app) == []

    typed_at["start"] = time.monotonic()
    started = time.monotonic()
    with pytest.raises(Aborted) as aborted:
        drive(LINE, environ, [("My", 0.2, keys_answer_at_once),
                              ("", LIMIT + 0.3, no_values_past_the_limit),
                              (CTRL_C, 0.2, None)], fetch)
    assert aborted.value.line == LINE + "My"
    assert typed_at["elapsed"] < 1.0
    assert time.monotonic() - started < LIMIT + 2  # the prompt did not wait for the fetch
    assert len(fetch.calls) == 1


def test_selected_item_is_kept_when_values_arrive(environ):
    """Enum values show at once; a menu the user is moving through is not recomputed
    under them when the server's values arrive."""
    line = "ec2 run-instances --instance-type "
    fetch = SlowFetch(delay=0.5)
    chosen = {}

    def selected(app):
        state = app.current_buffer.complete_state
        assert state is not None and state.complete_index == 0
        chosen.setdefault("text", app.current_buffer.text)
        assert app.current_buffer.text == chosen["text"] != line

    def arrived(app):
        assert offered(app) == ["MyLamp"]

    drive(line, environ, [(TAB, 0.2, selected), ("", 0.8, selected), (ENTER, 0.2, None),
                          ("\x17MyL", 0.3, arrived), (ENTER, 0.2, None), (ENTER, 0.2, None)],
          fetch)
    assert len(fetch.calls) == 1


# --------------------------------------------------- through main, moto_server

def test_prompt_lists_things_from_the_endpoint_on_the_line(
        run_tty, run_cli, moto_reset):  # noqa: F811 (the imported fixture)
    for name in ("MyRPi", "MyLamp"):
        assert run_cli(["iot", "create-thing", "--thing-name", name, "--endpoint-url",
                        moto_reset, "--region", "eu-west-1"]).exit_code == 0
    argv = ["--cli-auto-prompt", "iot", "describe-thing", "--endpoint-url", moto_reset,
            "--region", "eu-west-1", "--thing-name"]
    waits = [""] * 8  # 2.4 s: the values arrive within the limit or not at all
    code, out, err = run_tty(argv, keys=waits + [TAB, TAB, ENTER, ENTER])
    assert code == 0, err
    first, rest = out.split("\n", 1)
    assert first == ("> aws iot describe-thing --endpoint-url %s --region eu-west-1 "
                     "--thing-name MyLamp" % moto_reset)
    assert json.loads(rest)["thingName"] == "MyLamp"


def test_shell_lists_from_its_own_global_options(run_tty, run_cli, moto_reset):  # noqa: F811
    assert run_cli(["iot", "create-thing", "--thing-name", "MyRPi", "--endpoint-url",
                    moto_reset, "--region", "eu-west-1"]).exit_code == 0
    argv = ["--endpoint-url", moto_reset, "--region", "eu-west-1", "shell"]
    keys = ["iot describe-thing --thing-name "] + [""] * 8 + [TAB, ENTER, ENTER, "exit", ENTER]
    code, out, err = run_tty(argv, keys=keys)
    assert code == 0, err
    assert out.startswith("> aws iot describe-thing --thing-name MyRPi\n")
    assert '"thingName": "MyRPi"' in out


class PreparingFetch(SlowFetch):
    """Records when its `prepare()` runs (the client machinery's warm-up)."""

    def __init__(self):
        super().__init__()
        self.prepared = []

    def prepare(self):
        self.prepared.append(time.monotonic())


def test_the_client_machinery_is_prepared_once_after_the_first_screen(environ):
    fetch = PreparingFetch()

    def after_first_screen(app):
        assert len(fetch.prepared) == 1

    with pytest.raises(Aborted):
        drive("iot ", environ, [("", 0.3, after_first_screen), ("list", 0.3, None),
                                ("", 0.1, after_first_screen), (CTRL_C, 0.2, None)], fetch)
    assert fetch.calls == []  # nothing was listed: preparing sends nothing


def test_prompt_completes_s3_paths_from_the_server(run_tty, run_cli, moto_reset,  # noqa: F811
                                                   tmp_path):
    assert run_cli(["s3api", "create-bucket", "--bucket", "paths", "--endpoint-url",
                    moto_reset]).exit_code == 0
    for key in ("logs/2026/a.log", "readme.txt"):
        assert run_cli(["s3api", "put-object", "--bucket", "paths", "--key", key,
                        "--endpoint-url", moto_reset]).exit_code == 0
    argv = ["--cli-auto-prompt", "s3", "ls", "--endpoint-url", moto_reset]
    # the buckets, then the bucket's top level, then one level down, each on its Tab
    keys = ["s3://pa"] + [""] * 8 + [TAB, ENTER, "lo"] + [""] * 8 + [TAB, ENTER, "2"] + \
        [""] * 8 + [TAB, ENTER, ENTER]
    code, out, err = run_tty(argv, keys=keys)
    assert code == 0, err
    first, rest = out.split("\n", 1)
    assert first == "> aws s3 ls --endpoint-url %s s3://paths/logs/2026/" % moto_reset
    assert rest.strip().endswith(" a.log")
