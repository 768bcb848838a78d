"""The prompt in-process: keys typed through prompt_toolkit's pipe input, screen to a
dummy output; checks the completions offered, the line accepted and what main runs."""
from __future__ import annotations

import asyncio
import io
import json
import threading
import time

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from awsmini.env import Env
from awsmini.globalopts import first_pass
from awsmini.main import line_settings, main, prompt_mode
from awsmini.prompt.app import create_app
from awsmini.prompt.keys import Aborted
from awsmini.prompt.history import history_path, load_commands
from tests.conftest import isolated_environ

TAB, SHIFT_TAB, ENTER, CTRL_C, CTRL_D, CTRL_R = "\t", "\x1b[Z", "\r", "\x03", "\x04", "\x12"
F3, F5 = "\x1bOR", "\x1b[15~"


@pytest.fixture(scope="module")
def environ(tmp_path_factory):
    return isolated_environ(tmp_path_factory.mktemp("home"))


def offered(app) -> list[str]:
    state = app.current_buffer.complete_state
    return [c.text for c in state.completions] if state else []


def drive(initial: str, environ, steps, history=(), is_shell=False):
    """Run the prompt; each step types its keys, waits for the screen to settle, then
    calls its check (if any) with the app. Returns the accepted line."""
    with create_pipe_input() as pipe:
        app = create_app(initial, environ, list(history), is_shell=is_shell, input=pipe,
                         output=DummyOutput())

        async def run():
            task = asyncio.ensure_future(app.run_async())
            await asyncio.sleep(0.2)
            for keys, check in steps:
                pipe.send_text(keys)
                await asyncio.sleep(0.2)
                if check is not None:
                    check(app)
            return await asyncio.wait_for(task, 5)

        return asyncio.run(run())


def test_menu_opens_with_services_nothing_selected(environ):
    def check(app):
        state = app.current_buffer.complete_state
        assert state is not None and state.complete_index is None
        assert "iot" in offered(app) and "ec2" in offered(app)

    with pytest.raises(Aborted):
        drive("", environ, [("", check), (CTRL_D, None)])


def test_tab_completes_operation_and_required_options(environ):
    def operations(app):
        assert offered(app)[:1] == ["cancel-job-execution"]

    def selected(app):
        assert app.current_buffer.text == "iot cancel-job-execution"

    def options(app):
        assert offered(app)[:2] == ["--job-id", "--thing-name"]
        assert "--cli-auto-prompt" not in offered(app)

    def job_id(app):
        assert app.current_buffer.text == "iot cancel-job-execution --job-id"

    line = drive("", environ, [
        ("iot canjobex", operations), (TAB, selected), (ENTER, None), (" ", options),
        (TAB, job_id), (ENTER + " j1 --thi" + TAB + ENTER + " MyRPi", None),
        (ENTER, None)])
    assert line == "iot cancel-job-execution --job-id j1 --thing-name MyRPi"


def test_tab_completes_a_hand_written_command_and_its_options(environ):
    def commands(app):
        assert offered(app) == ["cp", "sync"]

    def options(app):
        assert offered(app)[:1] == ["--recursive"]

    line = drive("", environ, [
        ("s3 c", commands), (TAB, None), (ENTER, None), (" a.txt s3://b/ --recur", options),
        (TAB + ENTER, None), (ENTER, None)])
    assert line == "s3 cp a.txt s3://b/ --recursive"


def test_enter_with_menu_open_keeps_text_and_does_not_run(environ):
    def closed(app):
        assert app.current_buffer.complete_state is None
        assert app.current_buffer.text == "iot list-things "
        assert not app.is_done

    assert drive("iot list-things ", environ, [(ENTER, closed), (ENTER, None)]) == \
        "iot list-things "


def test_tab_cycles_through_original_text(environ):
    def first(app):
        assert app.current_buffer.text == "--output json"

    def previous(app):
        assert app.current_buffer.text == "--output "

    line = drive("--output ", environ, [(TAB, first), (SHIFT_TAB, previous),
                                         (SHIFT_TAB, None), (ENTER, None), (ENTER, None)])
    assert line == "--output off"


def test_ctrl_c_aborts_with_the_line(environ):
    with pytest.raises(Aborted) as aborted:
        drive("iot list-things ", environ, [("--max", None), (CTRL_C, None)])
    assert aborted.value.line == "iot list-things --max"


def test_shell_ctrl_c_clears_line_and_ctrl_d_leaves(environ):
    def cleared(app):
        assert app.current_buffer.text == "" and not app.is_done

    assert drive("", environ, [("iot list", None), (CTRL_C, cleared), (CTRL_D, None)],
                 is_shell=True) is None


def test_history_search(environ):
    history = ["iot list-things", "s3api list-buckets", "iot describe-thing --thing-name a"]

    def newest_first(app):
        assert offered(app) == list(reversed(history))
        assert app.prompt_state.history_mode

    def filtered(app):
        assert offered(app) == ["s3api list-buckets"]

    line = drive("", environ, [(CTRL_R, newest_first), ("buck", filtered), (TAB, None),
                               (ENTER, None), (ENTER, None)], history=history)
    assert line == "s3api list-buckets"


