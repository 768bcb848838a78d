"""opsworks: v2's renamed arguments, whose botocore names would collide with a
global option or read badly (awscli/customizations/argrename.py); and old
argument names accepted beside the new ones, undocumented (the HIDDEN_ALIASES
of aws-cli 1.x's awscli/customizations/argrename.py; v2.36.7 has none of
these).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

# from earlier v2 releases' argrename.py; 2.36.7 dropped it with the service's model
SERVICE = Customization(renames={"region": "stack-region"})

OPERATIONS: Mapping[str, Customization] = {
    "register-volume": Customization(aliases={"ec2-volume-id": "ec-2-volume-id"}),
}
