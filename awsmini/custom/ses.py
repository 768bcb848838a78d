"""ses: v2's changes to its generic operations.

- `send-email`: `--from` for `--source`; `--to`, `--cc`, `--bcc` for
  `--destination` and `--subject`, `--text`, `--html` for `--message` (both
  then not required, and neither mixes with the options that stand for it)
  (awscli/customizations/sessendemail.py).
- The operations v2 takes out of the service's command table, which then
  answer as unknown operations (awscli/customizations/removals.py).
"""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError


def _source(params: dict, raw: Any) -> None:
    params["Source"] = raw


def _addresses(key: str) -> Callable[[dict, Any], None]:
    def fill(params: dict, raw: Any) -> None:
        if raw:
            params.setdefault("Destination", {})[key] = list(raw)
    return fill


def _body(key: str) -> Callable[[dict, Any], None]:
    def fill(params: dict, raw: Any) -> None:
        if not raw:
            return
        message = params.setdefault("Message", {"Subject": {}, "Body": {}})
        if key == "Subject":
            message["Subject"] = {"Data": raw}
        else:
            message["Body"][key] = {"Data": raw}
    return fill


def _exclusive(options: Mapping[str, Any], members: Sequence[str]) -> None:
    # v2's validate_mutually_exclusive, once per pair of groups, in its order
    for member, shortcuts in (("destination", ("to", "cc", "bcc")),
                              ("message", ("text", "html"))):
        given = [name for name in shortcuts if options.get(name) is not None]
        if given and member in members:
            raise ParamValidationError('The key "%s" cannot be specified when one of the '
                                       'following keys are also specified: %s'
                                       % (given[0], member))


def _option(name: str, fills: Callable[[dict, Any], None], documentation: str,
            many: bool = False, required: bool = False) -> ArgSpec:
    return ArgSpec(name, "", "", "list" if many else "string", is_cli_only=True,
                   nargs="+" if many else None, is_required=required, fills=fills,
                   documentation="<p>%s</p>" % documentation)


_SEND_EMAIL = Customization(
    removed=("source",),
    optional=("destination", "message"),
    added=(
        _option("from", _source, "The sender's email address (the message's Source).",
                required=True),
        _option("to", _addresses("ToAddresses"), "The recipients' addresses, as separate "
                "words.", many=True),
        _option("cc", _addresses("CcAddresses"), "The addresses to copy (Cc), as separate "
                "words.", many=True),
        _option("bcc", _addresses("BccAddresses"), "The addresses to copy blind (Bcc), as "
                "separate words.", many=True),
        _option("subject", _body("Subject"), "The message's subject line."),
        _option("text", _body("Text"), "The message's body as plain text."),
        _option("html", _body("Html"), "The message's body as HTML."),
    ),
    check=_exclusive)

OPERATIONS: Mapping[str, Customization] = {
    "send-email": _SEND_EMAIL,
}

REMOVED_OPERATIONS = (
    "delete-verified-email-address",
    "list-verified-email-addresses",
    "verify-email-address",
)
