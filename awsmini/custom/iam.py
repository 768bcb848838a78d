"""iam: v2's changes to its generic operations.

- `create-virtual-mfa-device`: `--outfile FILE` and `--bootstrap-method
  QRCodePNG|Base32StringSeed`, both required: the chosen bootstrap value of the
  new device is written to the file (the PNG's bytes, or the seed's text),
  readable by the user only, and both values are left out of what is printed
  (awscli/customizations/iamvirtmfa.py).

The messages are v2's. The file's folder is checked before the request, as v2
checks it; the file is written through `Env` after the response.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Mapping

from awsmini.arguments import ArgSpec
from awsmini.configpaths import expand
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError

if TYPE_CHECKING:
    from awsmini.env import Env

_METHODS = ("QRCodePNG", "Base32StringSeed")


def _check_outfile(params: dict, raw: Any) -> None:
    """v2 refuses a file it could not create before it sends the request."""
    path = str(raw)  # expanded (is_local_path)
    if not os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
        raise ParamValidationError("Unable to write to file: %s" % path)


def _save_bootstrap(response: dict, options: Mapping[str, Any], env: Env) -> dict:
    """The chosen value written to the outfile; neither value left in the response."""
    device = response.get("VirtualMFADevice")
    method, outfile = options.get("bootstrap-method"), options.get("outfile")
    if not isinstance(device, dict) or method not in device or outfile is None:
        return response
    body = device[method]
    env.write_private(expand(str(outfile), env.environ),
                      body if isinstance(body, bytes) else str(body).encode("utf-8"))
    for choice in _METHODS:
        device.pop(choice, None)
    return response


_CREATE_VIRTUAL_MFA_DEVICE = Customization(
    added=(
        ArgSpec("outfile", "", "", "string", is_required=True, is_cli_only=True,
                fills=_check_outfile, is_local_path=True, documentation=(
                    "The path and name of the file the new device's bootstrap value "
                    "is saved to.")),
        ArgSpec("bootstrap-method", "", "", "string", is_required=True, is_cli_only=True,
                choices=_METHODS, documentation=(
                    "How the virtual MFA device is to be seeded, and so what the outfile "
                    "holds: %s (a QR code image) or %s (the seed as text)." % _METHODS)),
    ),
    after_call=_save_bootstrap)

OPERATIONS: Mapping[str, Customization] = {
    "create-virtual-mfa-device": _CREATE_VIRTUAL_MFA_DEVICE,
}
