"""`logs tail --since` -> start time (awsmini/commands/logs/since.py), against a fixed now."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from awsmini.commands.logs.since import start_millis
from awsmini.errors import OtherError

NOW = datetime(2024, 5, 1, 12, 0, 0, 250000, tzinfo=timezone.utc)
NOW_MS = 1714564800250


@pytest.mark.parametrize("since, expected", [
    ("0s", NOW_MS),
    ("30s", NOW_MS - 30_000),
    ("5m", NOW_MS - 300_000),
    ("10m", NOW_MS - 600_000),
    ("2h", NOW_MS - 7_200_000),
    ("1d", NOW_MS - 86_400_000),
    ("1w", NOW_MS - 604_800_000),
    ("5m\n", NOW_MS - 300_000),  # as v2's pattern: `$` lets a final newline through
], ids=["0s", "30s", "5m", "10m", "2h", "1d", "1w", "trailing-newline"])
def test_relative_times_count_back_from_now(since, expected):
    assert start_millis(since, NOW) == expected


def test_relative_times_accept_a_naive_utc_now():
    assert start_millis("1m", NOW.replace(tzinfo=None)) == NOW_MS - 60_000


@pytest.mark.parametrize("since, expected", [
    ("2024-05-01T12:00:00Z", 1714564800000),
    ("2024-05-01T12:00:00.123Z", 1714564800123),
    ("2024-05-01T12:00:00", 1714564800000),  # no zone: UTC
    ("2024-05-01", 1714521600000),
    ("2024-05-01T14:00:00+02:00", 1714564800000),
    ("Wed, 01 May 2024 12:00:00 GMT", 1714564800000),
    ("1714564800", 1714564800000),  # epoch seconds
], ids=["iso-z", "iso-millis", "iso-naive", "date", "iso-offset", "rfc822", "epoch"])
def test_absolute_times(since, expected):
    assert start_millis(since, NOW) == expected


@pytest.mark.parametrize("since, message", [
    ("abc", 'Invalid timestamp "abc": Unknown string format: abc'),
    ("5x", 'Invalid timestamp "5x": Unknown string format: 5x'),
    ("yesterday", 'Invalid timestamp "yesterday": Unknown string format: yesterday'),
    ("", 'Invalid timestamp "": String does not contain a date: '),
    ("2024-13-01", 'Invalid timestamp "2024-13-01": month must be in 1..12: 2024-13-01'),
], ids=["word", "bad-unit", "yesterday", "empty", "bad-month"])
def test_bad_values_are_v2s_invalid_timestamp_error(since, message):
    with pytest.raises(OtherError) as raised:
        start_millis(since, NOW)
    assert (raised.value.message, raised.value.exit_code) == (message, 255)


def test_a_time_out_of_range_is_an_error_not_a_traceback():
    with pytest.raises(OtherError) as raised:
        start_millis("99999999999w", NOW)
    assert (raised.value.message, raised.value.exit_code) == (
        "Python int too large to convert to C int", 255)
