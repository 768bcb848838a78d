"""`sso login` and `sso logout`, declared as data.

v2 adds both beside the model's operations (`awscli/customizations/sso/__init__.py`,
`login.py`, `logout.py`, the flags of `utils.py`'s LOGIN_ARGS); the help text is
awsmini's own. The runs live in `login.py` and `logout.py`; the token flows in
`flows.py`, the browser and the loopback callback in `browser.py`, and reading the
profile's IAM Identity Center settings in `profile.py`.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "AWS IAM Identity Center (successor to AWS Single Sign-On)."


def flag(name: str, documentation: str) -> ArgSpec:
    return ArgSpec(name, "", "", "boolean", is_cli_only=True, documentation=documentation,
                   default=False)


# The two flags `sso login` shares with `configure sso` (v2's LOGIN_ARGS).
LOGIN_FLAGS = (
    flag("no-browser", "Do not open the sign-in page in a browser: only print its URL (and "
         "the code to enter there), to be opened on this or another device."),
    flag("use-device-code", "Sign in with the device code flow (a URL and a code to enter "
         "there, usable from another device) instead of the authorization code flow, whose "
         "browser must reach this machine's loopback address."),
)

LOGIN = (
    "<p>Sign in to AWS IAM Identity Center and cache the access token it gives, from which "
    "the profile's commands then get temporary AWS credentials. The profile (or "
    "<code>--sso-session</code>) must already name a start URL and a region, as "
    "<code>aws configure sso</code> writes them. A new token is fetched each time, "
    "replacing the cached one; one token serves every profile of the same SSO session.</p>"
    "<p>A profile with an <code>sso_session</code> signs in with the authorization code "
    "flow: a browser opens the sign-in page, which then hands the code back to a "
    "short-lived server on this machine's loopback address. A legacy profile (its own "
    "<code>sso_start_url</code>), or <code>--use-device-code</code>, uses the device code "
    "flow: a URL and a code to confirm there. Tokens are kept in "
    "<code>~/.aws/sso/cache</code>.</p>")

LOGOUT = (
    "<p>Sign out of AWS IAM Identity Center: every cached access token (of every profile "
    "and SSO session) is revoked with the service and deleted, and so are the temporary AWS "
    "credentials obtained with them. Run <code>aws sso login</code> to use those profiles "
    "again.</p>")

COMMANDS = {
    "login": CustomCommand("login", LOGIN, LOGIN_FLAGS + (
        ArgSpec("sso-session", "", "", "string", is_cli_only=True, documentation=(
            "The SSO session to sign in to, in place of the one the profile names (which "
            "is what is usually wanted).")),
    ), "awsmini.commands.sso.login:run_login"),
    "logout": CustomCommand("logout", LOGOUT, (), "awsmini.commands.sso.logout:run_logout"),
}
