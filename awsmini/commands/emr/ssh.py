"""`emr ssh`, `socks`, `put` and `get`: OpenSSH's `ssh` and `scp` (or PuTTY's `putty`
and `pscp`) run against the cluster's master node, as user `hadoop`.

Follows v2's `awscli/customizations/emr/ssh.py` and `sshutils.py`: the cluster
must not be terminating; one that is still starting is waited for (the
`cluster_running` waiter); the command line is printed, then run with the
terminal as it is, and its exit status is the command's. The programs are
found on the `PATH` of the run's environment.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from typing import Any, Mapping, Sequence

from awsmini.commands import Context
from awsmini.commands.emr.profile import apply_settings
from awsmini.commands.emr.run import call
from awsmini.errors import OtherError, ParamValidationError, UsageError
from awsmini.pager import find_program

USER = "hadoop"
_STARTING = ("STARTING", "BOOTSTRAPPING")
_TERMINATED = ("TERMINATED", "TERMINATING", "TERMINATED_WITH_ERRORS")
_DOCS = "http://docs.aws.amazon.com/ElasticMapReduce/latest/DeveloperGuide/EMR_SetUp_SSH.html"
_ACCEPT_NEW = "StrictHostKeyChecking=accept-new"
_NO_ACCEPT_NEW = ("WARNING: Your OpenSSH version does not support "
                  "StrictHostKeyChecking=accept-new (requires OpenSSH 7.6+). "
                  "Falling back to StrictHostKeyChecking=no. "
                  "Upgrade to OpenSSH 7.6+ for improved security.\n")
_PUTTY_OPTIONS = ("WARNING: --ssh-options is only supported with OpenSSH. "
                  "Options are ignored when using PuTTY/pscp.\n")


def _settings_applied(args: Mapping[str, Any], context: Context) -> dict[str, Any]:
    """The arguments with the profile's `key_pair_file`; the key is required without it."""
    args = apply_settings(args, context.settings)
    if not args["key-pair-file"]:
        raise UsageError("the following arguments are required: --key-pair-file")
    return args


def master_dns(cluster_id: str, context: Context) -> str:
    """The master node's public DNS name, once the cluster runs."""
    state = call(context, "DescribeCluster", {"ClusterId": cluster_id})["Cluster"]["Status"][
        "State"]
    if state in _TERMINATED:
        raise OtherError("Cluster terminating or already terminated.")
    from botocore.exceptions import WaiterError

    try:
        waiter = context.client("emr").get_waiter("cluster_running")
        if state in _STARTING:
            context.write("Waiting for the cluster to start.\n")
        waiter.wait(ClusterId=cluster_id)
    except WaiterError:
        raise OtherError("Cannot get DNS of master node on the cluster.  Please try again "
                         "after some time.") from None
    found = call(context, "DescribeCluster", {"ClusterId": cluster_id})["Cluster"]
    if "MasterPublicDnsName" not in found:  # v2's KeyError
        raise OtherError("'MasterPublicDnsName'")
    return found["MasterPublicDnsName"]


def _which(context: Context, *names: str) -> str | None:
    return next((name for name in names if find_program(name, context.env.environ)), None)


def _check_key(context: Context, openssh: tuple[str, ...], putty: str, missing: str) -> None:
    """OpenSSH's program or PuTTY's must be on the PATH."""
    if _which(context, putty, *openssh) is None:
        raise OtherError(missing)


def _check_putty_key(context: Context, key_file: str, openssh: tuple[str, ...],
                     putty: str) -> None:
    """With PuTTY's program alone, the key must be a `.ppk` file."""
    if _which(context, putty) and not _which(context, *openssh) and not key_file.endswith("ppk"):
        raise ParamValidationError(
            "Key file file format is incorrect. Putty expects a ppk file. Please refer to "
            "documentation at %s. " % _DOCS)


def _ssh_options(extra: Sequence[str] | None, context: Context) -> list[str]:
    """`-o` options: v2's host key default (accept-new, else no) unless overridden."""
    options: list[str] = []
    if not any(option.lower().startswith("stricthostkeychecking=") for option in extra or ()):
        if _supports_accept_new(context):
            options += ["-o", _ACCEPT_NEW]
        else:
            context.warn(_NO_ACCEPT_NEW)
            options += ["-o", "StrictHostKeyChecking=no"]
    for option in extra or ():
        options += ["-o", option]
    return options


def _supports_accept_new(context: Context) -> bool:
    try:
        completed = subprocess.run(["ssh", "-G", "-o", _ACCEPT_NEW, "localhost"],
                                   capture_output=True, text=True, env=dict(context.env.environ))
    except (OSError, subprocess.SubprocessError):
        return False
    return completed.returncode == 0


