"""`deploy install` and `deploy uninstall`: the CodeDeploy agent on this on-premises machine.

As v2's `awscli/customizations/codedeploy/install.py`, `uninstall.py`,
`systems.py` and `utils.py` (validate_instance). Before anything is changed: the
region must be known (v2's "Region not specified.", 253); the system must be
Ubuntu or Red Hat Enterprise Linux Server, as the distribution files of `/etc`
name it (`lsb-release`, else the first `<dist>-release` file, as v2's
`linux_distribution` reads them); it must not be an EC2 instance (the instance
metadata service answers within a second); the command must run as root; and
`install` refuses to replace an agent's configuration file without
`--override-config`. Those refusals end the run with v2's message (255).

Then each step prints what it does and "DONE"; the first failure prints v2's
"ERROR" report on stderr and exits with 255. `install` copies the configuration
file into the agent's directory, updates the system's packages (apt-get or yum)
and installs Ruby, stops the agent (`service codedeploy-agent stop`; "not
found" is fine), downloads the installer from S3 into the current directory
(by default `s3://aws-codedeploy-REGION/latest/install`), and runs it with
`auto` and the run's credentials in its environment. `uninstall` stops the
agent, removes its package when it was there, and deletes the configuration
file.

`Host` names the machine: its file system's root, the metadata address and the
root check, so that the steps can be followed in a directory. Windows Server,
which v2 also supports, is not (awsmini runs on POSIX systems).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from awsmini.commands import Context
from awsmini.commands.deploy.onpremises import CONFIG_FILE, required_region
from awsmini.commands.deploy.push import split_s3_location
from awsmini.errors import OtherError

UNSUPPORTED = ("Only Ubuntu Server, Red Hat Enterprise Linux Server and Windows Server "
               "operating systems are supported.")
CONFIG_DIR = "/etc/codedeploy-agent/conf"
INSTALLER = "install"
METADATA_URL = "http://169.254.169.254/latest/meta-data/"
# the `<dist>-release` files v2's linux_distribution reads, by the names it knows
_DISTRIBUTIONS = ("SuSE", "debian", "fedora", "redhat", "centos", "mandrake", "mandriva",
                  "rocks", "slackware", "yellowdog", "gentoo", "UnitedLinux", "turbolinux",
                  "arch", "mageia")
_RELEASE_FILE = re.compile(r"(\w+)[-_](release|version)$", re.ASCII)
_RELEASE_LINE = re.compile(r"(.+) release ([\d.]+)")


@dataclass(frozen=True)
class System:
    """A supported system: how it updates, and how its agent stops and goes."""

    name: str
    updates: tuple[tuple[str, ...], ...]
    removes: tuple[str, ...]
    not_found: str  # what `service codedeploy-agent stop` says of an agent never installed


UBUNTU = System("Ubuntu", (("apt-get", "-y", "update"), ("apt-get", "-y", "install", "ruby2.0")),
                ("dpkg", "-r", "codedeploy-agent"), "codedeploy-agent: unrecognized service")
RHEL = System("Red Hat Enterprise Linux Server", (("yum", "-y", "install", "ruby"),),
              ("yum", "-y", "erase", "codedeploy-agent"),
              "Redirecting to /bin/systemctl stop  codedeploy-agent.service")


@dataclass(frozen=True)
class Host:
    """The machine the agent goes on."""

    root: str = "/"
    metadata_url: str = METADATA_URL
    is_administrator: Callable[[], bool] = field(default=lambda: os.geteuid() == 0)

    def path(self, absolute: str) -> str:
        return os.path.join(self.root, absolute.lstrip("/"))

    @property
    def config_path(self) -> str:
        return self.path(CONFIG_DIR + "/" + CONFIG_FILE)


def distribution(host: Host) -> str:
    """The distribution's name as v2 reads it from /etc, or "" when none is found."""
    etc = host.path("/etc")
    try:
        with open(os.path.join(etc, "lsb-release"), encoding="utf-8", errors="replace") as f:
            fields = dict(line.partition("=")[::2] for line in f.read().splitlines())
        name, release = fields.get("DISTRIB_ID", "").strip(), fields.get("DISTRIB_RELEASE", "")
        if name and release.strip():
            return name
    except OSError:
        pass
    try:
        names = sorted(os.listdir(etc))
    except OSError:
        return ""
    for name in names:
        match = _RELEASE_FILE.match(name)
        if match and match.group(1) in _DISTRIBUTIONS:
            with open(os.path.join(etc, name), encoding="utf-8", errors="replace") as f:
                line = _RELEASE_LINE.match(f.readline())
            return line.group(1) if line else match.group(1)
    return ""


