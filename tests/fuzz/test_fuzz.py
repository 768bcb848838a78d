"""The quick fuzz profile: hostile command lines against a capture server (tests/fuzz).

A fixed set of drawn examples (fixed seeds, so a run repeats the last) in-process,
and a small sample as subprocesses for the time and memory limits. `scripts/fuzz`
runs the long profile. Every failure prints its argv: make it a fixed example below
once fixed.
"""
from __future__ import annotations

import pytest

from tests.fuzz.harness import Harness, describe, problems
from tests.fuzz.run import fuzz

pytestmark = pytest.mark.fuzz


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    harness = Harness(tmp_path_factory.mktemp("fuzz"))
    yield harness
    harness.close()


# The quick profile: 1500 examples (6000 with --long) in three shards of fixed seeds,
# which run side by side under pytest-xdist.
SHARDS = (1, 2, 3)


@pytest.mark.parametrize("seed", SHARDS)
def test_hostile_command_lines_keep_the_invariants(harness, seed, long_run):
    examples = 2000 if long_run else 500
    counts, failures = fuzz(harness, examples=examples, seed=seed, subprocess_every=100)
    assert counts["examples"] == examples
    assert not failures, "\n\n".join(failures)


# Examples the fuzzer found, kept as fixed cases (with the outcome v2 has).
FOUND = [
    # an outfile in a missing directory: v2's message names the path as given
    (["lambda", "invoke", "--function-name", "f", "missing/out.json"], 255,
     "[Errno 2] No such file or directory: 'missing/out.json'"),
    (["lambda", "invoke", "--function-name", "f", "dir"], 255,
     "[Errno 21] Is a directory: 'dir'"),
    # a hand-written command's file:// value that cannot be read: v2's parameter error
    (["s3", "cp", "new.txt", "s3://abc/x", "--content-type", "file://"], 252,
     "Error parsing parameter '--content-type': Unable to load paramfile file://: [Errno 2] "
     "No such file or directory: ''"),
    # an endpoint URL that does not parse: v2's general error, before anything else
    (["ec2", "run-instances", "--image-id", "abc", "--endpoint-url", "http://[::1", "--"], 255,
     "Invalid IPv6 URL"),
    # JSON deeper than the recursion limit: v2's general error (20,000 levels, which every
    # supported Python's decoder refuses; 3.13's takes 5,000, where v2's interpreter does not)
    (["iot", "create-job", "--job-id", "j", "--targets", "file://deep.json"], 255,
     "maximum recursion depth exceeded while decoding a JSON array"),
    (["iot", "create-job", "--job-id", "j", "--targets", "a", "--abort-config",
      '{"a":' * 20000 + "1" + "}" * 20000], 255,
     "maximum recursion depth exceeded while decoding a JSON object"),
    (["iot", "create-job", "--job-id", "j", "--targets", "a", "--cli-input-yaml",
      "file://bomb.yaml"], 252, ""),
    (["dynamodb", "put-item", "--table-name", "t", "--item", "fileb://fifo"], 255,
     "'in <string>' requires string as left operand, not int"),
    (["configure", "set", "=[,': b,@{", "v"], 0, ""),
    # a fileb:// count is bytes, which v2's catch-all reports as a bad count
    (["ec2", "run-instances", "--image-id", "abc", "--count", "fileb://good.json"], 252,
     "count parameter should be of form min[:max] (e.g. 1 or 1:10)"),
    # 4 MB read into a list of strings item by item (v2 iterates a file's contents so),
    # within the time limit; the next argument's error ends the run
    (["iot", "create-job", "--job-id", "j", "--targets", "fileb://huge.json",
      "--abort-config", "fileb://link-to-dir"], 252,
     "Unable to load paramfile fileb://link-to-dir: [Errno 21] Is a directory"),
]


@pytest.mark.parametrize("words, code, message", FOUND)
def test_found_examples(harness, words, code, message):
    outcome = harness.run_inprocess(words)
    assert not problems(outcome), describe(outcome)
    assert outcome.exit_code == code, describe(outcome)
    assert message in outcome.stderr


def test_a_subprocess_run_is_measured(harness):
    outcome = harness.run_subprocess(["iot", "cancel-job-execution", "--job-id", "j",
                                      "--thing-name", "t"])
    assert (outcome.exit_code, outcome.sent) == (0, 1), describe(outcome)
    assert 10 * 2 ** 20 < outcome.peak_bytes < 200 * 2 ** 20


def test_a_word_no_argv_can_hold_is_not_run_as_a_process(harness):
    assert harness.run_subprocess(["iot", "list-things", "--query", "x" * 200_000]) is None
