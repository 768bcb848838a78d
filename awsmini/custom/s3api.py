"""v2's changes to S3's generic operations.

- `select-object-content`: the positional `outfile`, where the records the
  event stream carries are written; its page says the command prints nothing
  (awscli/customizations/s3events.py).
- `get-object` and `head-object`: their pages say `Expires` is deprecated and
  document `ExpiresString`, which botocore adds to the response
  (awscli/customizations/s3events.py).
- Errors (awscli/customizations/s3errormsg.py): every S3 client (s3api's and the `s3` commands') has its error messages made
more helpful before they are reported: a bucket in a region that needs
Signature Version 4 and a permanent redirect say how to give the right region;
a KMS key that needs Signature Version 4 says how to turn it on.
"""
from __future__ import annotations

from typing import Mapping

from awsmini.arguments import ArgSpec
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

# The event stream's `Records` payloads go to this file (call.py writes them);
# with it the operation has, as with a streaming output, no --cli-input-* nor skeleton.
_RECORDS_OUTFILE = ArgSpec("outfile", "", "", "string", is_required=True, is_positional=True,
                           is_cli_only=True,
                           documentation="Filename where the records will be saved")

_EXPIRES = Customization(output_replacements={"Expires": (
    "ExpiresString", "string", "<p>The raw, unparsed value of the <code>Expires</code> field.</p>")})

OPERATIONS: Mapping[str, Customization] = {
    "get-object": _EXPIRES,
    "head-object": _EXPIRES,
    "select-object-content": Customization(
        added=(_RECORDS_OUTFILE,),
        output_note=("This command generates no output.  The selected object content is "
                     "written to the specified outfile.\n")),
}
