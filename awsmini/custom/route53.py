"""route53: v2's changes to its generic operations.

- `delete-traffic-policy`, `get-traffic-policy`, `update-traffic-policy-comment`:
  `--version` is `--traffic-policy-version`, which would otherwise collide with
  the global option (ARGUMENT_RENAMES of awscli/customizations/argrename.py).
- `create-hosted-zone`: `--hosted-zone-config`'s documentation adds that
  `PrivateZone` is not given there (awscli/customizations/route53.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "create-hosted-zone": Customization(option_notes={"hosted-zone-config": (
        "<p>Note: do <b>not</b> give <code>PrivateZone</code> in this structure; its value "
        "is returned in the output of the command.</p>")}),
    "delete-traffic-policy": Customization(renames={"version": "traffic-policy-version"}),
    "get-traffic-policy": Customization(renames={"version": "traffic-policy-version"}),
    "update-traffic-policy-comment": Customization(renames={"version": "traffic-policy-version"}),
}