def test_up_recalls_history_when_menu_closed(environ):
    history = ["iot list-things", "iot describe-thing"]
    line = drive("", environ, [(ENTER, None), ("\x1b[A", None), ("\x1b[A", None),
                               (ENTER, None)], history=history)
    assert line == "iot list-things"


def test_doc_and_output_panels(environ):
    def panels(app):
        doc = app.layout.get_buffer_by_name("doc").text
        sample = app.layout.get_buffer_by_name("output").text
        assert "Lists your things." in doc
        assert json.loads(sample)["things"][0]["thingName"] == "thingName"
        width = app.prompt_state.doc_window.render_info.window_width
        assert width < 50 and max(len(line) for line in doc.splitlines()) <= width

    drive("iot list-things ", environ, [(F3 + F5, panels), (ENTER, None), (ENTER, None)])


# ------------------------------------------------------------- through main

@pytest.fixture
def run_tty(tmp_path, monkeypatch):
    """main() with stdin and stdout said to be terminals and keys fed through a pipe.

    `keys` are sent one item at a time, 0.3 s apart, so menus can open between them;
    an item that is a function is called at its turn instead."""

    def run(argv, keys=(), environ=None, is_tty=True):
        full = isolated_environ(tmp_path, dict({"AWS_CLI_AUTO_PROMPT": None}, **(environ or {})))
        monkeypatch.chdir(tmp_path)
        stdout, stderr = io.StringIO(), io.StringIO()
        env = Env(stdin=io.StringIO(), stdout=stdout, stderr=stderr, environ=full,
                  stdin_isatty=is_tty, stdout_isatty=is_tty)
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            def feed():
                for item in keys:
                    time.sleep(0.3)
                    if callable(item):  # something that happens between two keys
                        item()
                    else:
                        pipe.send_text(item)

            feeder = threading.Thread(target=feed, daemon=True)
            feeder.start()
            code = main(list(argv), env)
            feeder.join(10)
        return code, stdout.getvalue(), stderr.getvalue()

    return run


def test_prompt_runs_the_command(run_tty, moto_endpoint, tmp_path):
    code, out, err = run_tty(["--cli-auto-prompt", "iot", "list-things", "--endpoint-url",
                              moto_endpoint], keys=[ENTER, ENTER])
    assert code == 0, err
    first, rest = out.split("\n", 1)
    assert first == "> aws iot list-things --endpoint-url %s " % moto_endpoint
    assert "things" in json.loads(rest)
    assert load_commands(history_path({"HOME": str(tmp_path)})) == [
        "iot list-things --endpoint-url %s " % moto_endpoint]


def test_full_names_arriving_after_enter_closed_the_menu_leave_it_closed(
        run_tty, moto_endpoint, monkeypatch):
    """The second Enter runs the line even when the services' full names (read in the
    background on a first run) arrive between the two."""
    arrived = []
    monkeypatch.setattr("awsmini.prompt.sources.when_full_names", arrived.append)

    def names_arrive() -> None:
        for callback in arrived:
            callback()

    code, out, err = run_tty(["--cli-auto-prompt", "iot", "list-things", "--endpoint-url",
                              moto_endpoint], keys=[ENTER, names_arrive, ENTER, CTRL_C])
    assert arrived and code == 0, err  # 130: the second Enter only closed a reopened menu
    assert "things" in json.loads(out.split("\n", 1)[1])


def test_abort_writes_line_to_stderr_and_exits_130(run_tty, tmp_path):
    code, out, err = run_tty(["iot", "list-things", "--cli-auto-prompt"], keys=[CTRL_C])
    assert (code, out, err) == (130, "", "> aws iot list-things \n")
    assert load_commands(history_path({"HOME": str(tmp_path)})) == []


def test_empty_line_is_a_usage_error(run_tty):
    code, out, err = run_tty(["--cli-auto-prompt"], keys=[ENTER, ENTER])
    assert code == 252 and out.startswith("> aws \n")
    assert "the following arguments are required" in err


def test_on_partial_prompts_after_a_parameter_error(run_tty):
    code, out, err = run_tty(["iot", "cancel-job-execution", "--job-id", "j1"],
                             keys=[CTRL_C], environ={"AWS_CLI_AUTO_PROMPT": "on-partial"})
    assert (code, out) == (130, "")
    assert err == "> aws iot cancel-job-execution --job-id j1 \n"  # the first error is silent


def test_shell_runs_commands_until_exit(run_tty, moto_endpoint):
    line = "iot list-things --endpoint-url %s" % moto_endpoint
    code, out, err = run_tty(["shell"], keys=[line, ENTER, "iotx nothing", ENTER,
                                              "exit", ENTER])
    assert code == 252  # the last command's exit code
    assert out.count("> aws ") == 3 and '"things"' in out
    assert "Found invalid choice 'iotx'" in err


