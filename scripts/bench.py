"""Benchmark awsmini against `aws` (awscli from PyPI) on the same commands, in one run.

Usage: scripts/bench [--runs N] [--only NAME ...]   (scripts/bench sets up both environments)

Each scenario runs both programs interleaved, N times each (default 7, at least 5), and
prints the median wall time, the median peak RSS of the process, and awsmini's share of
`aws`'s figure. Live scenarios talk to a moto_server (or, for the large-response scenarios,
a small canned-response server) on a free loopback port. Nothing here asserts; it measures.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AWSMINI = str(ROOT / ".venv" / "bin" / "awsmini")
AWS = str(ROOT / ".bench" / "venv" / "bin" / "aws")
AWSMINI_COMPLETER = str(ROOT / ".venv" / "bin" / "awsmini_completer")
AWS_COMPLETER = str(ROOT / ".bench" / "venv" / "bin" / "aws_completer")
# The lines a Tab completes, as bash hands them over (COMP_LINE; the cursor at the end).
COMPLETER_LINES = ("aws ec2 desc", "aws s3 ", "aws iot cancel-job-execution --")
MOTO = str(ROOT / ".venv" / "bin" / "moto_server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure(argv: list[str], env: dict, cwd: str) -> tuple[float, int, int, bytes]:
    """(seconds, peak RSS in KiB, exit code, stdout) of one run."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode, out


def compare(name: str, words: list[str], env: dict, cwd: str, runs: int,
            check_bytes: bool = False) -> dict:
    """Run awsmini and aws interleaved; print and return medians."""
    samples = {"awsmini": [], "aws": []}
    outputs = {}
    for _ in range(runs):
        for label, program in (("awsmini", AWSMINI), ("aws", AWS)):
            seconds, rss, code, out = measure([program] + words, env, cwd)
            samples[label].append((seconds, rss, code))
            outputs[label] = out
    row = {"name": name}
    for label, values in samples.items():
        row[label] = (statistics.median(v[0] for v in values),
                      statistics.median(v[1] for v in values), values[-1][2])
    mini, aws = row["awsmini"], row["aws"]
    same = ""
    if check_bytes:
        same = "  bytes equal" if outputs["awsmini"] == outputs["aws"] else "  BYTES DIFFER"
    print("%-38s awsmini %7.1f ms %7.1f MiB rc %3d | aws %7.1f ms %7.1f MiB rc %3d | "
          "time %5.1f%%  mem %5.1f%%%s" % (
              name, mini[0] * 1000, mini[1] / 1024, mini[2], aws[0] * 1000, aws[1] / 1024,
              aws[2], 100 * mini[0] / aws[0], 100 * mini[1] / aws[1], same), flush=True)
    return row


def compare_completers(line: str, env: dict, cwd: str, runs: int) -> dict:
    """`awsmini_completer` against `aws_completer` on one line (COMP_LINE, COMP_POINT)."""
    samples = {"awsmini": [], "aws": []}
    lines = {}
    line_env = dict(env, COMP_LINE=line, COMP_POINT=str(len(line)))
    for _ in range(runs):
        for label, program in (("awsmini", AWSMINI_COMPLETER), ("aws", AWS_COMPLETER)):
            seconds, rss, code, out = measure([program], line_env, cwd)
            samples[label].append((seconds, rss, code))
            lines[label] = len(out.splitlines())
    mini, aws = ([statistics.median(v[0] for v in samples[k]),
                  statistics.median(v[1] for v in samples[k])] for k in ("awsmini", "aws"))
    print("%-38s awsmini %7.1f ms %7.1f MiB %4d lines | aws %7.1f ms %7.1f MiB %4d lines | "
          "time %5.1f%%  mem %5.1f%%" % (
              "complete %r" % line, mini[0] * 1000, mini[1] / 1024, lines["awsmini"],
              aws[0] * 1000, aws[1] / 1024, lines["aws"], 100 * mini[0] / aws[0],
              100 * mini[1] / aws[1]), flush=True)
    return {"name": line, "awsmini": mini, "aws": aws}


def base_env(home: str, **extra: str) -> dict:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8",
           "AWS_ACCESS_KEY_ID": "AKIDBENCH", "AWS_SECRET_ACCESS_KEY": "bench",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "1",
           "AWS_EC2_METADATA_DISABLED": "true"}
    env.update(extra)
    return env


