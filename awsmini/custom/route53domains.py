"""route53domains: v2's renamed arguments, whose botocore names would collide
with a global option or read badly (ARGUMENT_RENAMES of
awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "view-billing": Customization(renames={"start": "start-time", "end": "end-time"}),
}