def _run(command: list[str], context: Context) -> int:
    context.write(" ".join(command) + "\n")
    context.env.stderr.flush()
    try:
        return subprocess.call(command, env=dict(context.env.environ))
    except OSError as error:
        raise OtherError(str(error)) from error


_SSH_MISSING = "SSH or Putty not available. Please refer to the documentation at %s." % _DOCS
_SCP_MISSING = "SCP or Pscp not available. Please refer to the documentation at %s. " % _DOCS


def _prepare_ssh(args: Mapping[str, Any], context: Context) -> tuple[dict, str, bool]:
    """(arguments, master DNS name, whether OpenSSH is there) for ssh and socks."""
    args = _settings_applied(args, context)
    dns = master_dns(args["cluster-id"], context)
    _check_key(context, ("ssh", "ssh.exe"), "putty.exe", _SSH_MISSING)
    _check_putty_key(context, args["key-pair-file"], ("ssh.exe", "ssh"), "putty.exe")
    return args, dns, _which(context, "ssh", "ssh.exe") is not None


def run_ssh(args: Mapping[str, Any], context: Context) -> int:
    args, dns, is_openssh = _prepare_ssh(args, context)
    target = "%s@%s" % (USER, dns)
    script = None
    if is_openssh:
        command = (["ssh"] + _ssh_options(args["ssh-options"], context)
                   + ["-o", "ServerAliveInterval=10", "-i", args["key-pair-file"], target, "-t"])
        if args["command"]:
            command.append(args["command"])
    else:
        if args["ssh-options"]:
            context.warn(_PUTTY_OPTIONS)
        command = ["putty", "-ssh", "-i", args["key-pair-file"], target, "-t"]
        if args["command"]:
            with tempfile.NamedTemporaryFile("w", delete=False) as fp:
                fp.write(args["command"])
                fp.write('\nread -n1 -r -p "Command completed. Press any key."')
            script = fp.name
            command += ["-m", script]
    try:
        return _run(command, context)
    finally:
        if script is not None:
            os.remove(script)


def run_socks(args: Mapping[str, Any], context: Context) -> int:
    try:
        args, dns, is_openssh = _prepare_ssh(args, context)
        target = "%s@%s" % (USER, dns)
        if is_openssh:
            command = (["ssh"] + _ssh_options(args["ssh-options"], context)
                       + ["-o", "ServerAliveInterval=10", "-ND", "8157", "-i",
                          args["key-pair-file"], target])
        else:
            if args["ssh-options"]:
                context.warn(_PUTTY_OPTIONS)
            command = ["putty", "-ssh", "-i", args["key-pair-file"], target, "-N", "-D",
                       "8157"]
        return _run(command, context)
    except KeyboardInterrupt:  # Ctrl-C is how the tunnel is closed
        context.write("Disabling Socks Tunnel.\n")
        return 0


def _prepare_scp(args: Mapping[str, Any], context: Context) -> tuple[dict, str, bool]:
    args = _settings_applied(args, context)
    dns = master_dns(args["cluster-id"], context)
    _check_key(context, ("scp", "scp.exe"), "pscp.exe", _SCP_MISSING)
    _check_putty_key(context, args["key-pair-file"], ("scp.exe", "scp"), "pscp.exe")
    return args, dns, _which(context, "scp", "scp.exe") is not None


def _scp(args: Mapping[str, Any], context: Context, is_openssh: bool) -> list[str]:
    if is_openssh:
        return ["scp", "-r"] + _ssh_options(args["ssh-options"], context) + [
            "-i", args["key-pair-file"]]
    if args["ssh-options"]:
        context.warn(_PUTTY_OPTIONS)
    return ["pscp", "-scp", "-r", "-i", args["key-pair-file"]]


def run_put(args: Mapping[str, Any], context: Context) -> int:
    args, dns, is_openssh = _prepare_scp(args, context)
    destination = args["dest"] or args["src"].split("/")[-1]
    command = _scp(args, context, is_openssh) + [
        args["src"], "%s@%s:%s" % (USER, dns, destination)]
    return _run(command, context)


def run_get(args: Mapping[str, Any], context: Context) -> int:
    args, dns, is_openssh = _prepare_scp(args, context)
    command = _scp(args, context, is_openssh) + [
        "%s@%s:%s" % (USER, dns, args["src"]), args["dest"] or args["src"].split("/")[-1]]
    return _run(command, context)
