"""RSA private keys in PEM form: decrypting and signing, through awscrt.

Takes the bytes of a PEM private key (PKCS#1 `RSA PRIVATE KEY` or PKCS#8
`PRIVATE KEY`); returns what v2 computes with it: the plaintext of data
encrypted to the key with PKCS#1 v1.5 padding (EC2's Windows password), or a
PKCS#1 v1.5 SHA-1 signature (CloudFront's signed URLs), from the key that
`load_private_key` loads. v2 does both with
awscrt, which is an optional dependency here (`pip install 'awsmini[crt]'`):
without it, `require_awscrt` raises one `OtherError` line (exit 255, as v2
ends on a missing module) naming what needed it. No file or network I/O.
"""
from __future__ import annotations

import hashlib
from typing import Any

from awsmini.errors import OtherError

INSTALL_HINT = "pip install 'awsmini[crt]'"


def require_awscrt(needed_by: str) -> Any:
    """awscrt's `crypto` module; OtherError naming `needed_by` when it is not installed."""
    try:
        from awscrt import crypto
    except ImportError:
        raise OtherError("%s needs the awscrt package, which is not installed (%s)"
                         % (needed_by, INSTALL_HINT)) from None
    return crypto


def load_private_key(private_key_pem: bytes, needed_by: str) -> Any:
    """awscrt's key of the PEM bytes. awscrt's own error (a malformed key) propagates:
    the caller words the message."""
    crypto = require_awscrt(needed_by)
    return crypto.RSA.new_private_key_from_pem_data(private_key_pem)


def decrypt_pkcs1v15(key: Any, ciphertext: bytes) -> bytes:
    """The plaintext of `ciphertext` (PKCS#1 v1.5 padding) under a loaded key;
    awscrt's error for the wrong key propagates."""
    from awscrt.crypto import RSAEncryptionAlgorithm

    return bytes(key.decrypt(RSAEncryptionAlgorithm.PKCS1_5, ciphertext))


def sign_sha1(key: Any, message: bytes) -> bytes:
    """The PKCS#1 v1.5 signature of `message`'s SHA-1 digest under a loaded key."""
    from awscrt.crypto import RSASignatureAlgorithm

    return bytes(key.sign(RSASignatureAlgorithm.PKCS1_5_SHA1, hashlib.sha1(message).digest()))
