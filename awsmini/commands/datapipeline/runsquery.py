"""`datapipeline list-runs`' QueryObjects query, from its options (pure).

Follows v2's QueryArgBuilder and ListRunsCommand._parse_type_args
(`awscli/customizations/datapipeline/__init__.py`): the intervals and statuses are
comma-separated words; no interval means the runs started in the four days up to
`now`; statuses are sent upper-case, and one v2 does not know is a usage error.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Mapping

from awsmini.commands.datapipeline import STATUSES
from awsmini.errors import ParamValidationError

_TIME = "%Y-%m-%dT%H:%M:%S"


def words(value: str | None) -> list[str] | None:
    """`a, b` -> ["a", "b"]; None stays None."""
    return None if value is None else [word.strip() for word in value.split(",")]


def _between(field: str, interval: list[str]) -> dict[str, Any]:
    # v2 takes the first two words (an interval of one word fails there with an IndexError)
    if len(interval) < 2:
        raise ParamValidationError("list index out of range")
    return {"fieldName": field, "operator": {"type": "BETWEEN", "values": interval[:2]}}


def build_query(args: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """The `query` of QueryObjects for the options of list-runs."""
    start, schedule = words(args.get("start-interval")), words(args.get("schedule-interval"))
    statuses = words(args.get("status"))
    for status in statuses or ():
        if status not in STATUSES:
            raise ParamValidationError("Invalid status: %s, must be one of: %s"
                                       % (status, ", ".join(STATUSES)))
    selectors = []
    if start is None and schedule is None:
        selectors.append(_between("@actualStartTime", [
            (now - timedelta(days=4)).strftime(_TIME), now.strftime(_TIME)]))
    if start is not None:
        selectors.append(_between("@actualStartTime", start))
    if schedule is not None:
        selectors.append(_between("@scheduledStartTime", schedule))
    if statuses is not None:
        selectors.append({"fieldName": "@status", "operator": {
            "type": "EQ", "values": [status.upper() for status in statuses]}})
    return {"selectors": selectors}


def flatten(objects: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """DescribeObjects' objects as v2 prints them: `@id`, `name` and each field's value,
    sorted by scheduled start, then name (v2's convert_described_objects)."""
    flat = []
    for item in objects:
        fields: dict[str, Any] = {"@id": item["id"], "name": item["name"]}
        for member in item.get("fields", ()):
            fields[member["key"]] = member.get("stringValue", member.get("refValue"))
        flat.append(fields)
    flat.sort(key=lambda run: (run.get("@scheduledStartTime") or "", run.get("name") or ""))
    return flat
