"""RSA key pairs for the tests, made by openssl (an implementation apart from the
awscrt that awsmini decrypts and signs with)."""
from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest


def openssl(*args: str, stdin: bytes = b"") -> bytes:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test's key pair")
    return subprocess.run(["openssl", *args], input=stdin, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout


def make_key_pair(folder: Path) -> tuple[Path, Path]:
    """(private key in PKCS#1 PEM, as EC2 and CloudFront hand them out; its public key)."""
    private, public = folder / "keypair.pem", folder / "public.pem"
    openssl("genrsa", "-traditional", "-out", str(private), "2048")
    openssl("rsa", "-in", str(private), "-pubout", "-out", str(public))
    return private, public


def encrypted(public: Path, text: str) -> str:
    """`text` encrypted to the public key (PKCS#1 v1.5), base64, as EC2 sends it."""
    cipher = openssl("pkeyutl", "-encrypt", "-pubin", "-inkey", str(public),
                     "-pkeyopt", "rsa_padding_mode:pkcs1", stdin=text.encode())
    return base64.b64encode(cipher).decode()


def verifies(public: Path, message: bytes, signature: bytes, folder: Path) -> bool:
    """Whether `signature` is the key's PKCS#1 v1.5 SHA-1 signature of `message`."""
    (folder / "message").write_bytes(message)
    (folder / "signature").write_bytes(signature)
    done = subprocess.run(["openssl", "dgst", "-sha1", "-verify", str(public), "-signature",
                           str(folder / "signature"), str(folder / "message")],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return done.returncode == 0 and done.stdout.strip() == b"Verified OK"
