"""iot: v2's `--*-outfile` options, which also save part of the response to a
file, readable by the user only (awscli/customizations/iot.py, with
`QueryOutFileArgument` of awscli/customizations/arguments.py).

- `create-keys-and-certificate`: `--certificate-pem-outfile`,
  `--public-key-outfile`, `--private-key-outfile`.
- `create-certificate-from-csr`: `--certificate-pem-outfile`.
"""
from __future__ import annotations

from typing import Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization


def _outfile(name: str, query: str) -> ArgSpec:
    """An option that writes the response's `query` to the file it names (mode 0600)."""
    return ArgSpec(name, "", "", "string", is_cli_only=True, saves=query, documentation=(
        "Saves the command output contents of %s to the given filename" % query))


OPERATIONS: Mapping[str, Customization] = {
    "create-keys-and-certificate": Customization(added=(
        _outfile("certificate-pem-outfile", "certificatePem"),
        _outfile("public-key-outfile", "keyPair.PublicKey"),
        _outfile("private-key-outfile", "keyPair.PrivateKey"))),
    "create-certificate-from-csr": Customization(added=(
        _outfile("certificate-pem-outfile", "certificatePem"),)),
}
