"""Real `awsmini` processes for the end-to-end tests, forked from a warm parent.

Most end-to-end tests run awsmini as a script would, in a process of its own,
but what they check is not the interpreter's start: two thirds of such a run's
CPU time is Python importing botocore. A fork server pays that once per test
worker. It imports awsmini and the modules a network command loads, then, for
each run, forks a child that takes the test's stdin, stdout and stderr (passed
over a Unix socket), working directory, environment and argv, and runs the
console script's entry, which ends the process with awsmini's exit code. The
test gets a `subprocess.CompletedProcess` as `subprocess.run` would give it.

What the start itself does is still tested on fresh processes: `run` starts a
real subprocess when the program under test is another one (the installed
wheel, `$AWSMINI_EXECUTABLE`) or when the environment differs from the
server's in a variable the interpreter reads at start (PYTHON*, the locale);
the signal, interrupt, terminal and start-up tests use their own processes.

    python tests/forkserver.py SOCKET   # the server, started by `run` on first use
"""
from __future__ import annotations

import json
import locale
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Mapping, Sequence

# what a network command imports, so that a run finds it loaded
WARM = ("awsmini.console", "awsmini.main", "awsmini.driver", "awsmini.call",
        "awsmini.session", "awsmini.commands.s3", "botocore.session", "botocore.client",
        "botocore.httpsession", "botocore.credentials", "botocore.auth", "s3transfer.manager",
        "yaml", "jmespath")

# read by the interpreter as it starts: a run whose environment differs in one gets a
# fresh process
_START_VARIABLES = ("PYTHON", "LC_", "LANG")


def _serve(path: str) -> None:
    import importlib

    for name in WARM:
        importlib.import_module(name)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    parent = os.getppid()
    print("ready", flush=True)
    while True:
        _reap()
        if not select.select([listener], [], [], 0.5)[0]:
            if os.getppid() != parent:  # the test worker is gone
                return
            continue
        connection, _ = listener.accept()
        request, fds, _, _ = socket.recv_fds(connection, 1 << 20, 3)
        if os.fork() == 0:
            listener.close()
            _supervise(connection, json.loads(request), fds)
        connection.close()
        for fd in fds:
            os.close(fd)


def _reap() -> None:
    """Wait for the supervisors that are done: waited for, their CPU time and their runs'
    is counted in the server's, and so in the test run's."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def _supervise(connection: socket.socket, request: dict, fds: list[int]) -> None:
    """In the forked child: fork the run, tell the client its pid, then its status."""
    pid = os.fork()
    if pid == 0:
        connection.close()
        _run(request, fds)
    for fd in fds:  # the run's now, and only the run's
        os.close(fd)
    connection.sendall(b"%d\n" % pid)
    _, status = os.waitpid(pid, 0)
    connection.sendall(b"%d\n" % os.waitstatus_to_exitcode(status))
    os._exit(0)


def _run(request: dict, fds: list[int]) -> None:
    """In the run's process: become the command `request` describes and run awsmini."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()  # what a fresh interpreter reads from TZ
    tempfile.tempdir = None  # and from TMPDIR, when first asked
    sys.argv = [request["program"], *request["argv"]]
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from awsmini.console import entry

    try:
        entry()  # ends the process with awsmini's code
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    except BaseException:  # as the interpreter reports what escapes the script
        import traceback

        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