@pytest.mark.parametrize("argv, environ, config, expected", [
    (["iot", "list-things"], {}, "", "off"),
    (["--cli-auto-prompt", "iot"], {}, "", "on"),
    (["--cli-auto-prompt", "iot"], {"AWS_CLI_AUTO_PROMPT": "on-partial"}, "", "on"),
    (["--no-cli-auto-prompt", "iot"], {"AWS_CLI_AUTO_PROMPT": "on"}, "", "off"),
    (["iot", "help", "--cli-auto-prompt"], {}, "", "off"),
    (["--version"], {"AWS_CLI_AUTO_PROMPT": "on"}, "", "off"),
    (["iot"], {"AWS_CLI_AUTO_PROMPT": "ON"}, "", "on"),
    (["iot"], {"AWS_CLI_AUTO_PROMPT": "yes"}, "cli_auto_prompt = on", "off"),
    (["iot"], {"AWS_CLI_AUTO_PROMPT": "Shell"}, "", "shell"),
    (["iot"], {}, "cli_auto_prompt = on-partial", "on-partial"),
    (["iot", "--profile", "dev"], {}, "cli_auto_prompt = on", "on"),
    (["iot"], {"AWS_PROFILE": "missing"}, "cli_auto_prompt = on", "off"),
    (["--region", "us-east-1", "shell"], {}, "", "shell"),
], ids=["default", "flag", "flag-beats-env", "no-flag-beats-env", "help", "version",
        "case-insensitive", "unknown-value", "shell-env", "config", "profile-flag-honoured",
        "missing-profile", "shell-command"])
def test_prompt_mode(argv, environ, config, expected, tmp_path):
    config_file = tmp_path / "config"
    section = "profile dev" if "--profile" in argv else "default"
    config_file.write_text("[%s]\n%s\n" % (section, config))
    full = isolated_environ(tmp_path, dict({"AWS_CLI_AUTO_PROMPT": None,
                                            "AWS_CONFIG_FILE": str(config_file)}, **environ))
    env = Env(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), environ=full,
              stdin_isatty=True, stdout_isatty=True)
    first = first_pass(argv)
    assert prompt_mode(argv, first, line_settings(first, env), env) == expected


def test_both_flags_is_the_usage_error(run_tty):
    code, _, err = run_tty(["--cli-auto-prompt", "--no-cli-auto-prompt", "iot"])
    assert code == 252
    assert ("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the "
            "same time.") in err


def test_no_terminal_flag_warns_once_and_runs(run_tty, moto_endpoint):
    code, out, err = run_tty(["--cli-auto-prompt", "iot", "list-things", "--endpoint-url",
                              moto_endpoint], is_tty=False)
    assert code == 0 and "things" in json.loads(out)
    assert err == ("awsmini: [WARNING]: auto-prompt needs an interactive terminal; "
                   "running the command as typed\n")


@pytest.mark.parametrize("mode", ["on", "on-partial", "shell"])
def test_no_terminal_env_mode_is_silent(run_tty, mode):
    code, out, err = run_tty(["iot", "cancel-job-execution", "--job-id", "j1"],
                             environ={"AWS_CLI_AUTO_PROMPT": mode}, is_tty=False)
    assert code == 252 and out == ""
    assert "the following arguments are required: --thing-name" in err
    assert "WARNING" not in err


def test_on_partial_reports_unknown_options_first(run_tty):
    code, out, err = run_tty(["iot", "list-things", "--bogus", "1"], keys=[CTRL_C],
                             environ={"AWS_CLI_AUTO_PROMPT": "on-partial"})
    assert code == 130 and out == ""
    report, aborted = err.rsplit("\n> aws ", 1)
    assert "Unknown options: --bogus, 1" in report
    assert aborted == "iot list-things --bogus 1 \n"


def test_shell_adds_its_global_options_to_each_command(run_tty, moto_reset):
    line = "iot list-things --endpoint-url %s --query length(things)" % moto_reset
    code, out, err = run_tty(["--output", "text", "shell"], keys=[line, ENTER, "quit", ENTER])
    assert (code, err) == (0, "")
    assert out == "> aws %s\n0\n> aws quit\n" % line


def test_shell_without_terminal_is_refused(run_tty):
    code, out, err = run_tty(["shell"], is_tty=False)
    assert (code, out) == (252, "")
    assert err == ("\nawsmini: [ERROR]: An error occurred (ParamValidation): awsmini shell needs "
                   "an interactive terminal\n")


@pytest.fixture
def root_logger():
    """Put the root logger back as it was after a --debug run."""
    import logging

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    yield root
    root.handlers, root.level = saved[0], saved[1]


def test_debug_logs_go_to_the_debug_panel_and_ctrl_s_saves_them(run_tty, tmp_path, root_logger):
    code, out, err = run_tty(["--debug", "--cli-auto-prompt", "iot", "list-things"],
                             keys=["\x13", CTRL_C])
    assert code == 130
    assert "Using selector" not in err  # logged while the prompt was open: kept off stderr
    assert err.endswith("> aws --debug iot list-things \n")
    saved = (tmp_path / "prompt_debug.log").read_text()
    assert "asyncio - DEBUG - Using selector" in saved
