"""iot-data: every page of the service, its own and each operation's, notes that
production code should use the account's own endpoint
(awscli/customizations/iot_data.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

SERVICE = Customization(help_note=(
    "<p>For production code, use the custom endpoint of your account (the iot "
    "describe-endpoint command gives it): it has the best availability and reachability of "
    "the service. The default endpoints, meant for testing only, are listed at "
    "https://docs.aws.amazon.com/general/latest/gr/iot-core.html#iot-core-data-plane-endpoints"
    "</p>"))

OPERATIONS: Mapping[str, Customization] = {}
