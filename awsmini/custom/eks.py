"""eks: v2's renamed arguments, whose botocore names would collide with a global
option or read badly (ARGUMENT_RENAMES of awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "create-cluster": Customization(renames={"version": "kubernetes-version"}),
    "update-cluster-version": Customization(renames={"version": "kubernetes-version"}),
    "create-nodegroup": Customization(renames={"version": "kubernetes-version"}),
    "update-nodegroup-version": Customization(renames={"version": "kubernetes-version"}),
    "update-cluster-components-version": Customization(renames={"version": "kubernetes-version"}),
}
