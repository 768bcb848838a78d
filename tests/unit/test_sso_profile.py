"""The IAM Identity Center settings of a profile, and start URLs (commands/sso/profile.py)."""
from __future__ import annotations

import pytest

from awsmini.commands.sso import flows
from awsmini.commands.sso.profile import (SSOSettings, is_aws_owned, parse_scopes,
                                          region_of_host, resolve_start_url, sso_settings)
from awsmini.errors import ConfigurationError

URL = "https://d-1.awsapps.com/start"
SESSIONS = {"corp": {"sso_start_url": URL, "sso_region": "eu-west-1",
                     "sso_registration_scopes": "sso:account:access, , extra:scope"}}


@pytest.mark.parametrize("sessions, scoped, option, expected", [
    ({}, {"sso_start_url": URL, "sso_region": "us-east-1"}, None,
     SSOSettings(URL, "us-east-1")),
    (SESSIONS, {"sso_session": "corp"}, None,
     SSOSettings(URL, "eu-west-1", "corp", ("sso:account:access", "extra:scope"))),
    # the option wins over the profile's own settings
    (SESSIONS, {"sso_start_url": "https://x.awsapps.com/start", "sso_region": "us-east-1"},
     "corp", SSOSettings(URL, "eu-west-1", "corp", ("sso:account:access", "extra:scope"))),
    ({"s": {"sso_start_url": URL, "sso_region": "us-west-2"}}, {"sso_session": "s"}, None,
     SSOSettings(URL, "us-west-2", "s", None)),
], ids=["legacy", "profile-session", "option-session", "no-scopes"])
def test_sso_settings(sessions, scoped, option, expected):
    assert sso_settings(sessions, scoped, option) == expected


def test_missing_values_are_named_in_order():
    with pytest.raises(ConfigurationError) as caught:
        sso_settings({}, {"sso_region": "us-east-1"})
    assert caught.value.message.startswith(
        "Missing the following required SSO configuration values: sso_start_url. To make")
    assert caught.value.exit_code == 253


def test_parse_scopes():
    assert parse_scopes(" a, b ,,c ") == ["a", "b", "c"]


@pytest.mark.parametrize("host, owned", [
    ("d-1.awsapps.com", True), ("D-1.AWSAPPS.COM.", True), ("awsapps.com", True),
    ("ssoins-1.portal.us-east-1.app.aws", True), ("identitycenter.amazonaws.com", True),
    ("evil-awsapps.com", False), ("login.example.com", False), ("awsapps.com.evil", False),
])
def test_aws_owned_hosts(host, owned):
    assert is_aws_owned(host) is owned


@pytest.mark.parametrize("host, region", [
    ("ssoins-1.portal.eu-central-1.app.aws", "eu-central-1"),
    ("ssoins-1.ap-south-1.portal.amazonaws.com", "ap-south-1"),
    ("d-1.awsapps.com", None),
])
def test_region_of_host(host, region):
    assert region_of_host(host) == region


def test_owned_start_url_is_used_as_it_is():
    assert resolve_start_url(URL, "us-east-2") == (URL, "us-east-2")


@pytest.mark.parametrize("url, region, message", [
    ("http://d-1.awsapps.com/start", "us-east-1", "The sso_start_url must use the https scheme."),
    ("https:///start", "us-east-1", "Invalid sso_start_url: 'https:///start'"),
    (URL, None, "Missing required configuration: sso_region. Please run 'aws configure sso' "
     "to set it."),
])
def test_start_url_errors(url, region, message):
    with pytest.raises(ConfigurationError) as caught:
        resolve_start_url(url, region)
    assert caught.value.message == message


def test_pkce_pair():
    verifier = flows.code_verifier()
    assert len(verifier) == 64 and verifier != flows.code_verifier()
    assert set(verifier) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                "0123456789-._~")
    # RFC 7636, appendix B
    assert flows.code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == \
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
