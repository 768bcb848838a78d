"""pinpoint: v2's renamed arguments, whose botocore names would collide with a
global option or read badly (ARGUMENT_RENAMES of
awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATIONS: Mapping[str, Customization] = {
    "get-campaign-version": Customization(renames={"version": "campaign-version"}),
    "get-segment-version": Customization(renames={"version": "segment-version"}),
    "delete-email-template": Customization(renames={"version": "template-version"}),
    "delete-in-app-template": Customization(renames={"version": "template-version"}),
    "delete-push-template": Customization(renames={"version": "template-version"}),
    "delete-sms-template": Customization(renames={"version": "template-version"}),
    "delete-voice-template": Customization(renames={"version": "template-version"}),
    "get-email-template": Customization(renames={"version": "template-version"}),
    "get-in-app-template": Customization(renames={"version": "template-version"}),
    "get-push-template": Customization(renames={"version": "template-version"}),
    "get-sms-template": Customization(renames={"version": "template-version"}),
    "get-voice-template": Customization(renames={"version": "template-version"}),
    "update-email-template": Customization(renames={"version": "template-version"}),
    "update-in-app-template": Customization(renames={"version": "template-version"}),
    "update-push-template": Customization(renames={"version": "template-version"}),
    "update-sms-template": Customization(renames={"version": "template-version"}),
    "update-voice-template": Customization(renames={"version": "template-version"}),
}
