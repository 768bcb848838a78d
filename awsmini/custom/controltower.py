"""controltower: v2's renamed arguments, whose botocore names would collide with
a global option or read badly (ARGUMENT_RENAMES of
awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "create-landing-zone": Customization(renames={"version": "landing-zone-version"}),
    "update-landing-zone": Customization(renames={"version": "landing-zone-version"}),
}
