"""glue: v2's renamed arguments, whose botocore names would collide with a global
option or read badly (ARGUMENT_RENAMES of awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "get-unfiltered-partition-metadata": Customization(renames={"region": "resource-region"}),
    "get-unfiltered-partitions-metadata": Customization(renames={"region": "resource-region"}),
    "get-unfiltered-table-metadata": Customization(renames={"region": "resource-region"}),
}
