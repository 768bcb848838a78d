"""lex-models: v2's renamed arguments, whose botocore names would collide with a
global option or read badly (ARGUMENT_RENAMES of
awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "delete-bot": Customization(renames={"version": "bot-version"}),
    "delete-intent": Customization(renames={"version": "intent-version"}),
    "delete-slot-type": Customization(renames={"version": "slot-type-version"}),
    "get-intent": Customization(renames={"version": "intent-version"}),
    "get-slot-type": Customization(renames={"version": "slot-type-version"}),
    "delete-bot-version": Customization(renames={"version": "bot-version"}),
    "delete-intent-version": Customization(renames={"version": "intent-version"}),
    "delete-slot-type-version": Customization(renames={"version": "slot-type-version"}),
    "get-export": Customization(renames={"version": "resource-version"}),
}
