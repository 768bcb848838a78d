"""Shared fixtures: an in-process CLI runner and a real local AWS-compatible server.

`run_cli(argv, stdin="", environ=None)` calls `awsmini.main.main` in-process with
in-memory streams and an isolated environment (HOME in a temporary directory,
fixed test credentials and region), and returns a `Result`. `moto_endpoint` is a
`moto_server` started once per session on a free loopback port.
"""
from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from awsmini.env import Env
from awsmini.main import main
from tests import forkserver

BASE_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIDTEST",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_PAGER": "",
    "AWS_CLI_AUTO_PROMPT": "off",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_MAX_ATTEMPTS": "1",
    "LANG": "C.UTF-8",
}
# Variables of the developer's own shell that would change what a command does.
_CLEARED = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_ENDPOINT_URL",
            "AWS_SESSION_TOKEN", "AWS_DEFAULT_OUTPUT", "AWS_CONFIG_FILE",
            "AWS_SHARED_CREDENTIALS_FILE", "AWS_DATA_PATH", "AWS_CA_BUNDLE", "PAGER", "NO_COLOR",
            "AWS_CLI_ERROR_FORMAT")


@dataclass
class Result:
    """What one in-process run produced."""

    exit_code: int
    stdout: str
    stderr: str


def isolated_environ(home: Path, extra: dict | None = None) -> dict:
    """os.environ without the caller's AWS settings, plus the fixed test values."""
    environ = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    environ.update(BASE_ENV, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    for key, value in (extra or {}).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = value
    return environ


@pytest.fixture(autouse=True)
def _root_logger_restored():
    """Put the root logger back after each test: an in-process `--debug` run leaves it at
    DEBUG with its handler, and the next test in the worker would log everything (a fuzz
    test's log of surrogate-laden argv then cannot even be sent back to pytest-xdist)."""
    import logging

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    yield
    root.handlers, root.level = saved[0], saved[1]


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """A temporary HOME that is also the working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run_cli(home: Path):
    """Run awsmini in-process, its environment given in Env alone."""

    def run(argv, stdin: str = "", environ: dict | None = None) -> Result:
        stdout, stderr = io.StringIO(), io.StringIO()
        env = Env(stdin=io.StringIO(stdin), stdout=stdout, stderr=stderr,
                  environ=isolated_environ(home, environ), stdin_isatty=False,
                  stdout_isatty=False)
        code = main(list(argv), env)
        return Result(code, stdout.getvalue(), stderr.getvalue())

    return run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _moto_command(port: int) -> list[str]:
    script = Path(sys.executable).with_name("moto_server")
    if script.exists():
        return [str(script), "-H", "127.0.0.1", "-p", str(port)]
    found = shutil.which("moto_server")
    if found:
        return [found, "-H", "127.0.0.1", "-p", str(port)]
    return [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]


def _start_moto(environ: dict | None = None) -> tuple[subprocess.Popen, str]:
    """A moto_server on a free loopback port, once it answers; its process and URL."""
    port = free_port()
    proc = subprocess.Popen(_moto_command(port), env=environ, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError("moto_server did not start on port %d" % port) from None
            time.sleep(0.1)
    return proc, url


@pytest.fixture(scope="session")
def moto_endpoint():
    """A moto_server on a free loopback port for the whole session."""
    proc, url = _start_moto()
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def moto_reset(moto_endpoint):
    """Reset moto's state before a test that needs a clean account."""
    request = urllib.request.Request(moto_endpoint + "/moto-api/reset", method="POST")
    urllib.request.urlopen(request, timeout=10).close()
    return moto_endpoint


# beside the test environment: scripts/setup-env fills .venv/crt, noxfile.py each session's
CRT_DIRECTORY = Path(sys.prefix) / "crt"


@pytest.fixture
def awscrt(monkeypatch):
    """awscrt importable for this test only (the `crt` extra, kept out of the test
    environment: botocore would sign through it everywhere); its modules are dropped
    again afterwards, so that later tests see the environment as installed."""
    # botocore decides once, as it is first imported, whether to sign through awscrt:
    # imported before awscrt can be, it stays as a user without the extra has it
    import botocore.client
    import botocore.httpchecksum
    import botocore.session  # noqa: F401

    before = set(sys.modules)
    try:
        import awscrt  # noqa: F401  (installed in the environment itself)
    except ImportError:
        if not (CRT_DIRECTORY / "awscrt").is_dir():
            pytest.fail("awscrt is not in %s: run scripts/setup-env" % CRT_DIRECTORY)
        monkeypatch.syspath_prepend(str(CRT_DIRECTORY))
    yield
    for name in set(sys.modules) - before:  # botocore.crt too: it would import awscrt again
        if "awscrt" in name or name.split(".")[-1] == "crt" or ".crt." in name:
            del sys.modules[name]


def awsmini_executable() -> str:
    """The `awsmini` program the end-to-end tests run: `$AWSMINI_EXECUTABLE` (scripts/test
    points it at a wheel installed outside the checkout), else the console script next to
    this interpreter."""
    if os.environ.get("AWSMINI_EXECUTABLE"):
        return os.environ["AWSMINI_EXECUTABLE"]
    script = Path(sys.executable).with_name("awsmini")
    return str(script) if script.exists() else (shutil.which("awsmini") or "awsmini")


@pytest.fixture
def aws(moto_reset, tmp_path):
    """Run the installed `awsmini` against the freshly reset moto_server, as a script would:
    a subprocess in `tmp_path` with an isolated environment and no terminal."""
    def run(*argv: str, stdin: str | None = None,
            endpoint: str | None = None) -> subprocess.CompletedProcess:
        return forkserver.run(awsmini_executable(),
                              [*argv, "--endpoint-url", endpoint or moto_reset],
                              env=isolated_environ(tmp_path), cwd=tmp_path, input=stdin)

    return run


def pytest_addoption(parser):
    parser.addoption("--long", action="store_true", default=False,
                     help="the complete walks (every operation's skeletons) and the larger "
                          "fuzz profile, which the default run samples")


@pytest.fixture(scope="session")
def long_run(request) -> bool:
    """Whether `--long` asked for the complete walks instead of their samples."""
    return bool(request.config.getoption("--long"))


@pytest.fixture(scope="session")
def managed_policies():
    """A moto_server of its own that has AWS's managed policies (moto leaves them out
    unless told at start-up), for the tests that attach them."""
    proc, url = _start_moto(dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true"))
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def iam_moto(managed_policies):
    request = urllib.request.Request(managed_policies + "/moto-api/reset", method="POST")
    urllib.request.urlopen(request, timeout=30).close()
    return managed_policies
