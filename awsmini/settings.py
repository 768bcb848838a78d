"""The one lookup of a setting: option > environment variable > profile > default.

Takes the global options and the environment (a mapping: `Env.environ`); answers
`get(name)` with the value of `name` in the active profile's section of
`~/.aws/config` (or `AWS_CONFIG_FILE`), `lookup(...)` with the first of option,
environment variable, profile and default, and one method per setting of the
CLI's own (`output`, `pager`, `error_format`, `auto_prompt`, `binary_format`,
...) that names its chain once. The profile is the one named by `--profile`,
`AWS_PROFILE` or `AWS_DEFAULT_PROFILE`, else `default`.

The config file is read once per process, whatever number of `Settings` ask
(the error boundary, the driver, botocore's session through `full_config`): its
text is kept by path, and read again only when the file has changed (the shell
runs `configure set` between commands). botocore's own config loader parses it,
at most once, and only when a name asked for appears in the text at all, so
offline paths that never ask pay nothing. Credentials and region are not
resolved here: botocore's session does that (`session.py`).
"""
from __future__ import annotations

import copy
import os
from typing import Any, Mapping

from awsmini.configpaths import config_file, credentials_file
from awsmini.globalopts import OUTPUT_CHOICES, GlobalOptions

PROMPT_MODES = ("on", "on-partial", "shell")
DEFAULT_PAGER = "less"


class Settings:
    """Settings of the profile named by `--profile`, `AWS_PROFILE` or `default`."""

    def __init__(self, options: GlobalOptions, environ: Mapping[str, str]) -> None:
        self.options = options
        self.environ = environ
        self.named_profile: str | None = (options.profile or environ.get("AWS_PROFILE")
                                          or environ.get("AWS_DEFAULT_PROFILE") or None)
        self.profile = self.named_profile or "default"
        self.path = config_file(environ)
        self.credentials_path = credentials_file(environ)

    # ------------------------------------------------------------ the chain

    def get(self, name: str) -> Any:
        """The profile's value for `name`, or None."""
        if name not in _config_file(self.path).text:
            return None  # not in the file at all: no need to parse it
        return _config_file(self.path).profiles().get(self.profile, {}).get(name)

    def lookup(self, name: str, option: Any = None, variable: str | None = None,
               default: Any = None) -> Any:
        """v2's precedence for one setting: the option's value when given, then the
        environment `variable` when set (even empty: botocore's environment provider
        stops there), then the profile's `name`, then `default`."""
        if option is not None:
            return option
        if variable is not None and variable in self.environ:
            return self.environ[variable] or default
        value = self.get(name)
        return default if value is None or value == "" else value

    def full_config(self) -> dict[str, Any]:
        """botocore's `Session.full_config`, from the same reading of the config file:
        every profile of the config file, with the credentials file's profiles merged
        in. Raises botocore's ConfigParseError for a file it cannot parse."""
        config = copy.deepcopy(_config_file(self.path).parsed())
        from botocore.configloader import raw_config_parse
        from botocore.exceptions import ConfigNotFound

        try:
            credentials = raw_config_parse(self.credentials_path)
        except ConfigNotFound:
            credentials = {}
        profiles = config.setdefault("profiles", {})
        for name, values in credentials.items():
            profiles.setdefault(name, {}).update(values)
        return config

    # ------------------------------------------------- the CLI's own settings

    def output(self) -> str:
        """`--output`, AWS_DEFAULT_OUTPUT, the profile's `output`, then json; an empty
        variable counts as unset here (v2's formatter lookup does the same).

        Raises OtherError for an unknown value from the environment or the profile
        (the option itself is checked by the argument parser).
        """
        name = (self.options.output or self.environ.get("AWS_DEFAULT_OUTPUT")
                or self.get("output") or "json")
        if name not in OUTPUT_CHOICES:
            from awsmini.errors import OtherError

            raise OtherError("Unknown output type: %s" % name)
        return name

    def pager(self) -> tuple[str | None, bool]:
        """The pager command line by v2's chain, and whether it is the built-in default.

        `--no-cli-pager` (none), AWS_PAGER, the profile's `cli_pager`, PAGER, then
        `less`. An empty value at any level means no pager and ends the chain.
        """
        if not self.options.pager:
            return None, False
        for value in (self.environ.get("AWS_PAGER"), self.get("cli_pager"),
                      self.environ.get("PAGER")):
            if value is not None:
                return (value or None), False
        return DEFAULT_PAGER, True

    def error_format(self) -> Any:
        """`--cli-error-format`, AWS_CLI_ERROR_FORMAT, the profile's `cli_error_format`,
        as given (`error_format.choose_error_format` reads the value)."""
        return self.lookup("cli_error_format", self.options.error_format,
                           "AWS_CLI_ERROR_FORMAT")

    def auto_prompt(self) -> str:
        """"off", "on", "on-partial" or "shell": `--no-cli-auto-prompt` (off),
        `--cli-auto-prompt` (on; never on-partial), AWS_CLI_AUTO_PROMPT (even
        empty), the profile's `cli_auto_prompt`, off. Values are case-insensitive;
        others mean off."""
        if self.options.auto_prompt is not None:
            return "on" if self.options.auto_prompt else "off"
        if "AWS_CLI_AUTO_PROMPT" in self.environ:
            value = self.environ["AWS_CLI_AUTO_PROMPT"]
        else:
            value = self.get("cli_auto_prompt")
        mode = str(value or "").strip().lower()
        return mode if mode in PROMPT_MODES else "off"

    def binary_format(self) -> str:
        """`--cli-binary-format`, the profile's `cli_binary_format`, then base64."""
        return self.options.binary_format or self.get("cli_binary_format") or "base64"

    def help_output(self) -> Any:
        """The profile's `cli_help_output` (`url`, `browser`), or None."""
        return self.get("cli_help_output")

    def timestamp_format(self) -> Any:
        """The profile's `cli_timestamp_format` (`wire`, `iso8601`), or None."""
        return self.get("cli_timestamp_format")


