"""`ddb` expressions: placeholders and v2's error messages, against the cases of
tests/data/ddb_expressions.json (what v2.36.7's extractor gives for each)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from awsmini.commands.ddb.lexer import ExpressionError
from awsmini.commands.ddb.placeholders import substitute
from awsmini.errors import ParamValidationError

CASES = json.loads((Path(__file__).parent.parent / "data" / "ddb_expressions.json").read_text())


def _shown(value):
    if isinstance(value, set):
        return "set(%r)" % sorted(_shown(item) for item in value)
    return repr(value)


@pytest.mark.parametrize("case", CASES, ids=[case["expression"] or "empty" for case in CASES])
def test_expression(case):
    if "error" in case:
        with pytest.raises(ExpressionError) as caught:
            substitute(case["expression"], case["offset"])
        assert str(caught.value) == case["error"]
        assert isinstance(caught.value, ParamValidationError)
        return
    result = substitute(case["expression"], case["offset"])
    assert result.expression == case["sent"]
    assert {key: value if isinstance(value, str) else _shown(value)
            for key, value in result.names.items()} == case["names"]
    assert {key: _shown(value) for key, value in result.values.items()} == case["values"]
    assert result.count == len(case["names"]) + len(case["values"])
