"""Every formatter against the outputs AWS CLI v2 recorded (tests/data/output_cases.json).

Each entry holds a response (as the json output showed it), the format, the
query, the operation name and v2's exact stdout.
"""
from __future__ import annotations

import json
import pathlib

import pytest

from awsmini.output import FORMATTERS, RenderOptions
from awsmini.query import apply_query, compile_query

CASES = json.loads((pathlib.Path(__file__).parent.parent / "data" / "output_cases.json")
                   .read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_recorded_output(case):
    data = apply_query(compile_query(case["query"]), case["data"])
    options = RenderOptions(title=case["title"], width=80, color=case["color"])
    assert "".join(FORMATTERS[case["format"]](data, options)) == case["expected"]
