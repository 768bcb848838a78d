"""git's credential protocol and the CodeCommit password
(awsmini/commands/codecommit/helper.py)."""
from __future__ import annotations

import datetime

import pytest

from awsmini.commands.codecommit import helper
from awsmini.errors import OtherError


@pytest.mark.parametrize("lines, expected", [
    (["protocol=https\n", "host=git-codecommit.us-east-1.amazonaws.com\n",
      "path=v1/repos/r\n", "\n"],
     {"protocol": "https", "host": "git-codecommit.us-east-1.amazonaws.com",
      "path": "v1/repos/r"}),
    (["  host=h  \r\n", "", "wwwauth[]=Basic realm=x\n"],
     {"host": "h", "wwwauth[]": "Basic realm=x"}),
    (["host=a\n", "host=b\n"], {"host": "b"}),
    (["password=\n"], {"password": ""}),
    ([], {}),
], ids=["git", "value-with-equals", "last-wins", "empty-value", "nothing"])
def test_parse_git_parameters(lines, expected):
    assert helper.parse_git_parameters(lines) == expected


def test_a_line_without_equals_is_a_clear_error():
    with pytest.raises(OtherError, match="expected key=value"):
        helper.parse_git_parameters(["protocol=https\n", "garbage\n"])


@pytest.mark.parametrize("host, region", [
    ("git-codecommit.eu-west-1.amazonaws.com", "eu-west-1"),
    ("git-codecommit-fips.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
    ("vpce-0abc-def.git-codecommit.us-east-2.vpce.amazonaws.com", "us-east-2"),
    ("git-codecommit.eu-west-1.amazonaws.com:443", "eu-west-1"),
    ("example.com", None),
    ("codecommit.amazon.com", None),
], ids=["plain", "fips", "vpce", "port", "other", "amazon-com"])
def test_host_region(host, region):
    assert helper.host_region(host) == region


def test_password_matches_botocore_sigv4_at_a_fixed_time():
    """The string to sign and the signature from botocore's own SigV4Auth, over v2's
    canonical request (method GIT, host without port, no payload hash)."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    when = datetime.datetime(2021, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc)
    url = "https://git-codecommit.eu-west-1.amazonaws.com:443/v1/repos/my-repo"
    signer = SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG"), "codecommit",
                       "eu-west-1")
    request = AWSRequest(method="GIT", url=url)
    request.context["timestamp"] = "20210304T050607"
    canonical = ("GIT\n/v1/repos/my-repo\n\nhost:git-codecommit.eu-west-1.amazonaws.com\n\n"
                 "host\n")
    signature = signer.signature(signer.string_to_sign(request, canonical), request)
    assert helper.git_password("wJalrXUtnFEMI/K7MDENG", "eu-west-1", url, when) == (
        "20210304T050607Z" + signature)


def test_password_changes_with_region_path_and_time():
    when = datetime.datetime(2021, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc)
    base = helper.git_password("s", "us-east-1", "https://h/v1/repos/a", when)
    assert base != helper.git_password("s", "us-east-2", "https://h/v1/repos/a", when)
    assert base != helper.git_password("s", "us-east-1", "https://h/v1/repos/b", when)
    later = when + datetime.timedelta(seconds=1)
    assert helper.git_password("s", "us-east-1", "https://h/v1/repos/a", later).startswith(
        "20210304T050608Z")
