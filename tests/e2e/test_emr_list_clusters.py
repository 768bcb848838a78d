"""emr list-clusters' state filters, end to end against moto_server."""
from __future__ import annotations

import json


def test_active_and_terminated_filter_the_clusters(aws):
    listed = aws("emr", "list-clusters", "--active", "--debug")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == {"Clusters": []}
    [sent] = [line for line in listed.stderr.splitlines()
              if "Making request for OperationModel(name=ListClusters)" in line]
    assert '"ClusterStates": ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", ' \
           '"TERMINATING"]' in sent
    failed = aws("emr", "list-clusters", "--failed", "--debug")
    assert '"ClusterStates": ["TERMINATED_WITH_ERRORS"]' in failed.stderr


def test_one_state_filter_at_most(aws):
    both = aws("emr", "list-clusters", "--active", "--cluster-states", "TERMINATED")
    assert both.returncode == 252
    assert both.stderr.splitlines()[1].endswith(
        "You can specify only one of the cluster state filters: --cluster-states, --active, "
        "--terminated, --failed.")