def supported_system(host: Host) -> System:
    """The system, once it is one v2 supports and no EC2 instance, run as root."""
    import platform

    name = distribution(host) if platform.system() == "Linux" else ""
    system = UBUNTU if "Ubuntu" in name else RHEL if RHEL.name in name else None
    if system is None:
        raise OtherError(UNSUPPORTED)
    if _answers(host.metadata_url):
        raise OtherError("Amazon EC2 instances are not supported.")
    if not host.is_administrator():
        raise OtherError("You must run this command as sudo.")
    return system


def _answers(url: str) -> bool:
    import socket
    import urllib.error
    import urllib.request

    try:
        urllib.request.urlopen(url, timeout=1).close()
    except (urllib.error.URLError, socket.timeout, ConnectionError):
        return False
    return True


def _failed(context: Context, error: BaseException, what: str) -> int:
    context.env.stdout.flush()
    context.warn("ERROR\n%s\n%s the AWS CodeDeploy Agent on the on-premises instance by "
                 "following the instructions in \"Configure Existing On-Premises Instances "
                 "by Using AWS CodeDeploy\" in the AWS CodeDeploy User Guide.\n"
                 % (error, what))
    return 255


# ------------------------------------------------------------------ install

def install(args: Mapping[str, Any], context: Context, host: Host = Host()) -> int:
    region = required_region(context)
    system = supported_system(host)
    if os.path.isfile(host.config_path) and not args["override-config"]:
        raise OtherError("The on-premises instance configuration file already exists. "
                         "Specify --override-config to update the existing on-premises "
                         "instance configuration file.")
    bucket, key = "aws-codedeploy-%s" % region, "latest/" + INSTALLER
    if args["agent-installer"]:
        bucket, key = split_s3_location("agent-installer", args["agent-installer"])
    installer = key[key.rfind("/") + 1:]
    try:
        context.write("Creating the on-premises instance configuration file... ")
        os.makedirs(host.path(CONFIG_DIR), exist_ok=True)
        if args["config-file"] != host.config_path:
            shutil.copyfile(args["config-file"], host.config_path)
        context.write("DONE\n")
        context.write("Installing the AWS CodeDeploy Agent... ")
        for command in system.updates:
            _check_call(context, command)
        _stop_agent(context, system)
        body = context.other_service_client("s3", region=region).get_object(
            Bucket=bucket, Key=key)["Body"]
        with open(installer, "wb") as stream:
            stream.write(body.read())
        _check_call(context, ("chmod", "+x", "./" + installer))
        _check_call(context, ("./" + installer, "auto"), _installer_environ(context, region))
        context.write("DONE\n")
    except Exception as error:  # v2 reports every failure of a step alike
        return _failed(context, error, "Install")
    return 0


def _installer_environ(context: Context, region: str) -> dict[str, str]:
    """The run's environment with its region and credentials, which the installer reads."""
    credentials = context.session().get_credentials()
    environ = dict(context.env.environ, AWS_REGION=region,
                   AWS_ACCESS_KEY_ID=credentials.access_key,
                   AWS_SECRET_ACCESS_KEY=credentials.secret_key)
    if credentials.token is not None:
        environ["AWS_SESSION_TOKEN"] = credentials.token
    return environ


# ------------------------------------------------------------------ uninstall

def uninstall(args: Mapping[str, Any], context: Context, host: Host = Host()) -> int:
    required_region(context)
    system = supported_system(host)
    try:
        context.write("Uninstalling the AWS CodeDeploy Agent... ")
        if _stop_agent(context, system) == 0:
            _check_call(context, system.removes)
        context.write("DONE\n")
        context.write("Deleting the on-premises instance configuration... ")
        try:
            os.remove(host.config_path)
        except FileNotFoundError:
            pass
        context.write("DONE\n")
    except Exception as error:  # v2 reports every failure of a step alike
        return _failed(context, error, "Uninstall")
    return 0


# ------------------------------------------------------------------ the programs

def _stop_agent(context: Context, system: System) -> int:
    """`service codedeploy-agent stop`, its output captured; its exit status. A failure
    other than the agent not being there ends the steps."""
    completed = subprocess.run(["service", "codedeploy-agent", "stop"], capture_output=True,
                               env=dict(context.env.environ))
    error = completed.stderr.decode("utf-8", "replace")
    if completed.returncode != 0 and system.not_found not in error:
        raise RuntimeError("Failed to stop the AWS CodeDeploy Agent:\n%s" % error)
    return completed.returncode


def _check_call(context: Context, command: tuple[str, ...],
                environ: Mapping[str, str] | None = None) -> None:
    """Run a program on this process's streams; CalledProcessError when it fails."""
    context.env.stdout.flush()
    subprocess.check_call(list(command), env=dict(environ or context.env.environ))
