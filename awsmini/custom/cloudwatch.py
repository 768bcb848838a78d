"""cloudwatch: v2's changes to its generic operations.

- `put-metric-data`: one datum given as `--metric-name`, `--value`, `--unit`,
  `--timestamp`, `--dimensions Name=Value,...`, `--statistic-values
  Sum=1,Minimum=0,...` and `--storage-resolution`, in place of `--metric-data`
  (then not required); they do not mix with `--metric-data`
  (awscli/customizations/putmetricdata.py).
- The OpenTelemetry enrichment operations are named `*-otel-enrichment`; the
  names botocore gave them before, `*-o-tel-enrichment`, still work,
  undocumented (awscli/customizations/cloudwatch.py).
"""
from __future__ import annotations

import decimal
from typing import Any, Callable, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import OtherError, ParamValidationError


def split_on_commas(text: str) -> list[str]:
    """`a=1,b="x,y"` -> [`a=1`, `b=x,y`]: commas inside double quotes do not split."""
    parts, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _pairs(raw: str) -> list[tuple[str, str]]:
    try:
        return [tuple(pair.split("=")) for pair in split_on_commas(raw)]  # type: ignore[misc]
    except ValueError as error:
        raise OtherError(str(error)) from None


def _number(text: str) -> decimal.Decimal:
    try:
        return decimal.Decimal(text)  # exact, as v2 sends it
    except decimal.InvalidOperation:
        raise OtherError("[<class 'decimal.ConversionSyntax'>]") from None


def _datum(fill: Callable[[dict, Any], None]) -> Callable[[dict, Any], None]:
    """A fill of the first (and only) datum of MetricData."""
    def into_first(params: dict, raw: Any) -> None:
        fill(params.setdefault("MetricData", [{}])[0], raw)
    return into_first


def _dimensions(datum: dict, raw: str) -> None:
    pairs = _pairs(raw)
    if any(len(pair) != 2 for pair in pairs):
        raise OtherError("too many values to unpack (expected 2)")
    datum["Dimensions"] = [{"Name": name, "Value": value} for name, value in pairs]


def _statistics(datum: dict, raw: str) -> None:
    pairs = _pairs(raw)
    if any(len(pair) != 2 for pair in pairs):
        raise OtherError("too many values to unpack (expected 2)")
    datum["StatisticValues"] = {name: _number(value) for name, value in pairs}


def _storage_resolution(datum: dict, raw: str) -> None:
    try:
        datum["StorageResolution"] = int(raw)
    except ValueError as error:
        raise OtherError(str(error)) from None


def _set(key: str, convert: Callable[[str], Any] = str) -> Callable[[dict, Any], None]:
    def fill(datum: dict, raw: str) -> None:
        datum[key] = convert(raw)
    return fill


# (name, what it fills, help) in v2's order; all but the last exclude --metric-data
_DATUM_OPTIONS = (
    ("metric-name", _set("MetricName"), "The metric's name."),
    ("timestamp", _set("Timestamp"),
     "When the value was measured (by default, when CloudWatch receives it)."),
    ("unit", _set("Unit"), "The value's unit (Count, Seconds, Bytes, Percent, ...)."),
    ("value", _set("Value", _number), "The value itself, a number."),
    ("dimensions", _dimensions,
     "The metric's dimensions as <code>Name=Value</code> pairs joined by commas "
     "(<code>--dimensions InstanceId=i-0abc,InstanceType=m5.large</code>)."),
    ("statistic-values", _statistics,
     "A statistic set instead of one value: <code>SampleCount=N,Sum=S,Minimum=A,"
     "Maximum=B</code>."),
    ("storage-resolution", _storage_resolution,
     "1 for a high-resolution metric (kept at one-second granularity), 60 for a "
     "standard one."),
)
_EXCLUSIVE = tuple(name for name, _, _ in _DATUM_OPTIONS[:-1])


def _not_with_metric_data(options: Mapping[str, Any], members: Sequence[str]) -> None:
    given = [name for name in _EXCLUSIVE if options.get(name) is not None]
    if given and "metric-data" in members:
        # v2's validate_mutually_exclusive: --metric-data comes first in the table
        raise ParamValidationError('The key "%s" cannot be specified when one of the '
                                   'following keys are also specified: metric_data'
                                   % given[0].replace("-", "_"))


_PUT_METRIC_DATA = Customization(
    optional=("metric-data",),
    added=tuple(ArgSpec(name, "", "", "string", is_cli_only=True, fills=_datum(fill),
                        documentation="<p>%s</p>" % doc) for name, fill, doc in _DATUM_OPTIONS),
    check=_not_with_metric_data)

OPERATION_ALIASES: Mapping[str, str] = {
    "%s-o-tel-enrichment" % verb: "%s-otel-enrichment" % verb for verb in ("get", "start", "stop")}

OPERATIONS: Mapping[str, Customization] = {
    "put-metric-data": _PUT_METRIC_DATA,
}
