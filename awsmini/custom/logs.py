"""logs: the operations v2 takes out of the service's command table, which then
answer as unknown operations (awscli/customizations/removals.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {}

REMOVED_OPERATIONS = (
    "get-log-object",
)
