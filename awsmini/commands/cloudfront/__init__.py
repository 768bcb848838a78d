"""`cloudfront sign`, declared as data (v2's `awscli/customizations/cloudfront.py`,
`SignCommand`). The run, in `sign.py`, signs offline with the key given."""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon CloudFront."

_DATES = ("It may be given as YYYY-MM-DD (midnight UTC of that day), YYYY-MM-DDThh:mm:ss "
          "(UTC), YYYY-MM-DDThh:mm:ss+hh:mm or -hh:mm (with that offset from UTC), or as "
          "seconds since the epoch. YYYYMMDD is read as seconds since the epoch, not as a "
          "date.")

SIGN = (
    "<p>Print a signed URL for the given URL: one that CloudFront serves, until "
    "--date-less-than, to whoever holds it, when the distribution's content is private. "
    "It is signed here, with the private key of the CloudFront key pair, without calling "
    "AWS. With --date-greater-than or --ip-address the URL carries a custom policy; "
    "otherwise a canned one. The URL is printed without a newline after it.</p>")


def _option(name: str, documentation: str, required: bool = False,
            loads_files: bool = True) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_required=required, is_cli_only=True,
                   documentation=documentation, loads_files=loads_files)


COMMANDS = {
    "sign": CustomCommand("sign", SIGN, (
        # v2 reads no file:// value here: the URL is taken as given
        _option("url", "The URL to sign.", required=True, loads_files=False),
        _option("key-pair-id", "The ID of the active CloudFront key pair (or public key) "
                "whose private key signs the URL.", required=True),
        _option("private-key", "The private key, in PEM form, usually given as "
                "file://path/to/private-key.pem.", required=True),
        _option("date-less-than", "When the URL stops working. " + _DATES, required=True),
        _option("date-greater-than", "When the URL starts working (optional). " + _DATES),
        _option("ip-address", "The IP address, or address range (x.x.x.x/x), that the "
                "request must come from (optional)."),
    ), "awsmini.commands.cloudfront.sign:run"),
}