class MotoServer:
    def __enter__(self) -> str:
        port = free_port()
        self.proc = subprocess.Popen([MOTO, "-H", "127.0.0.1", "-p", str(port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = "http://127.0.0.1:%d" % port
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).close()
                return self.url
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("moto_server did not start")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait()


def canned_server(body: bytes) -> tuple[ThreadingHTTPServer, str]:
    """A loopback server answering every request with `body` as rest-json."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]


def things_page(count: int) -> bytes:
    things = [{"thingName": "thing-%05d" % i, "thingTypeName": "Lamp", "version": i,
               "thingArn": "arn:aws:iot:us-east-1:123456789012:thing/thing-%05d" % i,
               "attributes": {"room": "room-%d" % (i % 50), "watts": str(i % 100)}}
              for i in range(count)]
    return json.dumps({"things": things}).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    runs = max(5, args.runs)
    wanted = lambda name: not args.only or any(w in name for w in args.only)  # noqa: E731
    home = tempfile.mkdtemp(prefix="awsmini-bench-")
    env = base_env(home)
    print("runs per program: %d (medians; awsmini's share of aws's figure)" % runs)
    print("aws: %s" % subprocess.run([AWS, "--version"], capture_output=True, text=True,
                                    env=env).stdout.strip() or "?")
    # Warm the model cache once, as any second use of a command would find it.
    for words in (["iot", "cancel-job-execution", "--generate-cli-skeleton"],
                  ["ec2", "run-instances", "--generate-cli-skeleton"],
                  ["iot", "describe-job-execution", "--generate-cli-skeleton"]):
        subprocess.run([AWSMINI] + words, env=env, cwd=home, capture_output=True)

    offline = [
        ("usage error (missing required)", ["iot", "cancel-job-execution"]),
        ("skeleton iot cancel-job-execution", ["iot", "cancel-job-execution",
                                               "--generate-cli-skeleton"]),
        ("skeleton ec2 run-instances", ["ec2", "run-instances", "--generate-cli-skeleton"]),
    ]
    for name, words in offline:
        if wanted(name):
            compare(name, words, env, home, runs, check_bytes=name.startswith("skeleton"))

    if wanted("complete") and os.path.exists(AWS_COMPLETER):
        for line in COMPLETER_LINES:  # the first run fills the prompt's caches, as a first Tab
            subprocess.run([AWSMINI_COMPLETER], env=dict(env, COMP_LINE=line), cwd=home,
                           capture_output=True)
            compare_completers(line, env, home, runs)

    # What set-up scripts run first, all answered without a request (signed locally).
    os.makedirs(os.path.join(home, ".aws"), exist_ok=True)
    with open(os.path.join(home, ".aws", "config"), "w") as config:
        config.write("[default]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 20\n")
    helpers = [
        ("configure get region", ["configure", "get", "region"], True),
        ("configure get s3.max_concurrent_requests",
         ["configure", "get", "s3.max_concurrent_requests"], True),
        ("eks get-token", ["eks", "get-token", "--cluster-name", "demo"], False),
        ("rds generate-db-auth-token", ["rds", "generate-db-auth-token", "--hostname",
                                        "db.example.com", "--port", "5432", "--username",
                                        "admin"], False),
    ]
    for name, words, same_bytes in helpers:
        if wanted(name):
            compare(name, words, env, home, runs, check_bytes=same_bytes)

    if wanted("live describe-job-execution"):
        with MotoServer() as endpoint:
            live = dict(env, AWS_ENDPOINT_URL=endpoint)
            arn = json.loads(subprocess.run(
                [AWSMINI, "iot", "create-thing", "--thing-name", "MyRPi"], env=live, cwd=home,
                capture_output=True, text=True).stdout)["thingArn"]
            subprocess.run([AWSMINI, "iot", "create-job", "--job-id", "example-job-03",
                            "--targets", arn, "--document", "{}"], env=live, cwd=home,
                           capture_output=True)
            compare("live describe-job-execution", [
                "iot", "describe-job-execution", "--job-id", "example-job-03",
                "--thing-name", "MyRPi", "--endpoint-url", endpoint], env, home, runs)

    formats = ["json", "text", "table", "yaml"]
    if any(wanted("large list-things " + f) for f in formats):
        server, endpoint = canned_server(things_page(20000))
        try:
            for fmt in formats:
                name = "large list-things " + fmt
                if wanted(name):
                    compare(name, ["iot", "list-things", "--endpoint-url", endpoint,
                                   "--output", fmt], env, home, runs, check_bytes=True)
        finally:
            server.shutdown()
    shutil.rmtree(home, ignore_errors=True)
    prompt_bench = ROOT / "scripts" / "bench_prompt.py"
    if prompt_bench.exists() and wanted("prompt"):
        subprocess.run([sys.executable, str(prompt_bench)], check=False)
    if wanted("s3 "):
        subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_s3.py"), "--runs",
                        str(args.runs), "--only", *(args.only or ["s3 "])], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
