"""A kubeconfig as data: v2's entries for one cluster, merged into the file's content.

As v2's `awscli/customizations/eks/kubeconfig.py` and `update_kubeconfig.py`:
the cluster, user and context entries made from a DescribeCluster result, the
checks an existing file's content must pass, and the merge (an entry of the same
name is replaced in place, a new one appended, `current-context` set). Keys keep
the order they were read in, and new ones follow v2's order, because v2 loads
and dumps kubeconfigs order-preserving. YAML is read and written with YAML 1.2
scalars (v2's library), never folded. Pure: text and dicts in, text and dicts
out; the file is read and written by `update.py`.
"""
from __future__ import annotations

import copy
import os
from typing import Any, Mapping, Sequence

from awsmini.errors import OtherError

EXEC_API_VERSION = "client.authentication.k8s.io/v1beta1"
LIST_KEYS = ("clusters", "contexts", "users")
# What v2's check says each top-level key must be, in its words (its loader reads
# mappings as OrderedDict, so that is the type its messages name).
_EXPECTED_TYPES: Mapping[str, tuple[type, str]] = {
    "apiVersion": (str, "<class 'str'>"), "clusters": (list, "<class 'list'>"),
    "contexts": (list, "<class 'list'>"), "current-context": (str, "<class 'str'>"),
    "kind": (str, "<class 'str'>"), "preferences": (dict, "<class 'collections.OrderedDict'>"),
    "users": (list, "<class 'list'>"),
}


class KubeconfigError(OtherError):
    """A kubeconfig that cannot be read, checked or written (v2: exit 255)."""


def new_content() -> dict:
    """The content of a kubeconfig that does not exist yet, keys in v2's order."""
    return {"apiVersion": "v1", "clusters": [], "contexts": [], "current-context": "",
            "kind": "Config", "preferences": {}, "users": []}


def parse(text: str, name: str = "<kubeconfig>") -> dict:
    """The checked content of a kubeconfig's text; an empty file is a new kubeconfig.
    (`name`, the file's path, is what YAML errors point at.)"""
    import io

    import yaml

    from awsmini.cli_input import _yaml_loader  # the YAML 1.2 loader of --cli-input-yaml

    stream = io.StringIO(text)
    stream.name = name
    try:
        content = yaml.load(stream, Loader=_yaml_loader())
    except yaml.YAMLError as error:
        raise KubeconfigError("YamlError while loading kubeconfig: %s" % error) from error
    if content is None:
        return new_content()
    check(content)
    return content


def check(content: Any) -> None:
    """v2's checks of an existing kubeconfig: a mapping, its known keys of the right
    type, and every entry of its lists a mapping."""
    if not isinstance(content, dict):
        raise KubeconfigError("Content not a <class 'dict'>.")
    for key, (expected, name) in _EXPECTED_TYPES.items():
        value = content.get(key)
        if value is not None and not isinstance(value, expected):
            raise KubeconfigError("%s is wrong type: %s (Should be %s)"
                                  % (key, _type_name(value), name))
    for key in LIST_KEYS:
        if isinstance(content.get(key), list):
            for entry in content[key]:
                if not isinstance(entry, dict):
                    raise KubeconfigError("Entry in %s not a <class 'dict'>. " % key)


def _type_name(value: Any) -> str:
    return "<class 'collections.OrderedDict'>" if isinstance(value, dict) else str(type(value))


def dump(content: Any) -> str:
    """YAML text as v2 writes kubeconfigs: block style, keys in their order, no folding."""
    import yaml

    from awsmini.output.as_yaml import _dumper  # PyYAML's safe dumper, YAML 1.2 scalars

    return yaml.dump(content, Dumper=_dumper(), default_flow_style=False, allow_unicode=True,
                     sort_keys=False, width=float("inf"))


def has_cluster(content: Mapping[str, Any], name: str) -> bool:
    """Whether the content has a cluster entry named `name`."""
    return any(entry.get("name") == name for entry in content.get("clusters") or ())


def cluster_entry(cluster: Mapping[str, Any], proxy_url: str | None = None) -> dict:
    """The `clusters` entry of a DescribeCluster result."""
    details = {"certificate-authority-data": (cluster.get("certificateAuthority") or {})
               .get("data", ""), "server": cluster.get("endpoint")}
    if proxy_url is not None:
        details["proxy-url"] = proxy_url
    return {"cluster": details, "name": cluster.get("arn")}


def user_entry(cluster: Mapping[str, Any], cluster_name: str, role_arn: str | None = None,
               profile: str | None = None, user_alias: str | None = None) -> dict:
    """The `users` entry whose exec block runs `aws eks get-token` for the cluster.

    A local cluster on Outposts (an outpostConfig without etcdInstanceType) is
    named by its id. v2 writes the role as `--role` (get-token's `--role-arn`,
    abbreviated)."""
    region = (cluster.get("arn") or "").split(":")[3:4] or [""]
    outpost = cluster.get("outpostConfig")
    identity: list[Any]
    if outpost is None or outpost.get("etcdInstanceType") is not None:
        identity = ["--cluster-name", cluster_name]
    else:
        identity = ["--cluster-id", cluster.get("id")]
    args = ["--region", region[0], "eks", "get-token", *identity, "--output", "json"]
    if role_arn is not None:
        args += ["--role", role_arn]
    command: dict[str, Any] = {"apiVersion": EXEC_API_VERSION, "args": args, "command": "aws"}
    if profile:
        command["env"] = [{"name": "AWS_PROFILE", "value": profile}]
    return {"name": user_alias or cluster.get("arn", ""), "user": {"exec": command}}


def context_entry(cluster: Mapping[str, Any], user: Mapping[str, Any],
                  alias: str | None = None) -> dict:
    """The `contexts` entry joining the two; named `alias`, else after the user."""
    return {"context": {"cluster": cluster["name"], "user": user["name"]},
            "name": alias or user["name"]}


def merge(content: Mapping[str, Any], cluster: dict, user: dict,
          alias: str | None = None) -> tuple[dict, dict]:
    """(the new content, the context entry): the three entries put in, the context made
    current. An entry replaces the one of the same name, else it is appended."""
    merged = copy.deepcopy(dict(content))
    context = context_entry(cluster, user, alias)
    for key, entry in (("clusters", cluster), ("users", user), ("contexts", context)):
        entries = merged.get(key) or []
        merged[key] = entries
        names = [existing.get("name") for existing in entries]
        if "name" in entry and entry["name"] in names:
            entries[names.index(entry["name"])] = entry
        else:
            entries.append(entry)
    merged["current-context"] = context["name"]
    return merged, context


def kubeconfig_paths(environ_value: str, path_in: str | None, home: str,
                     cwd: str | None = None) -> list[str]:
    """The candidate files, absolute: `--kubeconfig`, else KUBECONFIG's paths (`:`
    separated, empty ones skipped), else `~/.kube/config`."""
    default = os.path.join(home, ".kube", "config")
    if path_in is not None:
        paths: Sequence[str] = [path_in]
    else:
        paths = [p for p in (environ_value or default).split(os.pathsep) if p.strip()]
        paths = paths or [default]
    return [_absolute(p, home, cwd) for p in paths]


def _absolute(path: str, home: str, cwd: str | None) -> str:
    if path == "~" or path.startswith("~" + os.sep):
        path = home + path[1:]
    else:
        path = os.path.expanduser(path)
    return os.path.normpath(os.path.join(cwd or os.getcwd(), path))
