"""The pure parts of the s3 transfer commands: settings, request parameters, what sync
compares, filters, destinations and the result lines, without a server."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest

from awsmini.commands.s3 import config, params, sync
from awsmini.commands.s3.files import FileStat, Filter, destination, format_paths
from awsmini.commands.s3.results import Event, Results
from awsmini.errors import OtherError, ParamValidationError

# ------------------------------------------------------------------ settings


@pytest.mark.parametrize("text, size", [
    ("1048576", 1048576), ("10MB", 10 * 1024 ** 2), ("8MiB", 8 * 1024 ** 2),
    ("1kb", 1024), ("2GB", 2 * 1024 ** 3), ("1TiB", 1024 ** 4), ("7", 7)])
def test_parse_size(text, size):
    assert config.parse_size(text) == size


@pytest.mark.parametrize("text, message", [
    ("10XB", "Invalid size value: 10xb"), ("ten", "Invalid size value: ten"),
    ("", "Invalid size value: "),
    ("1.5MB", "invalid literal for int() with base 10: '1.5'"),
    ("MB", "invalid literal for int() with base 10: ''")])
def test_parse_size_refuses_what_is_not_a_size_in_v2s_words(text, message):
    with pytest.raises(OtherError) as error:
        config.parse_size(text)
    assert str(error.value) == message


@pytest.mark.parametrize("text, rate", [
    ("1048576", 1048576), ("10MB/s", 10 * 1024 ** 2), ("800KB/s", 800 * 1024),
    ("80Mb/s", 10 * 1024 ** 2), ("8b/s", 1)])
def test_parse_rate(text, rate):
    assert config.parse_rate(text) == rate


def test_parse_rate_refuses_with_v2s_explanation():
    with pytest.raises(OtherError, match=r"^Invalid rate: fast\. The value must be expressed"):
        config.parse_rate("fast")


def test_runtime_config_converts_the_profiles_settings_over_the_defaults():
    settings = config.runtime_config({"max_concurrent_requests": "20",
                                      "multipart_chunksize": "16MB",
                                      "max_bandwidth": "1MB/s", "unknown_key": "x"})
    assert settings["max_concurrent_requests"] == 20
    assert settings["multipart_chunksize"] == 16 * 1024 ** 2
    assert settings["max_bandwidth"] == 1024 ** 2
    assert "unknown_key" not in settings
    assert config.runtime_config(None)["max_concurrent_requests"] == 10


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_runtime_config_wants_positive_integers(value):
    with pytest.raises(OtherError, match="Value for max_queue_size must be a positive "
                                         "integer: %s" % value):
        config.runtime_config({"max_queue_size": value})


def test_runtime_config_names_the_transfer_clients_it_knows():
    assert config.runtime_config({"preferred_transfer_client": "default"})[
        "preferred_transfer_client"] == "classic"
    with pytest.raises(OtherError, match='Invalid value: "fast" for configuration option: '
                                         '"preferred_transfer_client"'):
        config.runtime_config({"preferred_transfer_client": "fast"})


# ------------------------------------------------------------------ request parameters

def test_put_object_parameters_from_the_options():
    args = {"acl": "private", "content-type": "text/plain", "metadata": {"a": "1"},
            "sse": "aws:kms", "sse-kms-key-id": "k", "grants": ["read=id=abc", "full=id=def"],
            "request-payer": "requester", "no-overwrite": True, "cache-control": None}
    assert params.put_object(args) == {
        "ACL": "private", "ContentType": "text/plain", "Metadata": {"a": "1"},
        "ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "k", "GrantRead": "id=abc",
        "GrantFullControl": "id=def", "RequestPayer": "requester", "IfNoneMatch": "*"}


def test_copy_with_new_metadata_replaces_it_unless_told_otherwise():
    assert params.copy_object({"metadata": {"a": "1"}})["MetadataDirective"] == "REPLACE"
    assert params.copy_object({"metadata": {"a": "1"}, "metadata-directive": "COPY"})[
        "MetadataDirective"] == "COPY"
    assert "MetadataDirective" not in params.copy_object({})


def test_sse_c_keys_go_to_the_call_that_reads_them():
    args = {"sse-c": "AES256", "sse-c-key": b"k" * 32, "sse-c-copy-source": "AES256",
            "sse-c-copy-source-key": b"s" * 32}
    assert params.get_object(args) == {"SSECustomerAlgorithm": "AES256",
                                       "SSECustomerKey": b"k" * 32}
    assert params.head_object(args, copy_source=True) == {
        "SSECustomerAlgorithm": "AES256", "SSECustomerKey": b"s" * 32}
    copy = params.copy_object(args)
    assert copy["CopySourceSSECustomerKey"] == b"s" * 32 and copy["SSECustomerKey"] == b"k" * 32


@pytest.mark.parametrize("grant, message", [
    ("read", "grants should be of the form permission=principal"),
    ("write=id=x", "permission must be one of: read|readacl|writeacl|full")])
def test_malformed_grants(grant, message):
    with pytest.raises(ParamValidationError, match="^%s$" % message.replace("|", r"\|")):
        params.put_object({"grants": [grant]})


# ------------------------------------------------------------------ what sync compares

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def stat(key, size=1, age=0, operation="upload", src_type="local"):
    return FileStat("/s/" + key, "b/" + key, key, src_type, "s3", operation, size,
                    NOW - timedelta(seconds=age))


def test_compare_walks_both_sorted_sides_once():
    sources = [stat("a"), stat("b", size=2), stat("c"), stat("e")]
    dests = [stat("b", size=1), stat("c", age=-5), stat("d")]
    acted = list(sync.compare(iter(sources), iter(dests), sync.changed, delete=True))
    assert [(f.compare_key, f.operation) for f in acted] == [
        ("a", "upload"), ("b", "upload"), ("d", "delete"), ("e", "upload")]


def test_compare_is_lazy_so_a_listing_is_never_held_whole():
    pulled = []

    def listing(side, keys):
        for key in keys:
            pulled.append(side)
            yield stat(key, age=-10 if side == "dest" else 0)

    # a million names at both ends; the first difference is the sixth source name
    sources = listing("src", ("k%07d" % n for n in range(10 ** 6) if n != 6))
    dests = listing("dest", ("k%07d" % n for n in range(10 ** 6) if n != 5))
    acted = sync.compare(sources, dests, sync.changed, delete=True)
    first = next(acted)
    assert (first.compare_key, first.operation) == ("k0000005", "upload")
    assert pulled.count("src") <= 7 and pulled.count("dest") <= 7


@pytest.mark.parametrize("options, decide", [
    ({}, sync.changed), ({"size-only": True}, sync.size_changed),
    ({"exact-timestamps": True}, sync.changed_exactly),
    ({"size-only": True, "exact-timestamps": True}, sync.changed_exactly),
    ({"exact-timestamps": True, "no-overwrite": True}, sync.never)])
def test_the_last_of_the_strategy_options_decides(options, decide):
    assert sync.at_both_ends(options) is decide


def test_times_as_v2_compares_them():
    older, newer = stat("k", age=60), stat("k")
    assert sync.changed(newer, older)       # upload: the local file is newer
    assert not sync.changed(older, newer)
    # download: a local file older than its object is kept, a newer one is replaced (v2's
    # rule: a download sets the file's time to the object's, so a newer file was edited)
    down_new = stat("k", operation="download", src_type="s3")
    down_old = stat("k", age=60, operation="download", src_type="s3")
    assert not sync.changed(down_new, older)
    assert sync.changed(down_old, newer)
    assert sync.changed_exactly(down_new, older)  # --exact-timestamps: equal times only
    assert not sync.changed_exactly(down_new, newer)
    assert not sync.size_changed(down_old, newer)


def test_case_conflicts_skip_warn_and_error(tmp_path):
    warnings = []
    skip = sync.CaseConflicts("skip", warnings.append)
    first = FileStat("b/A.txt", str(tmp_path / "A.txt"), "A.txt", "s3", "local", "download")
    second = FileStat("b/a.txt", str(tmp_path / "a.txt"), "a.txt", "s3", "local", "download")
    assert skip(first) and not skip(second)
    assert warnings[0].startswith("warning: Skipping b/a.txt -> ")
    first.release()  # done: the name no longer holds others back
    assert skip(second)
    with pytest.raises(sync.CaseConflictError, match="only by case"):
        errors = sync.CaseConflicts("error", warnings.append)
        errors(first)
        errors(second)


# ------------------------------------------------------------------ paths and filters

def test_destinations_of_a_directory_and_of_one_file(tmp_path):
    plan = format_paths(str(tmp_path), "s3://b/p", dir_op=True)
    assert destination(plan, str(tmp_path / "sub" / "x.txt")) == ("b/p/sub/x.txt", "sub/x.txt")
    one = format_paths(str(tmp_path / "x.txt"), "s3://b/p/", dir_op=False)
    assert destination(one, str(tmp_path / "x.txt")) == ("b/p/x.txt", "x.txt")
    renamed = format_paths(str(tmp_path / "x.txt"), "s3://b/y.txt", dir_op=False)
    assert destination(renamed, str(tmp_path / "x.txt")) == ("b/y.txt", "x.txt")


def test_filters_apply_in_order_and_the_last_match_decides(tmp_path):
    root = str(tmp_path)
    keep = Filter([("exclude", "*"), ("include", "*.txt"), ("exclude", "secret*")],
                  root, "s3://b/p", dir_op=True)
    names = ["a.txt", "b.png", "secret.txt", os.path.join("sub", "c.txt")]
    files = [FileStat(os.path.join(root, n), "", n, "local", "s3", "upload") for n in names]
    assert [f.compare_key for f in keep(iter(files))] == ["a.txt", os.path.join("sub", "c.txt")]
    assert list(Filter(None, root, "s3://b/p", True)(iter(files))) == files


def test_filters_on_s3_paths_match_from_the_prefix():
    keep = Filter([("exclude", "logs/*")], "s3://b/data/", "/tmp/out", dir_op=True)
    files = [FileStat("b/data/" + k, "", k, "s3", "local", "download")
             for k in ("logs/1.log", "keep.txt", "more/logs/2.log")]
    assert [f.compare_key for f in keep(iter(files))] == ["keep.txt", "more/logs/2.log"]


# ------------------------------------------------------------------ result lines

def run_results(events, **options):
    out, err = [], []
    with Results(out.append, err.append, **options) as results:
        for event in events:
            results.put(event)
    return results, "".join(out), "".join(err)


def test_results_print_v2s_lines_and_count_the_exit_code():
    events = [Event("queued", "upload", "a", "s3://b/a", size=10),
              Event("queued", "upload", "c", "s3://b/c", size=5),
              Event("total", size=2),
              Event("progress", "upload", "a", "s3://b/a", size=10),
              Event("success", "upload", "a", "s3://b/a"),
              Event("failure", "upload", "c", "s3://b/c", message="An error occurred")]
    results, out, err = run_results(events, mode="no-progress")
    assert out == "upload: a to s3://b/a\n"
    assert err == "upload failed: c to s3://b/c An error occurred\n"
    assert results.exit_code == 1


def test_a_warning_alone_is_exit_code_2_and_quiet_prints_nothing():
    events = [Event("warning", message="warning: Skipping file /x. File does not exist."),
              Event("total", size=0)]
    results, out, err = run_results(events, mode="quiet")
    assert (results.exit_code, out, err) == (2, "", "")


def test_progress_line_is_rewritten_in_place_and_covered_by_the_result_line():
    events = [Event("queued", "download", "s3://b/k", "k", size=2048),
              Event("total", size=1),
              Event("progress", "download", "s3://b/k", "k", size=1024, timestamp=0),
              Event("success", "download", "s3://b/k", "k")]
    _, out, _ = run_results(events)
    progress, _, rest = out.partition("\r")
    assert progress.startswith("Completed 1.0 KiB/2.0 KiB (")
    assert progress.endswith("with 1 file(s) remaining")
    assert rest == "download: s3://b/k to k".ljust(len(progress)) + "\n"


def test_after_a_fatal_error_nothing_more_is_printed():
    events = [Event("error", message="An error occurred (NoSuchBucket)"),
              Event("success", "upload", "a", "s3://b/a")]
    results, out, err = run_results(events)
    assert (out, err) == ("", "fatal error: An error occurred (NoSuchBucket)\n")
    assert results.exit_code == 1


class _Body:
    def __init__(self, size: int) -> None:
        self.size = size

    def read(self, amount: int = -1) -> bytes:
        return b""

    def __len__(self) -> int:
        return self.size


@pytest.mark.parametrize("size, expect", [(0, False), (4096, False),
                                          (config.SMALL_BODY - 1, False),
                                          (config.SMALL_BODY, True), (50 * 1024 ** 2, True)])
def test_small_bodies_go_without_waiting_for_100_continue(size, expect):
    params = {"headers": {"Expect": "100-continue"}, "body": _Body(size)}
    config._skip_small_continue(params)
    assert ("Expect" in params["headers"]) is expect


def test_requests_without_the_expect_header_are_left_alone():
    params = {"headers": {"Content-Type": "text/plain"}, "body": b"data"}
    config._skip_small_continue(params)
    assert params["headers"] == {"Content-Type": "text/plain"}
