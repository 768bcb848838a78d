"""A one-time Ed25519 key pair for `ec2-instance-connect ssh`, as v2 makes it with awscrt.

Returns the public key as an OpenSSH `authorized_keys` line and the private key
as an OpenSSH PEM file's bytes. awscrt is an optional dependency here
(`awsmini[crt]`); without it the command ends with one line naming it (exit
255) before anything is sent. No I/O.
"""
from __future__ import annotations

from awsmini.rsakeys import require_awscrt


def new_key_pair() -> tuple[str, bytes]:
    """(public key line, private key PEM bytes) of a new Ed25519 key."""
    crypto = require_awscrt("ec2-instance-connect ssh (without --private-key-file)")
    key = crypto.ED25519.new_generate()
    openssh = crypto.ED25519ExportFormat.OPENSSH_B64
    public = "ssh-ed25519 %s" % crypto.ED25519.export_public_key(key, openssh).decode()
    private = crypto.ED25519.export_private_key(key, openssh).decode()
    pem = ("-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----\n"
           % private)
    return public, pem.encode()
