"""Run a command with resource limits and report its own peak memory and time.

    python tests/measure.py REPORT_FILE ADDRESS_SPACE_BYTES CPU_SECONDS -- ARGV...

A small process between the test and the program: a child's `ru_maxrss` counts the
memory of the process it was forked from, so a child forked from pytest would show
pytest's size. This wrapper forks the program itself, applies the limits, waits for it
with wait4 and writes `{"maxrss": bytes, "status": exit code, "cpu": seconds}` to
REPORT_FILE. The
program's streams are the wrapper's; a signal sent to the wrapper is passed on.
`run_measured()` is the tests' way to use it.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys


def main(argv: list) -> int:
    report, address_space, cpu = argv[0], int(argv[1]), int(argv[2])
    command = argv[argv.index("--") + 1:]
    pid = os.fork()
    if pid == 0:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        os.execv(command[0], command)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda number, frame: os.kill(pid, number))
    while True:
        try:
            _, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
    code = os.waitstatus_to_exitcode(status)
    with open(report, "w") as fp:
        json.dump({"maxrss": usage.ru_maxrss * 1024, "status": code,
                   "cpu": usage.ru_utime + usage.ru_stime}, fp)
    return 0


def popen_measured(command: list, report: str, address_space: int = 4 * 1024 ** 3,
                   cpu_seconds: int = 60, **kwargs) -> subprocess.Popen:
    """Start `command` under the wrapper; read the report with `read_report` when done."""
    return subprocess.Popen([sys.executable, os.path.abspath(__file__), report,
                             str(address_space), str(cpu_seconds), "--", *command], **kwargs)


def read_report(report: str) -> dict:
    with open(report) as fp:
        return json.load(fp)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
