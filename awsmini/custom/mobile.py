"""mobile: v2's renamed arguments, whose botocore names would collide with a
global option or read badly (awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    # from earlier v2 releases' argrename.py; 2.36.7 dropped it with the service's model
    "create-project": Customization(renames={"region": "project-region"}),
}