class ForkServer:
    """The running server of this test worker, started on first use."""

    _current: ForkServer | None = None

    def __init__(self) -> None:
        self.directory = tempfile.mkdtemp(prefix="awsmini-forkserver-")
        self.path = os.path.join(self.directory, "socket")
        self.environ = dict(os.environ)
        self.process = subprocess.Popen([sys.executable, os.path.abspath(__file__), self.path],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        env=self.environ)
        assert self.process.stdout is not None
        if self.process.stdout.readline() != b"ready\n":
            raise RuntimeError("the fork server did not start")

    @classmethod
    def current(cls) -> ForkServer:
        if cls._current is None or cls._current.process.poll() is not None:
            cls._current = cls()
            import atexit

            atexit.register(cls._current.stop)
        return cls._current

    def stop(self) -> None:
        self.process.terminate()  # it has waited for every run that is done
        self.process.wait()
        for name in os.listdir(self.directory):
            os.unlink(os.path.join(self.directory, name))
        os.rmdir(self.directory)

    def serves(self, env: Mapping[str, str]) -> bool:
        names = set(env) | set(self.environ)
        return not any(env.get(name) != self.environ.get(name) for name in names
                       if name.startswith(_START_VARIABLES))

    def run(self, program: str, argv: Sequence[str], env: Mapping[str, str], cwd: str,
            stdin: bytes | None, timeout: float) -> tuple[int, bytes, bytes]:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            # stdin as subprocess.run gives it: a pipe fed with `stdin`, or the null device
            if stdin is None:
                source, feeder = os.open(os.devnull, os.O_RDONLY), None
            else:
                source, sink = os.pipe()
                feeder = threading.Thread(target=_feed, args=(sink, stdin), daemon=True)
                feeder.start()
            try:
                code = self._exchange(program, argv, env, cwd, timeout,
                                      [source, out.fileno(), err.fileno()])
            finally:
                os.close(source)
                if feeder is not None:
                    feeder.join()
            out.seek(0)
            err.seek(0)
            return code, out.read(), err.read()

    def _exchange(self, program: str, argv: Sequence[str], env: Mapping[str, str], cwd: str,
                  timeout: float, fds: list[int]) -> int:
        request = json.dumps({"program": program, "argv": list(argv), "env": dict(env),
                              "cwd": cwd}).encode()
        deadline = time.monotonic() + timeout
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(self.path)
            socket.send_fds(connection, [request], fds)
            reader = connection.makefile("rb")
            connection.settimeout(timeout)
            pid = int(reader.readline())
            try:
                connection.settimeout(max(deadline - time.monotonic(), 0.001))
                line = reader.readline()
            except socket.timeout:
                os.kill(pid, signal.SIGKILL)
                raise subprocess.TimeoutExpired([program, *argv], timeout) from None
            return int(line)


def _feed(sink: int, data: bytes) -> None:
    try:
        with open(sink, "wb") as pipe:
            pipe.write(data)
    except BrokenPipeError:  # the run did not read it all, as with subprocess.run
        pass


def run(program: str, argv: Sequence[str], *, env: Mapping[str, str], cwd: str | os.PathLike,
        input: str | bytes | None = None, timeout: float = 120,
        text: bool = True) -> subprocess.CompletedProcess:
    """`subprocess.run([program, *argv], capture_output=True, ...)` for awsmini: forked from
    the warm server when `program` is this interpreter's awsmini and `env` starts it as the
    server started, else a fresh subprocess."""
    stdin = input.encode() if isinstance(input, str) else input
    own = os.path.join(os.path.dirname(sys.executable), "awsmini")
    server = ForkServer.current() if program == own and sys.platform != "win32" else None
    if server is None or not server.serves(env):
        done = subprocess.run([program, *argv], env=dict(env), cwd=cwd, capture_output=True,
                              input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                              timeout=timeout)
        code, out, err = done.returncode, done.stdout, done.stderr
    else:
        code, out, err = server.run(program, argv, env, os.fspath(cwd), stdin, timeout)
    if text:  # decoded, newlines translated, as subprocess.run(text=True) gives them
        out, err = (_text(data) for data in (out, err))
    return subprocess.CompletedProcess([program, *argv], code, out, err)


def _text(data: bytes) -> str:
    decoded = data.decode(locale.getpreferredencoding(False))
    return decoded.replace("\r\n", "\n").replace("\r", "\n")


if __name__ == "__main__":
    _serve(sys.argv[1])
