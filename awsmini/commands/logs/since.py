"""`--since` of `logs tail` -> the start time in epoch milliseconds (pure, given `now`).

    since    = relative / timestamp
    relative = 1*DIGIT ("s" / "m" / "h" / "d" / "w")   ; that long before now
    timestamp = what botocore's parse_timestamp reads   ; ISO 8601, RFC 822, epoch seconds

As v2 (`awscli/customizations/logs/tail.py`): a time without a zone is UTC, and a
value that is neither is botocore's `Invalid timestamp "..."` error, which v2 reports
as an unexpected error (exit 255).
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from awsmini.errors import OtherError

# `$` as v2's: a trailing newline is let through (`5m\n`).
_RELATIVE = re.compile(r"(\d+)([smhdw])$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def start_millis(since: str, now: datetime | None = None) -> int:
    """The epoch milliseconds `since` stands for; `now` is an aware or UTC naive time."""
    from botocore.utils import datetime2timestamp, parse_timestamp

    try:
        relative = _RELATIVE.match(since)
        if relative:
            now = now or datetime.now(timezone.utc)
            moment = now - timedelta(seconds=int(relative.group(1)) * _SECONDS[relative.group(2)])
        else:
            moment = parse_timestamp(since)
        return int(datetime2timestamp(moment) * 1000)
    # ValueError: not a time; OverflowError: a time out of datetime's range (`99999999999w`);
    # RuntimeError: botocore found no zone for an epoch value.
    except (ValueError, OverflowError, RuntimeError) as error:
        raise OtherError(str(error)) from error
