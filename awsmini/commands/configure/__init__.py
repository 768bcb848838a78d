"""`configure`: v2's commands that read and write the config and credentials files, as data.

The subcommands and their arguments follow v2's `awscli/customizations/
configure/` (one module per subcommand there); the help text is awsmini's own.
`configure` alone is `DEFAULT`, the interactive form. Nothing here imports
botocore: each run lives in a sibling module, imported only when it runs, and
only `list` and `export-credentials` (which resolve credentials) and `add-model`
load botocore at all.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, option

DESCRIPTION = (
    "<p>Read and change the settings of the AWS CLI kept in the config file "
    "(<code>~/.aws/config</code>, or <code>AWS_CONFIG_FILE</code>) and the credentials file "
    "(<code>~/.aws/credentials</code>, or <code>AWS_SHARED_CREDENTIALS_FILE</code>).</p>"
    "<p>Run without a subcommand, <code>configure</code> asks for four values in turn: the "
    "access key ID, the secret access key, the default region and the default output "
    "format (and a session token for temporary keys). Each prompt shows the current value "
    "in brackets, keys masked but for their last four characters; pressing Enter keeps it. "
    "Only the values that changed are written: the keys to the credentials file, the rest "
    "to the config file, in the section of <code>--profile</code> (or "
    "<code>default</code>).</p>"
    "<p>The subcommands get or set one value by name, list where the current settings "
    "come from, list the profiles, import keys from the console's CSV file, print the "
    "resolved credentials for other tools, and add a service model.</p>")

# The names the prompt offers for `configure get` and `configure set`.
CONFIG_KEYS = (
    "region", "output", "aws_access_key_id", "aws_secret_access_key", "aws_session_token",
    "cli_pager", "cli_auto_prompt", "cli_binary_format", "cli_timestamp_format",
    "cli_history", "cli_help_output", "ca_bundle", "endpoint_url", "max_attempts",
    "retry_mode", "role_arn", "source_profile", "credential_source", "external_id",
    "mfa_serial", "role_session_name", "duration_seconds", "web_identity_token_file",
    "credential_process", "sso_session", "sso_account_id", "sso_role_name", "sso_start_url",
    "sso_region", "use_dualstack_endpoint", "use_fips_endpoint", "parameter_validation",
    "tcp_keepalive", "s3.max_concurrent_requests", "s3.max_queue_size",
    "s3.multipart_threshold", "s3.multipart_chunksize", "s3.max_bandwidth",
    "s3.addressing_style", "s3.use_accelerate_endpoint", "s3.payload_signing_enabled",
    "s3.preferred_transfer_client")


def _word(name: str, documentation: str) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_required=True, is_positional=True,
                   is_cli_only=True, documentation=documentation)


SSO_SESSION_GET = option("sso-session", "Read the name from this <code>[sso-session NAME]"
                          "</code> section instead of a profile.")
SERVICES_GET = option("services", "Read the name from this <code>[services NAME]</code> "
                       "section instead of a profile.")
SSO_SESSION_SET = option("sso-session", "Write to this <code>[sso-session NAME]</code> "
                          "section of the config file instead of a profile.")
SERVICES_SET = option("services", "Write to this <code>[services NAME]</code> section of "
                       "the config file instead of a profile.")

FORMATS = ("process", "env", "env-no-export", "powershell", "windows-cmd", "fish")

_RUN = "awsmini.commands.configure."

# `configure sso` signs in as `sso login` does, with its two flags (v2's LOGIN_ARGS)
SSO_FLAGS = tuple(
    ArgSpec(name, "", "", "boolean", is_cli_only=True, default=False, documentation=text)
    for name, text in (
        ("no-browser", "Do not open the sign-in page in a browser: only print its URL (and "
         "the code to enter there), to be opened on this or another device."),
        ("use-device-code", "Sign in with the device code flow (a URL and a code to enter "
         "there, usable from another device) instead of the authorization code flow.")))

DEFAULT = CustomCommand(
    "configure", DESCRIPTION, (), _RUN + "interactive:run_interactive", usage="")

COMMANDS = {
    "list": CustomCommand(
        "list", "<p>Show the profile, access key, secret key and region the CLI would use "
        "now, each with where it was found: its type (<code>env</code>, "
        "<code>config-file</code>, <code>shared-credentials-file</code>, "
        "<code>iam-role</code>, <code>assume-role</code>, ...) and its location. Keys are "
        "masked but for their last four characters. Temporary credentials (roles, IAM "
        "Identity Center) are resolved to show the keys in use.</p>",
        (), _RUN + "listing:run_list", usage=""),
    "get": CustomCommand(
        "get", "<p>Print one value from the config or credentials file, read from the files "
        "alone (the environment is not consulted). A plain name is the current profile's; "
        "<code>default.NAME</code>, <code>profile.PROFILE.NAME</code> and "
        "<code>PROFILE.NAME</code> name another profile's, and a further "
        "<code>.KEY</code> a key of a nested section such as <code>s3</code>. A name that is "
        "not set prints nothing and exits with 1.</p>",
        (_word("varname", "The name of the value to print."), SSO_SESSION_GET, SERVICES_GET),
        _RUN + "getset:run_get", usage="", word_values=CONFIG_KEYS),
    "set": CustomCommand(
        "set", "<p>Write one value to the config file, or, for "
        "<code>aws_access_key_id</code>, <code>aws_secret_access_key</code> and "
        "<code>aws_session_token</code>, to the credentials file. Names are read as in "
        "<code>configure get</code>: <code>s3.max_concurrent_requests</code> writes an "
        "indented key under <code>s3 =</code>. Missing files and sections are created (new "
        "files readable by their owner only); everything else in the file is kept as it "
        "was.</p>",
        (_word("varname", "The name of the value to write."),
         _word("value", "The value to write."), SSO_SESSION_SET, SERVICES_SET),
        _RUN + "getset:run_set", usage="", word_values=CONFIG_KEYS),
    "add-model": CustomCommand(
        "add-model", "<p>Install a service model (a <code>service-2.json</code> document) "
        "under <code>~/.aws/models/SERVICE/API-VERSION/</code>, where the CLI finds it as a "
        "service of its own.</p>",
        (option("service-model", "The model's JSON; <code>file://</code> reads it from a "
                 "file.", is_required=True),
         option("service-name", "The service's command name, in place of the one taken "
                 "from the model's endpoint prefix.")),
        _RUN + "addmodel:run_add_model", usage=""),
    "import": CustomCommand(
        "import", "<p>Add the access keys of a credentials CSV file from the AWS console to "
        "the credentials file, one profile per row, named after the row's user name.</p>",
        (option("csv", "The CSV text, or <code>file://PATH</code> to read it from a file. It "
                 "needs the columns <code>User name</code>, <code>Access key ID</code> and "
                 "<code>Secret access key</code>.", is_required=True),
         ArgSpec("skip-invalid", "", "", "boolean", is_cli_only=True, default=False,
                 documentation="Leave out rows without keys instead of stopping at them."),
         option("profile-prefix", "Put this before the name of every profile imported.",
                 default="")),
        _RUN + "importer:run_import", usage=""),
    "list-profiles": CustomCommand(
        "list-profiles", "<p>Print the name of every profile of the config and credentials "
        "files, one a line.</p>", (), _RUN + "listing:run_list_profiles", usage=""),
    "sso": CustomCommand(
        "sso", "<p>Set up a profile that gets temporary AWS credentials from AWS IAM "
        "Identity Center, by answering questions: the SSO session (its start URL, region and "
        "registration scopes, for a session not configured yet), then, once you have signed "
        "in, the account and the role to use (listed from what the sign-in gives access "
        "to), the profile's default region and output format, and the profile's name "
        "(unless <code>--profile</code> names it). Each question shows the current value in "
        "brackets; Enter keeps it.</p><p>The profile and the "
        "<code>[sso-session NAME]</code> section are written to the config file "
        "(<code>~/.aws/config</code>). Leaving the session name empty writes the legacy "
        "form, with the start URL and region in the profile itself.</p>",
        SSO_FLAGS, _RUN + "sso:run_configure_sso", usage=""),
    "sso-session": CustomCommand(
        "sso-session", "<p>Set up an <code>[sso-session NAME]</code> section of the config "
        "file by answering questions: its name, its start URL, its region and its "
        "registration scopes. Each question shows the current value in brackets; Enter "
        "keeps it. Profiles then name the session in <code>sso_session</code>, and "
        "<code>aws sso login --sso-session NAME</code> signs in to it.</p>",
        (), _RUN + "sso:run_configure_sso_session", usage=""),
    "export-credentials": CustomCommand(
        "export-credentials", "<p>Resolve credentials as any command would (environment, "
        "files, roles, processes, ...) and print them for another program: as JSON for "
        "<code>credential_process</code>, or as variable assignments for a shell. "
        "<code>--query</code> and <code>--output</code> do not apply.</p>",
        (option("format", "<p>How to print them: <code>process</code> (the default), JSON "
                 "as <code>credential_process</code> expects it; <code>env</code>, "
                 "<code>export</code> lines; <code>env-no-export</code>, plain assignments; "
                 "<code>powershell</code>, <code>windows-cmd</code> and <code>fish</code>, "
                 "those shells' assignments.</p>", choices=FORMATS, default="process"),),
        _RUN + "exportcreds:run_export", usage=""),
}
