"""The long fuzz run: `python -m tests.fuzz.run --examples N` (scripts/fuzz).

Draws N command lines, runs each in-process (and every SUBPROCESS_EVERY-th also as a
subprocess, for time and memory), and prints the counts of examples and of each
broken invariant, then the first few failing examples. Exits 1 if any broke.
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzz.harness import Harness, describe, problems
from tests.fuzz.strategies import command_lines

SUBPROCESS_EVERY = 200
LABELS = [("traceback", "tracebacks"), ("exit", "bad exit codes"), ("slow", "slow runs"),
          ("large", "large runs"), ("sent", "invalid-but-sent")]


def fuzz(harness: Harness, examples: int, seed: int | None = None,
         subprocess_every: int = SUBPROCESS_EVERY) -> tuple[collections.Counter, list]:
    """Run `examples` examples; the counts and (up to 20) descriptions of failures."""
    counts: collections.Counter = collections.Counter()
    failures: list = []

    @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=seed is None)
    @given(command_lines())
    def one(words):
        counts["examples"] += 1
        outcomes = [harness.run_inprocess(words)]
        if subprocess_every and counts["examples"] % subprocess_every == 0:
            measured = harness.run_subprocess(words)
            if measured is not None:
                outcomes.append(measured)
                counts["subprocess examples"] += 1
        counts["exit %d" % outcomes[0].exit_code] += 1
        counts["reached"] += bool(outcomes[0].sent)
        for outcome in outcomes:
            for name in problems(outcome):
                counts[name] += 1
                if len(failures) < 20:
                    failures.append("%s: %s" % (name, describe(outcome)))

    if seed is not None:
        from hypothesis import seed as with_seed

        one = with_seed(seed)(one)
    one()
    return counts, failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/fuzz")
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--subprocess-every", type=int, default=SUBPROCESS_EVERY)
    args = parser.parse_args(argv)
    if args.seed is None:
        import random

        args.seed = random.randrange(2 ** 32)
    print("seed: %d" % args.seed, flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="awsmini-fuzz-") as root:
        harness = Harness(Path(root))
        try:
            counts, failures = fuzz(harness, args.examples, args.seed, args.subprocess_every)
        finally:
            harness.close()
    for failure in failures:
        print(failure, end="\n\n")
    print("examples: %d (%d also as subprocesses) in %.0f s" % (
        counts["examples"], counts["subprocess examples"], time.monotonic() - started))
    print("exit codes: %s; reached the server: %d" % (", ".join(
        "%s: %d" % (key[5:], counts[key]) for key in sorted(counts) if key.startswith("exit ")),
        counts["reached"]))
    for name, label in LABELS:
        print("%s: %d" % (label, counts[name]))
    return 1 if any(counts[name] for name, _ in LABELS) else 0


if __name__ == "__main__":
    sys.exit(main())
