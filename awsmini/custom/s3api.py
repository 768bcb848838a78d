"""v2's changes to the errors of S3's operations (awscli/customizations/s3errormsg.py).

Every S3 client (s3api's and the `s3` commands') has its error messages made
more helpful before they are reported: a bucket in a region that needs
Signature Version 4 and a permanent redirect say how to give the right region;
a KMS key that needs Signature Version 4 says how to turn it on.
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

_REGION_HINT = (
    "You can fix this issue by explicitly providing the correct region location using the "
    "--region argument, the AWS_DEFAULT_REGION environment variable, or the region variable "
    "in the AWS CLI configuration file.  You can get the bucket's location by running "
    '"aws s3api get-bucket-location --bucket BUCKET".')
_SIGV4_HINT = (" You can enable AWS Signature Version 4 by running the command: \n"
               "aws configure set s3.signature_version s3v4")


def _error_messages(parsed: dict) -> None:
    error = parsed.get("Error") if isinstance(parsed, dict) else None
    if not isinstance(error, dict):
        return
    message = error.get("Message") or ""
    if "Please use AWS4-HMAC-SHA256" in message:
        error["Message"] = ("You are attempting to operate on a bucket in a region that "
                            "requires Signature Version 4.  " + _REGION_HINT)
    elif error.get("Code") == "PermanentRedirect":
        error["Message"] = "%s: %s\n%s" % (message[:-1], error.get("Endpoint"), _REGION_HINT)
    elif "AWS KMS managed keys require AWS Signature Version 4" in message:
        error["Message"] = message + _SIGV4_HINT


ERROR_MESSAGES = _error_messages

OPERATIONS: Mapping[str, Customization] = {}
