"""The profile's `emr` settings as defaults of emr's hand-written commands.

v2 reads a nested `emr` section of the profile in `~/.aws/config`:

    [default]
    emr =
        service_role = EMR_DefaultRole
        instance_profile = EMR_EC2_DefaultRole
        key_pair_file = ~/.ssh/mykey.pem

and, for each command that has the matching option, fills it when the command
line did not (`awscli/customizations/emr/config.py` and `configutils.py`; the
names below are v2's). Takes the converted arguments and returns them
completed; reads settings only, writes nothing.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.errors import ParamValidationError
from awsmini.settings import Settings

# setting -> (option it fills, the key of that option's structure, or "")
_STRINGS = (("service_role", "service-role", ""), ("log_uri", "log-uri", ""),
            ("instance_profile", "ec2-attributes", "InstanceProfile"),
            ("key_name", "ec2-attributes", "KeyName"),
            ("key_pair_file", "key-pair-file", ""))
_BOOLEANS = ("enable_debugging",)


def emr_settings(settings: Settings) -> Mapping[str, str]:
    """The profile's `emr` section, or nothing."""
    section = settings.get("emr")
    return section if isinstance(section, Mapping) else {}


def apply_settings(args: Mapping[str, Any], settings: Settings,
                   skipped: tuple[str, ...] = ()) -> dict[str, Any]:
    """`args` with the profile's `emr` settings filled in where the command has the
    option and the command line left it out; `skipped` settings are not used
    (`--use-default-roles` skips the two roles)."""
    configured = emr_settings(settings)
    completed = dict(args)
    for name, option, key in _STRINGS:
        if name not in configured or name in skipped or option not in completed:
            continue
        value = completed[option]
        if not key and not value:
            completed[option] = configured[name]
        elif key and not (value and key in value):
            completed[option] = dict(value or {}, **{key: configured[name]})
    for name in _BOOLEANS:
        option = name.replace("_", "-")
        if (name not in configured or option not in completed
                or completed[option] or completed["no-" + option]):
            continue
        value = str(configured[name]).lower()
        if value not in ("true", "false"):
            profile = ("profile.%s" % settings.named_profile if settings.named_profile
                       else "default")
            raise ParamValidationError(
                "%s for %s in the config file is invalid. The value should be either 'True' "
                "or 'False'. Use 'aws configure set %s.emr.%s <value>' command to set a valid "
                "value." % (configured[name], name, profile, name))
        completed[option] = value == "true"
        completed["no-" + option] = value == "false"
    return completed
