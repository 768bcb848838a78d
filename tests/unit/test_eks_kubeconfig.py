"""The kubeconfig as data (awsmini/commands/eks/kubeconfig.py): entries made from a
DescribeCluster result, v2's checks, the merge and the YAML written."""
from __future__ import annotations

import pytest

from awsmini.commands.eks import kubeconfig as kc
from awsmini.commands.eks.kubeconfig import KubeconfigError

ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/demo"
CLUSTER = {"name": "demo", "arn": ARN, "endpoint": "https://ABC.gr7.eu-west-1.eks.amazonaws.com",
           "certificateAuthority": {"data": "Q0VSVA=="}, "status": "ACTIVE", "id": "id-1"}


def _exec_args(user):
    return user["user"]["exec"]["args"]


def test_cluster_entry_and_proxy_url():
    assert kc.cluster_entry(CLUSTER) == {
        "cluster": {"certificate-authority-data": "Q0VSVA==", "server": CLUSTER["endpoint"]},
        "name": ARN}
    with_proxy = kc.cluster_entry(CLUSTER, "http://proxy:3128")
    assert list(with_proxy["cluster"]) == ["certificate-authority-data", "server", "proxy-url"]


def test_user_entry_runs_get_token_in_the_clusters_region():
    user = kc.user_entry(CLUSTER, "demo")
    assert user == {"name": ARN, "user": {"exec": {
        "apiVersion": "client.authentication.k8s.io/v1beta1",
        "args": ["--region", "eu-west-1", "eks", "get-token", "--cluster-name", "demo",
                 "--output", "json"],
        "command": "aws"}}}


def test_user_entry_with_role_profile_and_alias():
    user = kc.user_entry(CLUSTER, "demo", role_arn="arn:aws:iam::1:role/r", profile="dev",
                         user_alias="me")
    assert user["name"] == "me"
    assert _exec_args(user)[-2:] == ["--role", "arn:aws:iam::1:role/r"]
    assert list(user["user"]["exec"]) == ["apiVersion", "args", "command", "env"]
    assert user["user"]["exec"]["env"] == [{"name": "AWS_PROFILE", "value": "dev"}]


@pytest.mark.parametrize("outpost, identity", [
    (None, ["--cluster-name", "demo"]),
    ({"controlPlaneInstanceType": "m5.large"}, ["--cluster-id", "id-1"]),
    ({"etcdInstanceType": "m5.large"}, ["--cluster-name", "demo"]),
], ids=["in-region", "local-outpost", "extended-outpost"])
def test_outpost_clusters_are_named_by_id(outpost, identity):
    cluster = dict(CLUSTER, outpostConfig=outpost) if outpost else CLUSTER
    assert _exec_args(kc.user_entry(cluster, "demo"))[4:6] == identity


def test_merge_into_a_new_kubeconfig():
    cluster, user = kc.cluster_entry(CLUSTER), kc.user_entry(CLUSTER, "demo")
    merged, context = kc.merge(kc.new_content(), cluster, user)
    assert context == {"context": {"cluster": ARN, "user": ARN}, "name": ARN}
    assert list(merged) == ["apiVersion", "clusters", "contexts", "current-context", "kind",
                            "preferences", "users"]
    assert merged["clusters"] == [cluster] and merged["users"] == [user]
    assert merged["contexts"] == [context] and merged["current-context"] == ARN


def test_merge_keeps_other_entries_replaces_same_names_and_does_not_touch_its_input():
    existing = {"apiVersion": "v1", "kind": "Config",
                "clusters": [{"name": "other", "cluster": {"server": "https://o"}},
                             {"name": ARN, "cluster": {"server": "https://stale"}}],
                "users": [{"name": "someone", "user": {"token": "t"}}],
                "contexts": [{"name": "ctx", "context": {"cluster": "other", "user": "someone"}}],
                "current-context": "ctx"}
    before = repr(existing)
    cluster, user = kc.cluster_entry(CLUSTER), kc.user_entry(CLUSTER, "demo", user_alias="u")
    merged, context = kc.merge(existing, cluster, user, alias="dev")
    assert repr(existing) == before
    assert [c["name"] for c in merged["clusters"]] == ["other", ARN]
    assert merged["clusters"][1] == cluster
    assert [u["name"] for u in merged["users"]] == ["someone", "u"]
    assert [c["name"] for c in merged["contexts"]] == ["ctx", "dev"]
    assert context == {"context": {"cluster": ARN, "user": "u"}, "name": "dev"}
    assert merged["current-context"] == "dev"
    assert list(merged)[-1] == "current-context"


