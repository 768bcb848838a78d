"""`configure sso` and `configure sso-session`: v2's wizards for IAM Identity Center profiles.

As v2's `awscli/customizations/configure/sso_commands.py` and `sso.py`:

`configure sso` asks for an SSO session name (Enter for none: the legacy form,
with a warning), then, for a session not in the config file, its start URL,
region and registration scopes (for the legacy form, the start URL and region
only); signs in (`sso.login.sign_in`); lists the accounts and then the roles
available to the token (sso ListAccounts and ListAccountRoles, all pages), taking
the only one or asking for one; asks for the profile's default region and output
format, and for the profile's name (unless `--profile` gave one); and writes the
profile's section, then the sso-session's, in v2's key order.

`configure sso-session` asks for a session's name, start URL, region and scopes,
and writes the `[sso-session NAME]` section only. A vanity start URL (not on an
AWS-owned domain) that resolves gives the region without asking.
"""
from __future__ import annotations

import logging
import urllib.parse
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.configure import names
from awsmini.commands.configure.files import FullConfig, config_files, read_full_config
from awsmini.commands.configure.getset import write_values
from awsmini.commands.configure.ssoprompt import (Prompter, required_validator,
                                                  scopes_validator, start_url_validator)
from awsmini.commands.sso.profile import (SSOSettings, is_aws_owned, parse_scopes,
                                          resolve_start_url)
from awsmini.errors import OtherError

LOG = logging.getLogger(__name__)

DEFAULT_SCOPE = "sso:account:access"
OUTPUT_FORMATS = ("json", "text", "table", "yaml", "yaml-stream", "off")
# v2 prints it between colorama's bright and reset codes, on a terminal or not
LEGACY_WARNING = ("\x1b[1mWARNING: Configuring using legacy format (e.g. without an SSO "
                  "session).\nConsider re-running \"configure sso\" command and providing a "
                  "session name.\n\x1b[0m")


class _SessionAnswers:
    """The sso-session being configured and the values given for it (v2's
    SSOSessionConfigurationPrompter)."""

    def __init__(self, full: FullConfig, prompter: Prompter, context: Context) -> None:
        self.full = full
        self.prompter = prompter
        self.context = context
        self.name: str | None = None
        self.values: dict[str, Any] = {}

    def choose(self, name: str | None) -> None:
        self.name = name
        self.values = dict(self.full.sso_sessions.get(name or "", {}))

    def ask_name(self, required: bool) -> str | None:
        fmt = None
        if not self.name:
            fmt = "SSO session name: " if required else "SSO session name (Recommended): "
        answer = self.prompter.get_value(
            self.name, "SSO session name", completions=sorted(self.full.sso_sessions),
            validator=required_validator(self.name) if required else None, prompt_fmt=fmt)
        self.choose(answer or None)
        return self.name

    def _ask(self, key: str, text: str, validator: Any, completions: Any = ()) -> str | None:
        current = self.values.get(key)
        answer = self.prompter.get_value(current, text, completions=list(completions),
                                         validator=validator(current))
        if answer:
            self.values[key] = answer
        return answer

    def ask_start_url(self) -> str:
        urls = {values["sso_start_url"] for values in (*self.full.profiles.values(),
                                                       *self.full.sso_sessions.values())
                if "sso_start_url" in values}
        return self._ask("sso_start_url", "SSO start URL", start_url_validator,
                         sorted(urls)) or ""

    def ask_region(self) -> str:
        return self._ask("sso_region", "SSO region", required_validator) or ""

    def ask_scopes(self) -> list[str]:
        self.values.setdefault("sso_registration_scopes", DEFAULT_SCOPE)
        return parse_scopes(self._ask("sso_registration_scopes", "SSO registration scopes",
                                      scopes_validator) or "")

    def ask_start_url_and_region(self) -> tuple[str, str, str | None]:
        """The start URL, the region, and the URL a vanity start URL resolved to."""
        start_url = self.ask_start_url()
        host = urllib.parse.urlparse(start_url).hostname
        if host and not is_aws_owned(host):
            from awsmini.commands.sso.login import verify_setting

            try:
                resolved, region = resolve_start_url(start_url, None,
                                                     verify=verify_setting(self.context))
            except Exception as error:  # v2 asks for the region instead
                LOG.debug("Failed to resolve vanity URL '%s': %s. Falling back to region "
                          "prompt.", start_url, error)
            else:
                self.values["sso_region"] = region
                return start_url, region, resolved
        return start_url, self.ask_region(), None

    def write(self) -> None:
        if self.name:
            write_values(config_files(self.context.env.environ).config,
                         names.section_header("sso-session", self.name), self.values)


