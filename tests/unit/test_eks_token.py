"""The pure parts of `eks get-token` and the offline signer it shares with the other
token helpers (awsmini/commands/eks/token.py, awsmini/commands/presigned.py)."""
from __future__ import annotations

import base64
import datetime
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from awsmini.commands.eks import token
from awsmini.commands.presigned import presign


@pytest.mark.parametrize("url", [
    "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity",
    "a", "ab", "abc", "https://x/?q=\u00e9",  # every padding length, and non-ASCII
], ids=["url", "pad2", "pad1", "pad0", "utf8"])
def test_token_is_unpadded_base64url_of_the_url_and_decodes_back(url):
    encoded = token.encode_token(url)
    assert encoded.startswith("k8s-aws-v1.")
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    assert _decode_token(encoded) == url


def _decode_token(encoded):
    """The presigned URL inside a token (as the cluster's authenticator reads it)."""
    body = encoded[len(token.TOKEN_PREFIX):]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode("utf-8")


def test_known_token_bytes():
    assert token.encode_token("https://a/?b") == "k8s-aws-v1.aHR0cHM6Ly9hLz9i"


def test_expiration_is_fourteen_minutes_later_in_utc_seconds():
    now = datetime.datetime(2024, 5, 1, 23, 50, 30, 999999,
                            tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    assert token.expiration_timestamp(now) == "2024-05-01T22:04:30Z"


def test_exec_credential_keys_are_in_v2_order():
    document = token.exec_credential(token.BETA_API, "T", "k8s-aws-v1.x")
    assert json.dumps(document) == (
        '{"kind": "ExecCredential", "apiVersion": "client.authentication.k8s.io/v1beta1", '
        '"spec": {}, "status": {"expirationTimestamp": "T", "token": "k8s-aws-v1.x"}}')


@pytest.mark.parametrize("exec_info, version, warning", [
    ("", token.BETA_API, None),
    ('{"apiVersion": "client.authentication.k8s.io/v1"}', "client.authentication.k8s.io/v1",
     None),
    ('{"apiVersion": "client.authentication.k8s.io/v1beta1"}', token.BETA_API, None),
    ('{"apiVersion": "client.authentication.k8s.io/v1alpha1"}',
     "client.authentication.k8s.io/v1alpha1", "deprecated API version"),
    ('{"apiVersion": "client.authentication.k8s.io/v9"}', token.BETA_API, "Unrecognized"),
    ("{not json", token.BETA_API, "Error parsing KUBERNETES_EXEC_INFO"),
    ("[1]", token.BETA_API, "Unrecognized"),
], ids=["unset", "v1", "v1beta1", "v1alpha1", "unknown", "malformed", "not-an-object"])
def test_api_version_from_kubernetes_exec_info(exec_info, version, warning):
    found, message = token.api_version(exec_info)
    assert found == version
    if warning is None:
        assert message is None
    else:
        assert warning in message


@pytest.mark.parametrize("region, host, signing", [
    (None, "sts.amazonaws.com", "us-east-1"),
    ("aws-global", "sts.amazonaws.com", "us-east-1"),
    ("eu-west-1", "sts.eu-west-1.amazonaws.com", "eu-west-1"),
    ("cn-north-1", "sts.cn-north-1.amazonaws.com.cn", "cn-north-1"),
    ("us-gov-west-1", "sts.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
    ("us-isob-east-1", "sts.us-isob-east-1.sc2s.sgov.gov", "us-isob-east-1"),
], ids=["none", "global", "eu", "china", "govcloud", "isob"])
def test_sts_host_follows_the_partition(region, host, signing):
    assert token.sts_host(region) == (host, signing)


def test_sts_host_matches_botocore_endpoint_resolution():
    import botocore.session

    session = botocore.session.Session()
    for region in ("us-east-1", "ap-southeast-2", "cn-northwest-1", "us-gov-east-1"):
        client = session.create_client("sts", region_name=region, aws_access_key_id="A",
                                       aws_secret_access_key="B")
        assert client.meta.endpoint_url == "https://%s" % token.sts_host(region)[0]


def _frozen(access="AKIDEXAMPLE", secret="secret", session_token=None):
    from botocore.credentials import ReadOnlyCredentials

    return ReadOnlyCredentials(access, secret, session_token)


def test_presigned_sts_url_signs_the_cluster_header():
    url = presign("https://sts.us-east-1.amazonaws.com/", token.STS_PARAMS,
                  headers={token.K8S_AWS_ID_HEADER: "demo"}, credentials=_frozen(),
                  region="us-east-1", signing_name="sts", expires=60)
    parts = urlsplit(url)
    assert parts.query.startswith("Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=")
    query = parse_qs(parts.query)
    assert query["X-Amz-SignedHeaders"] == ["host;x-k8s-aws-id"]
    assert query["X-Amz-Expires"] == ["60"]
    assert re.fullmatch(r"AKIDEXAMPLE/\d{8}/us-east-1/sts/aws4_request",
                        query["X-Amz-Credential"][0])
    assert re.fullmatch(r"[0-9a-f]{64}", query["X-Amz-Signature"][0])


def test_session_token_is_in_the_url():
    url = presign("https://h/", {"Action": "x"}, credentials=_frozen(session_token="tok/en"),
                  region="us-east-1", signing_name="sts", expires=60)
    assert "&X-Amz-Security-Token=tok%2Fen&" in url


def test_rds_token_equals_botocore_client_generate_db_auth_token():
    """The offline signer gives botocore's own client method's URL, byte for byte
    (compared within one second, as both sign with the clock)."""
    import botocore.session

    from awsmini.commands.rds.token import EXPIRES

    client = botocore.session.Session().create_client(
        "rds", region_name="eu-west-1", aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret")
    for _ in range(5):
        expected = client.generate_db_auth_token("db.example.com", 5432, "app user")
        ours = presign("https://db.example.com:5432/", {"Action": "connect",
                                                         "DBUser": "app user"},
                       credentials=_frozen(), region="eu-west-1", signing_name="rds-db",
                       expires=EXPIRES)[len("https://"):]
        if _amz_date(ours) == _amz_date(expected):
            break
    assert ours == expected


def test_dsql_token_equals_botocore_client_generate_db_connect_admin_auth_token():
    import botocore.session

    client = botocore.session.Session().create_client(
        "dsql", region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret")
    for _ in range(5):
        expected = client.generate_db_connect_admin_auth_token("abc.dsql.us-east-1.on.aws",
                                                               "us-east-1", 120)
        ours = presign("https://abc.dsql.us-east-1.on.aws/", {"Action": "DbConnectAdmin"},
                       credentials=_frozen(), region="us-east-1", signing_name="dsql",
                       expires=120)[len("https://"):]
        if _amz_date(ours) == _amz_date(expected):
            break
    assert ours == expected


def _amz_date(url: str) -> str:
    return parse_qs(urlsplit("https://" + url).query)["X-Amz-Date"][0]
