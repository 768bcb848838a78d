"""iam: old argument names accepted beside the new ones, undocumented (the
HIDDEN_ALIASES of aws-cli 1.x's awscli/customizations/argrename.py; v2.36.7 has
none of these).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "enable-mfa-device": Customization(
        aliases={"authentication-code1": "authentication-code-1",
                 "authentication-code2": "authentication-code-2"}),
    "resync-mfa-device": Customization(
        aliases={"authentication-code1": "authentication-code-1",
                 "authentication-code2": "authentication-code-2"}),
}
