"""storagegateway: old argument names accepted beside the new ones,
undocumented (the HIDDEN_ALIASES of aws-cli 1.x's
awscli/customizations/argrename.py; v2.36.7 has none of these).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "describe-tapes": Customization(aliases={"tape-arns": "tape-ar-ns"}),
    "describe-tape-archives": Customization(aliases={"tape-arns": "tape-ar-ns"}),
    "describe-vtl-devices": Customization(aliases={"vtl-device-arns": "vtl-device-ar-ns"}),
    "describe-cached-iscsi-volumes": Customization(aliases={"volume-arns": "volume-ar-ns"}),
    "describe-stored-iscsi-volumes": Customization(aliases={"volume-arns": "volume-ar-ns"}),
}
