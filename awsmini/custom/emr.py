"""emr: v2's changes to its generic operations.

- Every operation: renamed arguments, whose botocore names would collide with a
  global option or read badly (ARGUMENT_RENAMES of awscli/customizations/argrename.py).
- `list-clusters`: `--active`, `--terminated` and `--failed` stand for the
  cluster states they name; one state filter at most, `--cluster-states`
  included (awscli/customizations/emr/listclusters.py and constants.py).
- `add-tags`: `--tags` takes `key=value` words (a word without `=` is a key
  with an empty value), not Tag structures (awscli/customizations/emr/addtags.py).
- The operations v2 takes out of the service's command table, which then
  answer as unknown operations (awscli/customizations/removals.py).
"""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError

_STATE_FILTERS = {
    "active": ("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING"),
    "terminated": ("TERMINATED",),
    "failed": ("TERMINATED_WITH_ERRORS",),
}


def _states(states: tuple[str, ...]) -> Callable[[dict, Any], None]:
    def fill(params: dict, raw: Any) -> None:
        if raw is True:
            params["ClusterStates"] = list(states)
    return fill


def _one_state_filter(options: Mapping[str, Any], members: Sequence[str]) -> None:
    given = [name for name in _STATE_FILTERS if options.get(name)]
    if len(given) + ("cluster-states" in members) > 1:
        raise ParamValidationError("You can specify only one of the cluster state filters: "
                                   "--cluster-states, --active, --terminated, --failed.")


_LIST_CLUSTERS = Customization(
    added=tuple(ArgSpec(name, "", "", "boolean", is_cli_only=True, fills=_states(states),
                        documentation=("<p>Only the clusters whose state is one of: %s.</p>"
                                       % ", ".join(states)))
                for name, states in _STATE_FILTERS.items()),
    check=_one_state_filter)

def _tags(params: dict, raw: Any) -> None:
    words = [raw] if isinstance(raw, str) else raw
    params["Tags"] = [dict(zip(("Key", "Value"), word.partition("=")[::2])) for word in words]


_ADD_TAGS = Customization(added=(ArgSpec(
    "tags", "", "", "list", is_required=True, nargs="+", is_cli_only=True, fills=_tags,
    documentation="<p>The tags to add, one word each: <code>key=value</code>, or "
                  "<code>key</code> alone for an empty value.</p>"),))

SERVICE = Customization(renames={"job-flow-ids": "cluster-ids", "job-flow-id": "cluster-id"})

OPERATIONS: Mapping[str, Customization] = {
    "add-tags": _ADD_TAGS,
    "list-clusters": _LIST_CLUSTERS,
}

REMOVED_OPERATIONS = (
    "run-job-flow",
    "describe-job-flows",
    "add-job-flow-steps",
    "terminate-job-flows",
    "list-bootstrap-actions",
    "list-instance-groups",
    "set-termination-protection",
    "set-keep-job-flow-alive-when-no-steps",
    "set-visible-to-all-users",
    "set-unhealthy-node-replacement",
)
