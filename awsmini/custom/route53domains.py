"""route53domains: v2's renamed arguments, whose botocore names would collide
with a global option or read badly (awscli/customizations/argrename.py); and
old argument names accepted beside the new ones, undocumented (the
HIDDEN_ALIASES of aws-cli 1.x's awscli/customizations/argrename.py; v2.36.7 has
none of these).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "view-billing": Customization(
        renames={"start": "start-time", "end": "end-time"},
        aliases={"start-time": "start"}),
}
