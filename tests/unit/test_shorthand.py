"""values.shorthand: v2's shorthand grammar, its error messages, and `key@=` file loading."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awsmini.values import shorthand
from awsmini.values.shorthand import (
    MAX_DEPTH,
    DuplicateKeyError,
    ShorthandParseError,
    ShorthandSyntaxError,
    error_location,
    parse_shorthand,
)

CASES = json.loads((Path(__file__).parent.parent / "data" / "shorthand_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["parse"], ids=[c["id"] for c in CASES["parse"]])
def test_parses(case):
    assert parse_shorthand(case["input"]) == case["expected"]


@pytest.mark.parametrize("case", CASES["errors"], ids=[c["id"] for c in CASES["errors"]])
def test_rejects_with_v2_message(case):
    with pytest.raises(ShorthandParseError) as caught:
        parse_shorthand(case["input"])
    assert str(caught.value) == case["message"]


def test_recorded_message_layout():
    # errors.json (err-shorthand-missing-equals): a space before the echoed
    # input, none before the caret.
    with pytest.raises(ShorthandSyntaxError) as caught:
        parse_shorthand("reason")
    assert str(caught.value).split("\n") == [
        "Expected: '=', received: 'EOF' for input:", " reason", "      ^"]
    assert (caught.value.expected, caught.value.actual, caught.value.index) == ("=", "EOF", 6)


def test_duplicate_key_error_carries_the_key():
    with pytest.raises(DuplicateKeyError) as caught:
        parse_shorthand("Key=a,Value=b,Key=c")
    assert caught.value.key == "Key"
    assert caught.value.index == len("Key=a,Value=b,")


def test_keeps_pair_order():
    assert list(parse_shorthand("z=1,a=2,m=3")) == ["z", "a", "m"]


@pytest.mark.parametrize("value, index, expected", [
    ("abc", 0, "abc\n^"),
    ("abc", 3, "abc\n   ^"),
    ("ab\ncd", 4, "ab\ncd\n ^"),
    ("ab\ncd\nef", 1, "ab\n ^\ncd\nef"),
], ids=["start", "end", "second-line", "split-at-caret-line"])
def test_error_location(value, index, expected):
    assert error_location(value, index) == expected


def test_nesting_limit_is_a_parse_error():
    with pytest.raises(ShorthandSyntaxError):
        parse_shorthand("a=" + "[" * (MAX_DEPTH + 5))
    assert parse_shorthand("a=" + "[" * 50 + "]" * 50) == {"a": _nested(49)}


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


# ------------------------------------------------------------- key@=files

FILES = {"file://foo": "file-contents123", "fileb://foo": b"file-contents123",
         "file://foo1": "one", "file://foo2": "two"}


def loader(calls: list | None = None):
    def load(text: str):
        if calls is not None:
            calls.append(text)
        if text.startswith(("file://", "fileb://")):
            return FILES[text]
        return None
    return load


@pytest.mark.parametrize("text, expected", [
    ("Foo@=file://foo,Bar={Baz@=file://foo}", {"Foo": "file-contents123", "Bar": {"Baz": "file-contents123"}}),
    ("Foo@=fileb://foo,Bar={Baz@=fileb://foo}", {"Foo": b"file-contents123", "Bar": {"Baz": b"file-contents123"}}),
    ("Bar@={Baz=file://foo}", {"Bar": {"Baz": "file://foo"}}),
    ("Foo@=foo,Bar={Baz@=foo}", {"Foo": "foo", "Bar": {"Baz": "foo"}}),
    ("Foo@=[a, file://foo1, file://foo2]", {"Foo": ["a", "one", "two"]}),
    ("Foo@=file://foo1,file://foo2", {"Foo": ["one", "two"]}),
    ("Foo@='file://foo1'", {"Foo": "one"}),
    ("Foo=file://foo", {"Foo": "file://foo"}),
    ("A@=file://foo1,B=file://foo2", {"A": "one", "B": "file://foo2"}),
], ids=["nested", "binary", "inner-plain-equals", "no-prefix", "explicit-list", "csv-list", "quoted",
        "plain-equals", "flag-per-key"])
def test_at_equals_loads_files(text, expected):
    assert parse_shorthand(text, loader()) == expected


def test_at_equals_flag_is_reset_by_inner_keys():
    # v2 keeps one flag for the parse: the hash's key turns it off for the
    # rest of the outer list.
    assert parse_shorthand("A@=[{b=c}, file://foo1]", loader()) == {"A": [{"b": "c"}, "file://foo1"]}


def test_loader_errors_pass_through():
    def failing(text: str):
        raise OSError("boom")
    with pytest.raises(OSError):
        parse_shorthand("a@=file://x", failing)


def test_loader_not_called_without_at():
    calls: list = []
    parse_shorthand("a=file://foo,b={c=d}", loader(calls))
    assert calls == []


# --------------------------------------------------------------- properties

GRAMMAR_ALPHABET = "ab Z9=,@[]{}'\"\\\n\t:#-\u00e9\u2713"


@settings(max_examples=3000, deadline=None)
@given(st.text())
def test_any_text_parses_or_raises_the_parse_error(text):
    _parse_or_documented_error(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=GRAMMAR_ALPHABET, max_size=40))
def test_grammar_soup_parses_or_raises_the_parse_error(text):
    _parse_or_documented_error(text)


def _parse_or_documented_error(text: str) -> None:
    try:
        result = parse_shorthand(text)
    except ShorthandParseError as error:
        assert 0 <= error.index <= len(text)
        assert "for input:\n" in str(error)
    else:
        assert isinstance(result, dict)


def render(params: dict) -> str:
    """A shorthand spelling of `params` (strings, lists and dicts of them)."""
    return ",".join("%s=%s" % (key, render_value(value)) for key, value in params.items())


def render_value(value) -> str:
    if isinstance(value, list):
        return "[%s]" % ",".join(render_value(item) for item in value)
    if isinstance(value, dict):
        return "{%s}" % ",".join("%s=%s" % (k, render_value(v)) for k, v in value.items())
    if re.fullmatch(r"[A-Za-z0-9_.:/-]+(?: [A-Za-z0-9_.:/-]+)*", value):
        return value
    return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"')


# A quoted string ending in a backslash reads its closing quote as escaped
# whenever another quote follows (v2's quoted-string pattern), so the
# renderer's strings never end in one.
strings = st.text(max_size=8).map(lambda s: s.rstrip("\\"))
keys = st.sampled_from(["", "a", "Key", "k-1", "x_y", "a.b", "#t", "p/q", "n:s", "09"])
values = st.recursive(strings, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(keys, inner, max_size=3), max_leaves=8)


# Hypothesis draws these slowly; the cheap fuzz tests above and the unpack
# properties make up the rest of the 10,000 examples per run.
@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(keys, values, min_size=1, max_size=4))
def test_rendered_structures_round_trip(params):
    assert parse_shorthand(render(params)) == params


@pytest.mark.parametrize("ours, v2s", [
    (shorthand._START, r"!#-&(-+\--<>-Z\\-z|-\uffff"),
    (shorthand._FIRST_FOLLOW, r"\s!#-&(-+\--\\^-|~-\uffff"),
    (shorthand._SECOND_FOLLOW, r"\s!#-&(-+\--<>-\uffff"),
], ids=["start-char", "first-char", "second-char"])
def test_character_classes_are_v2s_ranges(ours, v2s):
    ours_re, v2_re = re.compile("[%s]" % ours), re.compile("[%s]" % v2s)
    for code in list(range(0x3000)) + list(range(0x3000, 0x110000, 97)) + [0xFFFF, 0x10000]:
        char = chr(code)
        assert bool(ours_re.fullmatch(char)) == bool(v2_re.fullmatch(char)), hex(code)
