"""`eks update-kubeconfig`: DescribeCluster, then the cluster merged into a kubeconfig.

As v2's `awscli/customizations/eks/update_kubeconfig.py`: the file is the
first candidate path (`kubeconfig.kubeconfig_paths`) that already has the
cluster, else the first one; unreadable or malformed other candidates are
skipped, the first one's errors are reported (exit 255). `--dry-run` prints
the merged YAML; otherwise the file is written (through a temporary file in
its directory and a rename, so a failure never leaves it half-written; an
existing file keeps its permissions, a new one is 0600) and v2's `Added new
context ...` / `Updated context ...` line is printed, then with `--verbose`
the three entries.
"""
from __future__ import annotations

import errno
import logging
import os
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.eks import kubeconfig
from awsmini.commands.eks.kubeconfig import KubeconfigError
from awsmini.userfiles import mode_of, replace_text
from awsmini import configpaths

LOG = logging.getLogger(__name__)
ACTIVE_STATES = ("ACTIVE", "UPDATING")
DESCRIBE_SESSION_NAME = "EKSDescribeClusterSession"


def run(args: Mapping[str, Any], context: Context) -> int:
    cluster = describe_cluster(args, context)
    cluster_entry = kubeconfig.cluster_entry(cluster, args["proxy-url"])
    user_entry = kubeconfig.user_entry(cluster, args["name"], args["role-arn"],
                                       _profile(context), args["user-alias"])
    environ = context.env.environ
    paths = kubeconfig.kubeconfig_paths(environ.get("KUBECONFIG", ""), args["kubeconfig"],
                                        configpaths.home(environ))
    path, content = choose_kubeconfig(paths, cluster_entry["name"])
    is_update = kubeconfig.has_cluster(content, cluster_entry["name"])
    merged, context_entry = kubeconfig.merge(content, cluster_entry, user_entry, args["alias"])
    text = kubeconfig.dump(merged)
    if args["dry-run"]:
        context.write(text)
        return 0
    write_kubeconfig(path, text)
    if is_update:
        context.write("Updated context %s in %s\n" % (context_entry["name"], path))
    else:
        context.write("Added new context %s to %s\n" % (context_entry["name"], path))
    if args["verbose"]:
        context.write("Entries:\n\n" + "".join(
            kubeconfig.dump(entry) + "\n" for entry in (context_entry, user_entry, cluster_entry)))
    return 0


def describe_cluster(args: Mapping[str, Any], context: Context) -> dict:
    """The cluster's description; v2's errors when it is missing or not usable yet."""
    from awsmini.call import translate_errors

    client = (_assumed_role_client(args["assume-role-arn"], context)
              if args["assume-role-arn"] else context.client("eks"))
    with translate_errors():
        cluster = client.describe_cluster(name=args["name"]).get("cluster")
    if not cluster or "status" not in cluster:
        raise KubeconfigError("Cluster not found")
    if cluster["status"] not in ACTIVE_STATES:
        raise KubeconfigError("Cluster status is %s" % cluster["status"])
    return cluster


def _assumed_role_client(role_arn: str, context: Context) -> Any:
    """An eks client with the credentials of `role_arn` (v2 asks STS at its configured
    endpoint, not at `--endpoint-url`, which is for the eks call)."""
    from dataclasses import replace

    from awsmini.call import create_service_client, translate_errors

    sts = create_service_client("sts", replace(context.options, endpoint_url=None),
                                context.settings, context.env.environ)
    with translate_errors():
        found = sts.assume_role(RoleArn=role_arn,
                                RoleSessionName=DESCRIBE_SESSION_NAME)["Credentials"]
        plain = context.client("eks")  # its region and configuration, other credentials
        options = context.options
        return context.session().create_client(
            "eks", region_name=plain.meta.region_name, endpoint_url=options.endpoint_url,
            verify=False if not options.verify_ssl else options.ca_bundle,
            config=plain.meta.config, aws_access_key_id=found["AccessKeyId"],
            aws_secret_access_key=found["SecretAccessKey"],
            aws_session_token=found["SessionToken"])


def _profile(context: Context) -> str | None:
    """The profile the session uses, when one is named (`--profile`, AWS_PROFILE):
    the user entry then runs get-token with it."""
    return context.session().profile


def choose_kubeconfig(paths: list[str], cluster_name: str) -> tuple[str, dict]:
    """(path, content) of the file to merge into."""
    for path in paths:
        try:
            content = load_kubeconfig(path)
        except KubeconfigError as error:
            LOG.debug("Passing %s:%s", path, error)  # v2's warning, shown only with --debug
            continue
        if kubeconfig.has_cluster(content, cluster_name):
            LOG.debug("Found entry to update at %s", path)
            return path, content
    return paths[0], load_kubeconfig(paths[0])


def load_kubeconfig(path: str) -> dict:
    """The checked content of the file at `path`; a new kubeconfig when there is none."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        return kubeconfig.new_content()
    except (OSError, UnicodeDecodeError) as error:
        raise KubeconfigError("Can't open kubeconfig for reading: %s" % error) from error
    return kubeconfig.parse(text, path)


def write_kubeconfig(path: str, text: str) -> None:
    """Replace the file's text at once: a temporary file beside it, then a rename.
    A symbolic link stays one; its target is written."""
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as error:
        raise KubeconfigError("Can't create directory for writing: %s" % error) from error
    try:
        replace_text(target, text, mode_of(target, 0o600))
    except OSError as error:
        if error.errno == errno.EISDIR:
            error = IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        raise KubeconfigError("Can't open kubeconfig for writing: %s" % error) from error
