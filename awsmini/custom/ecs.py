"""ecs: v2's renamed arguments, whose botocore names would collide with a global
option or read badly (ARGUMENT_RENAMES of awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

SERVICE = Customization(renames={"no-enable-execute-command": "disable-execute-command"})

OPERATIONS: Mapping[str, Customization] = {
    "execute-command": Customization(renames={"no-interactive": "non-interactive"}),
}