def run_configure_sso(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.commands.sso.login import sign_in, sso_client

    environ = context.env.environ
    full = read_full_config(config_files(environ))
    profile_name = context.settings.named_profile
    try:
        profile_config = names.scoped_config(profile_name, full)
    except names.ProfileNotFound:
        profile_config = {}
    prompter = Prompter(context.env)
    session = _SessionAnswers(full, prompter, context)
    if "sso_session" in profile_config:
        session.choose(profile_config["sso_session"])
    new_values: dict[str, Any] = {}
    settings, resolved, force = _registration(session, profile_config, new_values)
    token = sign_in(context, settings, resolved, no_browser=args["no-browser"],
                    use_device_code=args["use-device-code"], force_refresh=force,
                    without_profile=True)
    sso = sso_client(context, "sso", settings.region, without_profile=True)
    account, role = _account_and_role(sso, token, context, prompter, new_values)
    for key, text, completions in (
            ("region", "Default client Region", ()),
            ("output", "CLI default output format (json if not specified)", OUTPUT_FORMATS)):
        answer = prompter.get_value(profile_config.get(key), text,
                                    completions=list(completions))
        if answer:
            new_values[key] = answer
    if profile_name is None:
        default = "%s-%s" % (role, account) if account and role else None
        profile_name = prompter.get_value(default, "Profile name",
                                          validator=required_validator(default)) or ""
    if new_values:
        write_values(config_files(environ).config, names.profile_section(profile_name),
                     new_values)
    session.write()
    context.write(_conclusion(bool(account and role), profile_name))
    return 0


def _registration(session: _SessionAnswers, profile_config: Mapping[str, Any],
                  new_values: dict[str, Any]) -> tuple[SSOSettings, str | None, bool]:
    """What to sign in with, the resolved vanity URL, and whether to sign in anew."""
    name = session.ask_name(required=False)
    if name is None:
        session.context.write(LEGACY_WARNING)
        session.values = new_values  # the legacy form keeps its answers in the profile
        _defaults_from_profile(session, profile_config)
        start_url, region, resolved = session.ask_start_url_and_region()
        return SSOSettings(start_url, region), resolved, False
    new_values["sso_session"] = name
    if name in session.full.sso_sessions:
        from awsmini.commands.sso.profile import sso_settings

        return sso_settings(session.full.sso_sessions, {}, name), None, False
    _defaults_from_profile(session, profile_config)
    start_url, region, resolved = session.ask_start_url_and_region()
    scopes = session.ask_scopes()
    return SSOSettings(start_url, region, name, tuple(scopes)), resolved, True


def _defaults_from_profile(session: _SessionAnswers, profile_config: Mapping[str, Any]) -> None:
    for key in ("sso_start_url", "sso_region"):
        if key in profile_config:
            session.values[key] = profile_config[key]


def account_label(account: Mapping[str, Any]) -> str:
    """How v2 shows an account: name, email and ID, with what of them there is."""
    name, email, account_id = (account.get("accountName"), account.get("emailAddress"),
                               account["accountId"])
    if name is None and email is None:
        return account_id
    if email is None:
        return "%s (%s)" % (name, account_id)
    if name is None:
        return "%s (%s)" % (email, account_id)
    return "%s, %s (%s)" % (name, email, account_id)


def _account_order(account: Mapping[str, Any]) -> tuple:
    only_id = "accountName" not in account and "emailAddress" not in account
    for key in ("accountName", "emailAddress", "accountId"):
        if account.get(key) is not None:
            return (only_id, account[key].lower())
    return (only_id, "")


def _account_and_role(sso: Any, token: Mapping[str, Any], context: Context,
                      prompter: Prompter, new_values: dict[str, Any]
                      ) -> tuple[str | None, str | None]:
    from botocore.exceptions import ClientError

    from awsmini.call import translate_errors

    with translate_errors():
        try:
            account = _choose_account(sso, token, context, prompter)
            new_values["sso_account_id"] = account
            role = _choose_role(sso, token, account, context, prompter)
            new_values["sso_role_name"] = role
            return account, role
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "UnauthorizedException":
                raise
    context.write("Unable to list AWS accounts and/or roles. Skipping configuring AWS "
                  "credential provider for profile.\n")
    return new_values.get("sso_account_id"), None


def _choose_account(sso: Any, token: Mapping[str, Any], context: Context,
                    prompter: Prompter) -> str:
    accounts = sso.get_paginator("list_accounts").paginate(
        accessToken=token["accessToken"]).build_full_result().get("accountList", [])
    if not accounts:
        raise OtherError("No AWS accounts are available to you.")
    if len(accounts) == 1:
        account_id = accounts[0]["accountId"]
        context.write("The only AWS account available to you is: %s\n" % account_id)
    else:
        context.write("There are %d AWS accounts available to you.\n" % len(accounts))
        chosen = prompter.select(sorted(accounts, key=_account_order), account_label,
                                 lambda account: (account["accountId"],))
        account_id = chosen["accountId"]
    context.write("Using the account ID %s\n" % account_id)
    return account_id


def _choose_role(sso: Any, token: Mapping[str, Any], account_id: str, context: Context,
                 prompter: Prompter) -> str:
    roles = sso.get_paginator("list_account_roles").paginate(
        accountId=account_id, accessToken=token["accessToken"]).build_full_result().get(
        "roleList", [])
    if not roles:
        raise OtherError("No roles are available for the account %s" % account_id)
    if len(roles) == 1:
        role_name = roles[0]["roleName"]
        context.write("The only role available to you is: %s\n" % role_name)
    else:
        context.write("There are %d roles available to you.\n" % len(roles))
        names_sorted = sorted((role["roleName"] for role in roles), key=str.lower)
        role_name = prompter.select(names_sorted, str, lambda name: (name,))
    context.write('Using the role name "%s"\n' % role_name)
    return role_name


def _conclusion(has_credentials: bool, profile_name: str) -> str:
    if not has_credentials:
        return "Successfully configured SSO for profile: %s\n" % profile_name
    if profile_name.lower() == "default":
        return ("The AWS CLI is now configured to use the default profile.\nRun the following "
                "command to verify your configuration:\n\naws sts get-caller-identity\n")
    return ("To use this profile, specify the profile name using --profile, as shown:\n\n"
            "aws sts get-caller-identity --profile %s\n" % profile_name)


def run_configure_sso_session(args: Mapping[str, Any], context: Context) -> int:
    full = read_full_config(config_files(context.env.environ))
    session = _SessionAnswers(full, Prompter(context.env), context)
    session.ask_name(required=True)
    session.ask_start_url_and_region()
    session.ask_scopes()
    session.write()
    context.write("\nCompleted configuring SSO session: %s\nRun the following to login and "
                  "refresh access token for this session:\n\naws sso login --sso-session %s\n"
                  % (session.name, session.name))
    return 0

