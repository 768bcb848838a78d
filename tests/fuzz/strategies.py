"""Hypothesis strategies for hostile command lines: `command_lines()` draws one argv.

An argv is an operation from OPERATIONS (or `s3 cp`, `configure set`) with options
drawn from the operation's table, each given a value that is often valid and often
not: malformed shorthand and JSON, YAML with aliases, tags, deep nesting and huge
scalars, file references to the paths `make_files` lays out (missing, a directory,
a FIFO, symlinks, invalid UTF-8), numbers and timestamps out of range, invalid UTF-8
as a POSIX argv gives it (surrogate-escaped bytes), repeated and unknown options and
bad global options. Values are strings, as an argv holds them.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

from hypothesis import strategies as st

# Kinds of values: str, int, bool (a flag pair), ts, struct, list, map, blob, enum:<a|b>.
OPERATIONS: dict[tuple[str, ...], dict[str, str]] = {
    ("iot", "cancel-job-execution"): {
        "--job-id": "str", "--thing-name": "str", "--force": "bool",
        "--expected-version": "int", "--status-details": "map"},
    ("iot", "create-job"): {
        "--job-id": "str", "--targets": "list", "--document": "str",
        "--document-source": "str", "--description": "str",
        "--presigned-url-config": "struct", "--target-selection": "enum:CONTINUOUS|SNAPSHOT",
        "--job-executions-rollout-config": "struct", "--abort-config": "struct",
        "--timeout-config": "struct", "--tags": "list", "--document-parameters": "map",
        "--scheduling-config": "struct", "--destination-package-versions": "list"},
    ("ec2", "run-instances"): {
        "--image-id": "str", "--instance-type": "str", "--count": "str",
        "--min-count": "int", "--max-count": "int", "--block-device-mappings": "list",
        "--tag-specifications": "list", "--user-data": "str", "--dry-run": "bool",
        "--security-group-ids": "list", "--placement": "struct"},
    ("dynamodb", "put-item"): {
        "--table-name": "str", "--item": "map", "--expected": "map",
        "--condition-expression": "str", "--expression-attribute-values": "map",
        "--return-values": "enum:NONE|ALL_OLD"},
    ("s3api", "put-object"): {
        "--bucket": "str", "--key": "str", "--body": "path", "--metadata": "map",
        "--expires": "ts", "--content-length": "int", "--tagging": "str",
        "--object-lock-retain-until-date": "ts", "--bucket-key-enabled": "bool",
        "--acl": "enum:private|public-read"},
    ("sqs", "send-message"): {
        "--queue-url": "str", "--message-body": "str", "--delay-seconds": "int",
        "--message-attributes": "map", "--message-system-attributes": "map"},
    ("lambda", "invoke"): {
        "--function-name": "str", "--payload": "blob", "--qualifier": "str",
        "--invocation-type": "enum:Event|RequestResponse|DryRun", "--client-context": "str",
        "--log-type": "enum:None|Tail"},
}

# The required arguments, given valid values most of the time so the run gets further.
REQUIRED = {
    ("iot", "cancel-job-execution"): ["--job-id", "--thing-name"],
    ("iot", "create-job"): ["--job-id", "--targets"],
    ("ec2", "run-instances"): ["--image-id"],
    ("dynamodb", "put-item"): ["--table-name", "--item"],
    ("s3api", "put-object"): ["--bucket", "--key"],
    ("sqs", "send-message"): ["--queue-url", "--message-body"],
    ("lambda", "invoke"): ["--function-name"],
}
VALID = {"str": "abc", "list": "a b", "map": '{"k": {"S": "v"}}', "int": "1",
         "ts": "2030-01-01T00:00:00Z", "blob": '{"x":1}', "struct": "{}", "path": "body.txt"}

# Laid out in the working directory by make_files.
FILES = ["missing.json", "dir", "fifo", "dangling", "loop", "link-to-dir", "unreadable.json",
         "bad-utf8.txt", "bomb.yaml", "deep.json", "huge.json", "body.txt", "good.json",
         "tags.yaml", "~/nothing/here", "$HOME/good.json", "${NOPE}/x"]

_SURROGATES = ["\udcff", "\udc80", "\udcc3(", "a\udce9b"]
_PUNCT = list(",=[]{}\"'\\ @:.\n\t") + ["@=", "=[", "]]", "{{", "\\\\"]

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",),
                                exclude_characters="\x00"), max_size=20)
hostile_text = st.one_of(
    text,
    st.lists(st.sampled_from(_PUNCT + ["a", "b", "k", "1"]), max_size=25).map("".join),
    st.sampled_from(_SURROGATES),
    st.builds(lambda s, t: s + t, text, st.sampled_from(_SURROGATES)),
    st.sampled_from(["", " ", "-", "--", "---x", "--=", "=", "-1", "help"]),
    st.integers(1, 200_000).map(lambda n: "x" * n),
)

_NUMBERS = ["0", "-1", "1.5", "1e3", "1e999", "nan", "inf", "-inf", "0x10", "9" * 30,
            "-" + "9" * 30, str(2 ** 63), str(2 ** 31), "1_000", " 1", "١٢", ""]
numbers = st.one_of(st.sampled_from(_NUMBERS), st.integers().map(str),
                    st.floats(allow_nan=True).map(repr))

_TIMESTAMPS = ["0", "-1", "1e20", "9" * 25, "2030-13-01", "2030-02-30T00:00:00Z",
               "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "0000-01-01", "10000-01-01",
               "2030-01-01T25:00:00", "2030-01-01T00:00:00+99:00", "now", "yesterday",
               "1700000000.123456789", "Tue, 29 Apr 2031 18:30:38 GMT", "-62135596801"]
timestamps = st.one_of(st.sampled_from(_TIMESTAMPS), st.integers().map(str), hostile_text)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


def _truncate(document: str, cut: int) -> str:
    return document[: max(0, len(document) - cut)]


json_text = st.one_of(
    json_values.map(json.dumps),
    st.builds(_truncate, json_values.map(json.dumps), st.integers(1, 5)),
    st.integers(1, 100_000).map(lambda n: "[" * n + "]" * (n if n % 2 else 0)),
    st.integers(1, 100_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.sampled_from(['{"a": NaN}', '{"a": Infinity}', '{"a": 1e99999}', '{"a": 1, "a": 2}',
                     '{"a": "\\ud800"}', "[1,]", "{,}", '{"S": 1}', '{"k": {"S": null}}',
                     '{"k": {"N": "1e999"}}', '{"k": {"B": "!!!"}}', '{"k": {"NS": []}}',
                     '{"k": {"M": {"a": {"L": [{"BOOL": "x"}]}}}}', "9" * 5000]),
)

_YAML = ["&a [*a]", "a: &a\n  b: *a\n", "!!python/object/apply:os.system ['echo hi']",
         "!!binary AAAA", "!custom x", "? [a]\n: b", "a: 1\na: 2\n", "--- a\n--- b\n",
         "a: !!int x", "a: !!float y", "a: 2001-12-14t21:59:43.10-05:00", "[" * 5000,
         "a: *missing", "%YAML 9.9\n---\na: 1", "a: 0o17\nb: 017\nc: 0x1F\nd: .inf",
         "JobId: " + "x" * 300_000, "\t- a", "a: |\n  x\n b", "<<: [*a]"]


def _laughs(levels: int, width: int) -> str:
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels):
        refs = ", ".join(["*a%d" % (level - 1)] * width)
        lines.append("a%d: &a%d [%s]" % (level, level, refs))
    return "\n".join(lines) + "\n"


yaml_text = st.one_of(
    st.sampled_from(_YAML),
    st.builds(_laughs, st.integers(2, 12), st.integers(2, 12)),
    st.integers(1, 50_000).map(lambda n: "a:\n" + "".join(" " * i + "- \n" for i in range(n % 300))
                               + "- " * n + "x"),
    json_values.map(json.dumps),
    hostile_text,
)

shorthand = st.one_of(
    st.lists(st.tuples(st.sampled_from(["a", "Key", "Value", "roleArn", "expiresInSec", "k",
                                        "a.b", "", " "]),
                       st.sampled_from(["=", "@=", "", "=="]),
                       st.one_of(hostile_text, st.sampled_from(["[a,b]", "{x=1}", "[]", "{}"]))),
             max_size=5).map(lambda items: ",".join(k + s + v for k, s, v in items)),
    st.lists(st.sampled_from(_PUNCT + ["a", "k=v", "Key=a", "[", "{"]), max_size=30)
    .map("".join),
)

file_refs = st.builds(lambda prefix, name: prefix + name,
                      st.sampled_from(["file://", "fileb://"]), st.sampled_from(FILES))


def value_for(kind: str) -> st.SearchStrategy[str]:
    """Values for an option of `kind`: valid ones, hostile ones and file references."""
    if kind.startswith("enum:"):
        specific = st.sampled_from(kind[5:].split("|"))
    else:
        specific = {"str": hostile_text, "int": numbers, "ts": timestamps, "path": st.one_of(
            st.sampled_from(FILES), hostile_text), "blob": st.one_of(json_text, hostile_text),
        }.get(kind, st.one_of(shorthand, json_text))
    return st.one_of(st.just(VALID.get(kind, "a")), specific, specific, file_refs, hostile_text)


_GLOBAL_VALUES = {
    "--output": st.one_of(st.sampled_from(["json", "text", "table", "yaml", "yaml-stream",
                                           "xml", "", "JSON"]), hostile_text),
    "--query": st.one_of(st.sampled_from(["a", "a.b[0]", "[", "a[?b==`1`]", "`", "@", "*",
                                          "a | b", "foo(", "length(@)", "[*].x", "a[-1:]",
                                          "{a: b}", "to_number('x')", "sort_by(@, &a)",
                                          "abs('x')", "a[::0]"]), hostile_text),
    "--region": st.one_of(st.sampled_from(["us-east-1", "", "nowhere-1", "us east 1",
                                           "../x", "a" * 300, "US-EAST-1"]), hostile_text),
    "--endpoint-url": st.one_of(st.sampled_from(["", "localhost", "http://", "http://[::1",
                                                 "ftp://x", "http://a:99999", "http:///x",
                                                 "http://127.0.0.1:1"]), hostile_text),
    "--profile": st.one_of(st.just("missing"), hostile_text),
    "--cli-read-timeout": numbers, "--cli-connect-timeout": numbers,
    "--color": st.sampled_from(["on", "off", "auto", "purple"]),
    "--cli-binary-format": st.sampled_from(["base64", "raw-in-base64-out", "hex"]),
    "--ca-bundle": st.sampled_from(FILES),
    "--cli-input-json": st.one_of(json_text, file_refs),
    "--cli-input-yaml": st.one_of(yaml_text, file_refs),
    "--generate-cli-skeleton": st.sampled_from(["input", "yaml-input", "output", "bogus"]),
    "--page-size": numbers, "--max-items": numbers, "--starting-token": hostile_text,
}
_FLAGS = ["--debug", "--no-paginate", "--no-sign-request", "--no-verify-ssl", "--no-cli-pager",
          "--version", "--bogus", "-x", "--", "help"]


@st.composite
def _extra_words(draw) -> list[str]:
    words: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            name = draw(st.sampled_from(sorted(_GLOBAL_VALUES)))
            value = draw(_GLOBAL_VALUES[name])
            words += ([name + "=" + value] if draw(st.integers(0, 5)) == 0 else [name, value])
        else:
            words.append(draw(st.sampled_from(_FLAGS)))
    return words


@st.composite
def operation_lines(draw) -> list[str]:
    """One of OPERATIONS with its required arguments (mostly valid) and some others."""
    operation = draw(st.sampled_from(sorted(OPERATIONS)))
    table = OPERATIONS[operation]
    argv = list(operation)
    for name in REQUIRED[operation]:
        if draw(st.integers(0, 9)) == 0:
            continue  # a required argument missing
        argv += [name, draw(value_for(table[name])) if draw(st.booleans())
                 else VALID.get(table[name], "a")]
    for name in draw(st.lists(st.sampled_from(sorted(table)), max_size=4)):  # repeats too
        kind = table[name]
        if kind == "bool":
            argv.append(draw(st.sampled_from([name, "--no-" + name[2:], name + "=x"])))
        else:
            argv += [name, draw(value_for(kind))]
    if operation == ("lambda", "invoke") and draw(st.integers(0, 4)):
        argv.append(draw(st.sampled_from(["out.json", "dir", "missing/out.json", "fifo-out"])))
    return argv + draw(_extra_words())


@st.composite
def s3_cp_lines(draw) -> list[str]:
    locals_ = st.sampled_from(["body.txt", "dir", "missing.json", "dangling", "-", "loop",
                               "link-to-dir", "new.txt", "dir/", "bad-utf8.txt"])
    remotes = st.one_of(st.sampled_from(["s3://b/k", "s3://b/", "s3://b", "s3://", "s3:///k",
                                         "s3://b/a/../k", "s3://arn:aws:s3:::x/k"]),
                        hostile_text.map(lambda t: "s3://b/" + t))
    source, target = draw(st.sampled_from([(locals_, remotes), (remotes, locals_),
                                           (remotes, remotes), (locals_, locals_)]))
    argv = ["s3", "cp", draw(source), draw(target)]
    options = {"--recursive": None, "--exclude": hostile_text, "--include": hostile_text,
               "--expires": timestamps, "--metadata": st.one_of(shorthand, json_text),
               "--content-type": hostile_text, "--acl": hostile_text, "--dryrun": None,
               "--sse": st.sampled_from(["AES256", "aws:kms", "x"]), "--quiet": None,
               "--storage-class": hostile_text, "--expected-size": numbers}
    for name in draw(st.lists(st.sampled_from(sorted(options)), max_size=3)):
        argv += [name] if options[name] is None else [name, draw(options[name])]
    return argv + draw(_extra_words())


@st.composite
def configure_set_lines(draw) -> list[str]:
    name = draw(st.one_of(st.sampled_from(["region", "output", "s3.max_concurrency",
                                           "profile.x.region", "default.region", "a.b.c.d",
                                           "aws_secret_access_key", "[x]", ""]), hostile_text))
    value = draw(st.one_of(st.sampled_from(["us-east-1", "", "a\nb", "[default]", "x = y"]),
                           hostile_text))
    return ["configure", "set", name, value] + draw(_extra_words())


def command_lines() -> st.SearchStrategy[list[str]]:
    """A whole hostile argv (the endpoint option is added by the harness)."""
    return st.one_of(operation_lines(), operation_lines(), operation_lines(), s3_cp_lines(),
                     configure_set_lines())


def make_files(root: Path) -> None:
    """Lay out the files FILES names in `root` (the working directory of the runs), or
    put back those a run replaced or changed."""
    if not (root / "dir").is_dir() or (root / "dir").is_symlink():
        _clear(root / "dir")
        (root / "dir").mkdir()
    for name, data in _CONTENTS.items():
        path = root / name
        if path.is_symlink() or not path.is_file() or path.stat().st_size != len(data):
            _clear(path)
            path.write_bytes(data)
    os.chmod(root / "unreadable.json", 0)
    for name, target in [("dangling", "missing.json"), ("loop", "loop"),
                         ("link-to-dir", "dir")]:
        if not (root / name).is_symlink() or os.readlink(root / name) != target:
            _clear(root / name)
            os.symlink(target, root / name)
    for name in ("fifo", "fifo-out"):
        if not os.path.lexists(root / name) or not stat.S_ISFIFO(os.lstat(root / name).st_mode):
            _clear(root / name)
            os.mkfifo(root / name)
    _clear(root / "missing.json")


def _clear(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)


_CONTENTS = {"bad-utf8.txt": b"ok \xff\xfe \xc3\x28", "body.txt": b"hello",
             "good.json": b'{"a": 1}', "bomb.yaml": _laughs(12, 12).encode(),
             "deep.json": b"[" * 200_000 + b"]" * 200_000,
             # 4 MB: as a URL's part, urllib3 spends seconds re-encoding it (not awsmini),
             # and 8 MB went over the time limit on Python 3.9
             "huge.json": b'"' + b"x" * 4_000_000 + b'"',
             "tags.yaml": b"!!python/name:os.system\n", "unreadable.json": b"{}"}
