"""The active profile's settings from the config file, read only when first asked.

Takes the global options and the environment; answers `get(name)` with the value
of `name` in the profile's section of `~/.aws/config` (or `AWS_CONFIG_FILE`), or
None, and `lookup(...)` with the first of option, environment variable, profile
and default. The file is parsed by botocore's own config loader, so its syntax is
botocore's. Offline paths that never ask pay nothing. Credentials and region are
not resolved here: botocore's session does that in `call.py`.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.configpaths import config_file
from awsmini.globalopts import GlobalOptions


class Settings:
    """Settings of the profile named by `--profile`, `AWS_PROFILE` or `default`."""

    def __init__(self, options: GlobalOptions, environ: Mapping[str, str]) -> None:
        self.environ = environ
        self.profile = (options.profile or environ.get("AWS_PROFILE")
                        or environ.get("AWS_DEFAULT_PROFILE") or "default")
        self.path = config_file(environ)
        self._text: str | None = None
        self._section: Mapping[str, Any] | None = None

    def get(self, name: str) -> Any:
        """The profile's value for `name`, or None."""
        if self._text is None:
            try:
                with open(self.path, encoding="utf-8", errors="replace") as fp:
                    self._text = fp.read()
            except OSError:
                self._text = ""
        if name not in self._text:
            return None  # not in the file at all: no need to parse it
        if self._section is None:
            self._section = self._load()
        return self._section.get(name)

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

    def _load(self) -> Mapping[str, Any]:
        from botocore.configloader import load_config
        from botocore.exceptions import ConfigNotFound, ConfigParseError

        try:
            profiles = load_config(self.path).get("profiles", {})
        except (ConfigNotFound, ConfigParseError, OSError):
            return {}
        return profiles.get(self.profile, {})