def test_merge_fills_lists_that_are_missing_or_null_in_order():
    merged, _ = kc.merge({"apiVersion": "v1", "clusters": None}, kc.cluster_entry(CLUSTER),
                         kc.user_entry(CLUSTER, "demo"))
    assert list(merged) == ["apiVersion", "clusters", "users", "contexts", "current-context"]


def test_context_defaults_to_the_user_alias():
    user = kc.user_entry(CLUSTER, "demo", user_alias="me")
    assert kc.context_entry(kc.cluster_entry(CLUSTER), user)["name"] == "me"


def test_has_cluster():
    assert kc.has_cluster({"clusters": [{"name": ARN}]}, ARN)
    assert not kc.has_cluster({"clusters": [{"cluster": {}}]}, ARN)
    assert not kc.has_cluster({"clusters": None}, ARN)
    assert not kc.has_cluster({}, ARN)


@pytest.mark.parametrize("text, message", [
    ("- a\n- b\n", "Content not a <class 'dict'>."),
    ("just text\n", "Content not a <class 'dict'>."),
    ("clusters: nope\n", "clusters is wrong type: <class 'str'> (Should be <class 'list'>)"),
    ("current-context: 5\n",
     "current-context is wrong type: <class 'int'> (Should be <class 'str'>)"),
    ("preferences: []\n", "preferences is wrong type: <class 'list'> "
     "(Should be <class 'collections.OrderedDict'>)"),
    ("users: {a: 1}\n", "users is wrong type: <class 'collections.OrderedDict'> "
     "(Should be <class 'list'>)"),
    ("contexts:\n- just-a-string\n", "Entry in contexts not a <class 'dict'>. "),
    ("clusters: [\n", "YamlError while loading kubeconfig: "),
    ("a: 1\na: 2\n", "YamlError while loading kubeconfig: "),
], ids=["list", "scalar", "clusters-str", "context-int", "preferences-list", "users-map",
        "entry-str", "syntax", "duplicate-key"])
def test_malformed_content_gives_v2_messages(text, message):
    with pytest.raises(KubeconfigError) as caught:
        kc.parse(text)
    assert caught.value.message.startswith(message)
    assert caught.value.exit_code == 255


def test_empty_file_is_a_new_kubeconfig_and_yaml12_scalars_stay_strings():
    assert kc.parse("") == kc.new_content()
    content = kc.parse("apiVersion: v1\nclusters:\n- name: on\n  cluster: {insecure: yes}\n")
    assert content["clusters"][0] == {"name": "on", "cluster": {"insecure": "yes"}}


def test_dump_is_block_style_in_order_unfolded():
    long_value = "x" * 300
    content = {"apiVersion": "v1", "clusters": [{"cluster": {"server": long_value},
                                                 "name": "n"}],
               "contexts": [], "current-context": "n", "kind": "Config", "preferences": {},
               "users": [{"name": "u", "user": {"exec": {"args": ["--region", "on", "5"]}}}]}
    assert kc.dump(content) == (
        "apiVersion: v1\nclusters:\n- cluster:\n    server: %s\n  name: n\ncontexts: []\n"
        "current-context: n\nkind: Config\npreferences: {}\nusers:\n- name: u\n  user:\n"
        "    exec:\n      args:\n      - --region\n      - on\n      - '5'\n" % long_value)


def test_dump_parse_round_trip():
    merged, _ = kc.merge(kc.new_content(), kc.cluster_entry(CLUSTER),
                         kc.user_entry(CLUSTER, "demo", profile="p"))
    assert kc.parse(kc.dump(merged)) == merged


@pytest.mark.parametrize("environ_value, path_in, expected", [
    ("", None, ["/home/u/.kube/config"]),
    ("/a/one:/b/two", None, ["/a/one", "/b/two"]),
    (":  :/a/one::", None, ["/a/one"]),
    ("::", None, ["/home/u/.kube/config"]),
    ("rel/x:~/y", None, ["/work/rel/x", "/home/u/y"]),
    ("/a/one:/b/two", "./kc", ["/work/kc"]),
    ("", "~/k", ["/home/u/k"]),
], ids=["default", "several", "empty-parts", "only-separators", "relative-and-home",
        "option-wins", "option-home"])
def test_kubeconfig_paths(environ_value, path_in, expected):
    assert kc.kubeconfig_paths(environ_value, path_in, "/home/u", cwd="/work") == expected


def test_yaml_errors_name_the_file():
    with pytest.raises(KubeconfigError, match=r'in "/x/kc", line 2, column 1'):
        kc.parse("clusters: [\n", "/x/kc")
