"""deploy: v2's renamed arguments, whose botocore names would collide with a
global option or read badly (ARGUMENT_RENAMES of
awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

SERVICE = Customization(renames={"s-3-location": "s3-location",
                                 "ec-2-tag-filters": "ec2-tag-filters"})

OPERATIONS: Mapping[str, Customization] = {}
