"""sagemaker: v2's renamed arguments, whose botocore names would collide with a
global option or read badly (ARGUMENT_RENAMES of
awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "delete-image-version": Customization(renames={"version": "version-number"}),
    "describe-image-version": Customization(renames={"version": "version-number"}),
    "list-aliases": Customization(renames={"version": "version-number"}),
    "update-image-version": Customization(renames={"version": "version-number"}),
}
