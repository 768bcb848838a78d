"""mgn: arguments that also answer to the spelling older releases gave them,
undocumented (HIDDEN_ALIASES of awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

SERVICE = Customization(aliases={
    "replication-servers-security-groups-ids": "replication-servers-security-groups-i-ds",
    "source-server-ids": "source-server-i-ds",
    "replication-configuration-template-ids": "replication-configuration-template-i-ds",
})

OPERATIONS: Mapping[str, Customization] = {}
