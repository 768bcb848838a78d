"""elasticache: arguments that also answer to the spelling older releases gave
them, undocumented (HIDDEN_ALIASES of awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "create-replication-group": Customization(
        aliases={"preferred-cache-cluster-azs": "preferred-cache-cluster-a-zs"}),
}