class _ConfigFile:
    """One config file's text and, once asked, botocore's parse of it."""

    def __init__(self, path: str, signature: tuple[int, int, int] | None) -> None:
        self.path = path
        self.signature = signature
        try:
            with open(path, encoding="utf-8", errors="replace") as fp:
                self.text = fp.read()
        except OSError:
            self.text = ""
        self._parsed: dict[str, Any] | None = None
        self._error: Exception | None = None

    def parsed(self) -> dict[str, Any]:
        """botocore's `load_config` of the file ({"profiles": {}} when there is none);
        raises botocore's ConfigParseError for a file it cannot parse."""
        if self._parsed is None and self._error is None:
            from botocore.configloader import load_config
            from botocore.exceptions import ConfigNotFound, ConfigParseError

            try:
                self._parsed = load_config(self.path) if self.text else {"profiles": {}}
            except ConfigNotFound:
                self._parsed = {"profiles": {}}
            except (ConfigParseError, OSError) as error:
                self._error = error
        if self._error is not None:
            raise self._error
        assert self._parsed is not None
        return self._parsed

    def profiles(self) -> Mapping[str, Any]:
        """The profiles, or none when the file does not parse (the CLI's own settings
        then read as unset; botocore reports the file when it reads it)."""
        try:
            return self.parsed().get("profiles", {})
        except Exception:
            return {}


_FILES: dict[str, _ConfigFile] = {}


def _config_file(path: str) -> _ConfigFile:
    """The file at `path`, read once per process unless it has changed since."""
    try:
        status = os.stat(path)
        signature: tuple[int, int, int] | None = (status.st_ino, status.st_mtime_ns,
                                                  status.st_size)
    except OSError:
        signature = None
    known = _FILES.get(path)
    if known is None or known.signature != signature:
        known = _FILES[path] = _ConfigFile(path, signature)
    return known
