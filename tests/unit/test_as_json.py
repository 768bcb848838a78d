"""output/as_json.py: exact bytes, v2's empty-response rule, and a round-trip property."""
from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awsmini.output import as_json


def render(data) -> str:
    return "".join(as_json.render(data))


@pytest.mark.parametrize("data, expected", [
    pytest.param({"a": 1, "b": [True, None]},
                 '{\n    "a": 1,\n    "b": [\n        true,\n        null\n    ]\n}\n', id="nested"),
    pytest.param({"z": 1, "a": 2}, '{\n    "z": 1,\n    "a": 2\n}\n', id="response-key-order"),
    pytest.param({"e": {}, "l": []}, '{\n    "e": {},\n    "l": []\n}\n', id="empty-containers"),
    pytest.param({"s": "Motörhead – “q” 日本\t"}, '{\n    "s": "Motörhead – “q” 日本\\t"\n}\n',
                 id="unicode-unescaped"),
    pytest.param({"f": 0.5, "g": 1e100, "i": 1234567890123}, '{\n    "f": 0.5,\n'
                 '    "g": 1e+100,\n    "i": 1234567890123\n}\n', id="numbers"),
    pytest.param([], "[]\n", id="empty-list-prints"),
    pytest.param(None, "null\n", id="query-null"),
    pytest.param("x", '"x"\n', id="query-string"),
    pytest.param({}, "", id="empty-response-prints-nothing"),
])
def test_render(data, expected):
    assert render(data) == expected


def test_datetimes_and_blobs_as_v2_prints_them():
    stamp = datetime.datetime(2023, 11, 14, 22, 13, 20, 123000, tzinfo=datetime.timezone.utc)
    assert render({"t": stamp, "b": b"\xde\xad\xbe\xef"}) == (
        '{\n    "t": "2023-11-14T22:13:20.123000+00:00",\n    "b": "3q2+7w=="\n}\n')


def test_large_output_comes_in_several_chunks():
    chunks = list(as_json.render({"items": [{"n": i} for i in range(30000)]}))
    assert len(chunks) > 1
    assert json.loads("".join(chunks))["items"][-1] == {"n": 29999}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_round_trips_and_matches_the_standard_library(value):
    text = render(value)
    if value == {}:
        assert text == ""
        return
    assert json.loads(text) == value
    # v2 writes json.dump(indent=4, ensure_ascii=False): the same bytes.
    assert text == json.dumps(value, indent=4, ensure_ascii=False) + "\n"


def test_items_sharing_keys_at_different_depths_and_percent_signs_in_keys():
    data = {"a%s": {"a%s": {"a%s": 1}}, "L": [{"k": 1, "%": "%d"}, {"k": 2, "%": None}]}
    assert render(data) == json.dumps(data, indent=4, ensure_ascii=False) + "\n"


def test_many_distinct_key_sets_and_mapping_subclasses():
    import collections

    data = [{"k%d" % i: i} for i in range(2000)] + [collections.OrderedDict(b=1, a=[()])]
    assert render(data) == json.dumps(data, indent=4, ensure_ascii=False) + "\n"


def test_a_large_listing_arrives_in_pieces_no_larger_than_a_chunk_and_an_item():
    data = {"Things": [{"Name": "x" * 100, "Attributes": {"n": str(i)}} for i in range(20000)]}
    chunks = list(as_json.render(data))
    assert max(len(chunk) for chunk in chunks) < as_json._CHUNK_CHARS + 1000
    assert "".join(chunks) == json.dumps(data, indent=4) + "\n"
