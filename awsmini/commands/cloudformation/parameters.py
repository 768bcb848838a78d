"""`deploy`'s `--parameter-overrides` and `--tags` values -> API data (v2's `deploy.py`).

`--parameter-overrides` takes `Key=Value` words, or JSON (inline, or the text of
a `file://`) in one of three forms, tried in this order:

    [{"ParameterKey": "K", "ParameterValue": "V"}, ...]   CloudFormation's
    {"Parameters": {"K": "V", ...}}                       CodePipeline's
    ["K=V", ...]

`template_parameters` gives CreateChangeSet every parameter the template
declares: the overridden ones with their value, the others `UsePreviousValue`.
Pure: no I/O.
"""
from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from awsmini.errors import OtherError, ParamValidationError

_JSON_FORMS_MESSAGE = (
    'JSON passed to --parameter-overrides must be one of the formats: '
    '["Key1=Value1","Key2=Value2", ...] , '
    '[{"ParameterKey": "Key1", "ParameterValue": "Value1"}, ...] , '
    '["Parameters": {"Key1": "Value1", "Key2": "Value2", ...}]')


def parse_overrides(value: str | Sequence[str] | None) -> Any:
    """The overrides as {key: value}; `value` is the words given, or a file's text.
    (CodePipeline's form gives whatever its `Parameters` holds, as v2 takes it.)"""
    if not value:
        return {}
    data = _as_json(value)
    if data is None:
        return parse_key_values(value, "parameter-overrides")
    if _is_cloudformation_form(data):
        return {item["ParameterKey"]: item["ParameterValue"] for item in data}
    if isinstance(data, dict) and "Parameters" in data:
        return data["Parameters"]
    if all(isinstance(item, str) and "=" in item for item in data):
        return dict(item.split("=", 1) for item in data)
    raise ParamValidationError(_JSON_FORMS_MESSAGE)


def parse_key_values(words: str | Sequence[str], option: str) -> dict[str, str]:
    """`Key=Value` words as a mapping, split at the first `=`; v2's error names the option."""
    result: dict[str, str] = {}
    for word in words:  # a file's text is taken character by character, as v2 does
        pair = word.split("=", 1)
        if len(pair) != 2:
            raise OtherError("%s value passed to --%s must be of format Key=Value"
                             % (pair, option))
        result[pair[0]] = pair[1]
    return result


def template_parameters(template: Any, overrides: Any) -> list[dict]:
    """One entry per parameter the template declares, in its order."""
    if not isinstance(template, Mapping):
        raise OtherError("'%s' object has no attribute 'get'" % type(template).__name__)
    declared = template.get("Parameters")
    if not isinstance(declared, Mapping):
        return []
    entries = []
    for key in declared:
        if key in overrides:
            entries.append({"ParameterKey": key, "ParameterValue": overrides[key]})
        else:
            entries.append({"ParameterKey": key, "UsePreviousValue": True})
    return entries


def _as_json(value: str | Sequence[str]) -> Any:
    """A file's text must be JSON; of words, only the first is tried (None: not JSON)."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as error:  # v2 lets the decoder's error end the run
            raise OtherError(str(error)) from error
    try:
        return json.loads(value[0])
    except ValueError:
        return None


def _is_cloudformation_form(data: Any) -> bool:
    # Tested as v2 tests it: a JSON number or boolean ends the run with Python's
    # TypeError here (exit 255 at the error boundary), as in v2.
    for item in data:
        if "ParameterKey" not in item or "ParameterValue" not in item:
            return False
        if len(item.keys()) > 2:
            return False
    return True
