"""lambda: old argument names accepted beside the new ones, undocumented (the
HIDDEN_ALIASES of aws-cli 1.x's awscli/customizations/argrename.py; v2.36.7 has
none of these).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "publish-version": Customization(aliases={"code-sha256": "code-sha-256"}),
}
