"""Time the auto-prompt through a pseudo-terminal: first screen and keystroke latency.

Usage: .venv/bin/python scripts/bench_prompt.py [--runs N] [--program PATH]
From scripts/bench: `from bench_prompt import bench_prompt; bench_prompt(runs=7)`.

Each run starts `<program> --cli-auto-prompt` on a fresh 100x40 pty (answering the
terminal's cursor-position queries as a terminal would), then types `ec2 ` and
`describe-inst` one key at a time. Reported, as medians over the runs:
- first screen: from spawn until the first complete screen (the key-hint toolbar) is drawn;
- menu: from spawn until prompt_toolkit has drawn the service menu and the screen is
  still (the prompt is fully live);
- keystroke: from a key being sent until the screen is still again (the menu redrawn),
  median and worst over the keys typed on `ec2`.
"Still" means no output for SETTLE seconds; the quiet time itself is not counted.
The CPU time the program used up to each point is reported too (from /proc): on a
busy machine it shows what the wall times would be on an idle one.
A warm-up run fills the model caches first, as any second use of the prompt finds them.
"""
from __future__ import annotations

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AWSMINI = str(ROOT / ".venv" / "bin" / "awsmini")
SETTLE = 0.25
CPR_QUERY = b"\x1b[6n"
TOOLBAR_END = b"Hide/Show Output"
MENU_ENTRY = b"accessanalyzer"
EC2_MENU_ENTRY = b"accept-address-transfer"
KEYS = ["e", "c", "2", " "] + list("describe-inst")


class Terminal:
    """A program on a pty; `read_until_still()` answers CPR queries while reading."""

    def __init__(self, argv: list[str], env: dict, columns: int = 100, rows: int = 40) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.output = b""

    def read_until(self, marker: bytes, timeout: float = 20) -> float:
        """Read until `marker` has appeared; the time (since start) of the chunk holding it."""
        deadline = time.perf_counter() + timeout
        while marker not in self.output:
            if self._read(deadline - time.perf_counter()) is None:
                raise TimeoutError(marker)
        return self.last_chunk

    def read_until_still(self, timeout: float = 20, need_output: bool = False) -> float:
        """Read until no output comes for SETTLE s (after at least one chunk if
        `need_output`); the time of the last chunk."""
        deadline = time.perf_counter() + timeout
        if need_output and self._read(timeout) is None:
            raise TimeoutError("no output")
        while time.perf_counter() < deadline:
            if self._read(SETTLE) is None:
                return self.last_chunk
        raise TimeoutError("the screen never became still")

    def _read(self, wait: float):
        ready, _, _ = select.select([self.master], [], [], max(wait, 0))
        if not ready:
            return None
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return None
        self.last_chunk = time.perf_counter() - self.started
        if CPR_QUERY in chunk:
            os.write(self.master, b"\x1b[1;1R")
        self.output += chunk
        return chunk

    def cpu(self) -> float:
        """CPU seconds (user + system) the program has used so far, from /proc."""
        try:
            with open("/proc/%d/stat" % self.proc.pid) as fp:
                fields = fp.read().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def send(self, keys: str) -> float:
        os.write(self.master, keys.encode())
        return time.perf_counter() - self.started

    def close(self) -> None:
        try:
            os.write(self.master, b"\x03")
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def one_run(program: str, env: dict) -> dict:
    terminal = Terminal([program, "--cli-auto-prompt"], env)
    try:
        first = terminal.read_until(TOOLBAR_END)
        first_cpu = terminal.cpu()
        terminal.read_until(MENU_ENTRY)
        menu = terminal.read_until_still()
        menu_cpu = terminal.cpu()
        latencies, key_cpu = [], []
        for key in KEYS:
            before = terminal.cpu()
            sent = terminal.send(key)
            if key == " ":
                terminal.read_until(EC2_MENU_ENTRY)
            latencies.append(terminal.read_until_still(need_output=key != " ") - sent)
            key_cpu.append(terminal.cpu() - before)
    finally:
        terminal.close()
    return {"first": first, "menu": menu, "keys": latencies, "first_cpu": first_cpu,
            "menu_cpu": menu_cpu, "key_cpu": key_cpu}


def bench_prompt(program: str = AWSMINI, runs: int = 7, env: dict | None = None,
                 quiet: bool = False) -> dict:
    """Median first-screen, menu and keystroke times in milliseconds; prints a summary."""
    env = dict(os.environ if env is None else env, TERM="xterm-256color")
    env.pop("AWS_CLI_AUTO_PROMPT", None)
    one_run(program, env)  # warm-up: fills the model caches
    results = [one_run(program, env) for _ in range(max(runs, 1))]
    keys = [k for r in results for k in r["keys"]]
    summary = {
        "first_screen_ms": 1000 * statistics.median(r["first"] for r in results),
        "menu_ms": 1000 * statistics.median(r["menu"] for r in results),
        "keystroke_ms": 1000 * statistics.median(keys),
        "keystroke_max_ms": 1000 * max(keys),
        "first_ec2_space_ms": 1000 * statistics.median(r["keys"][3] for r in results),
        "first_screen_cpu_ms": 1000 * statistics.median(r["first_cpu"] for r in results),
        "menu_cpu_ms": 1000 * statistics.median(r["menu_cpu"] for r in results),
        "keystroke_cpu_ms": 1000 * statistics.median(k for r in results for k in r["key_cpu"]),
        "keystroke_cpu_max_ms": 1000 * max(k for r in results for k in r["key_cpu"]),
    }
    if not quiet:
        print("prompt (%d runs): first screen %.0f ms, service menu %.0f ms, keystroke on ec2 "
              "median %.1f ms / worst %.1f ms (`ec2 ` -> 830 operations: %.1f ms)" % (
                  len(results), summary["first_screen_ms"], summary["menu_ms"],
                  summary["keystroke_ms"], summary["keystroke_max_ms"],
                  summary["first_ec2_space_ms"]))
        print("  CPU used by the program (load-independent; clock ticks of %.0f ms): first "
              "screen %.0f ms, menu %.0f ms, keystroke median %.0f ms / worst %.0f ms" % (
                  1000 / os.sysconf("SC_CLK_TCK"), summary["first_screen_cpu_ms"],
                  summary["menu_cpu_ms"], summary["keystroke_cpu_ms"],
                  summary["keystroke_cpu_max_ms"]))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--program", default=AWSMINI)
    args = parser.parse_args()
    bench_prompt(args.program, args.runs)


if __name__ == "__main__":
    main()
