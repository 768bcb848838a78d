"""iam create-virtual-mfa-device --outfile --bootstrap-method end to end against
moto_server: the chosen bootstrap value is saved to a file only the user can read,
and neither value prints (awscli/customizations/iamvirtmfa.py)."""
from __future__ import annotations

import base64
import json

import pytest


def _listed(aws, serial: str) -> dict:
    listed = aws("iam", "list-virtual-mfa-devices")
    [device] = [device for device in json.loads(listed.stdout)["VirtualMFADevices"]
                if device["SerialNumber"] == serial]
    return device


@pytest.mark.parametrize("method", ["Base32StringSeed", "QRCodePNG"])
def test_the_chosen_value_is_saved_and_not_printed(aws, tmp_path, method):
    (tmp_path / "old").write_bytes(b"previous contents, longer than what replaces them" * 9)
    (tmp_path / "old").chmod(0o644)
    made = aws("iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "phone",
               "--outfile", "old", "--bootstrap-method", method)
    assert made.returncode == 0, made.stderr
    device = json.loads(made.stdout)["VirtualMFADevice"]
    assert set(device) == {"SerialNumber"}
    # what the service holds, base64 in the listing: the file has it decoded, whole
    saved = base64.b64decode(_listed(aws, device["SerialNumber"])[method])
    assert (tmp_path / "old").read_bytes() == saved
    assert (tmp_path / "old").stat().st_mode & 0o777 == 0o600
    if method == "Base32StringSeed":
        assert saved.isalnum() and saved.upper() == saved  # the seed's text


def test_a_folder_that_cannot_be_written_is_refused_before_the_request(aws, tmp_path):
    refused = aws("iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "phone",
                  "--outfile", str(tmp_path / "missing" / "qr.png"), "--bootstrap-method",
                  "QRCodePNG")
    assert refused.returncode == 252
    assert refused.stderr.strip().endswith(
        "Unable to write to file: %s" % (tmp_path / "missing" / "qr.png"))
    assert json.loads(aws("iam", "list-virtual-mfa-devices").stdout)["VirtualMFADevices"] == []


def test_both_options_are_required_and_the_method_is_a_choice(aws):
    missing = aws("iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "phone")
    assert missing.returncode == 252
    assert ("the following arguments are required: --outfile, --bootstrap-method"
            in missing.stderr)
    wrong = aws("iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "phone",
                "--outfile", "f", "--bootstrap-method", "SMS")
    assert wrong.returncode == 252
    assert "argument --bootstrap-method: Found invalid choice 'SMS'" in wrong.stderr


def test_an_error_response_writes_no_file(aws, tmp_path):
    assert aws("iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "phone",
               "--outfile", "first", "--bootstrap-method", "QRCodePNG").returncode == 0
    again = aws("iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "phone",
                "--outfile", "second", "--bootstrap-method", "QRCodePNG")
    assert again.returncode == 254
    assert "EntityAlreadyExists" in again.stderr
    assert not (tmp_path / "second").exists()
