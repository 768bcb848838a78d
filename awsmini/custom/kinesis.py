"""kinesis: v2's changes to its generic operations.

- `list-streams`: `--exclusive-start-stream-name`, the token the operation
  paged with before `NextToken`, is undocumented, and giving it turns
  pagination off, as the operation's own paging arguments do
  (awscli/customizations/kinesis.py).
- `subscribe-to-shard` is taken out of the service: it answers as an unknown
  operation (awscli/customizations/removals.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "list-streams": Customization(undocumented=("exclusive-start-stream-name",),
                                  stops_paging=("exclusive-start-stream-name",)),
}

REMOVED_OPERATIONS = (
    "subscribe-to-shard",
)
