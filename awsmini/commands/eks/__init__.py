"""`eks get-token` and `eks update-kubeconfig`, declared as data.

The arguments follow v2's `awscli/customizations/eks/get_token.py` and
`update_kubeconfig.py`; the help text is awsmini's own. The runs live in
`token.py` and `update.py`; `kubeconfig.py` is the pure part of the merge.
"""
from __future__ import annotations

from awsmini.commands import CustomCommand, flag, option

DESCRIPTION = "Amazon Elastic Kubernetes Service."


GET_TOKEN = (
    "<p>Print a token that authenticates you to an Amazon EKS cluster, as a Kubernetes "
    "<code>ExecCredential</code> object: what <code>kubectl</code> runs through the "
    "<code>exec</code> entry that <code>update-kubeconfig</code> writes. The token is a "
    "presigned STS <code>GetCallerIdentity</code> URL naming the cluster, made here without "
    "calling AWS (unless <code>--role-arn</code> is given); the cluster accepts it for a "
    "short while, and <code>expirationTimestamp</code> tells clients when to ask for a new "
    "one.</p><p>The object's <code>apiVersion</code> follows the one asked for in "
    "<code>KUBERNETES_EXEC_INFO</code>, <code>client.authentication.k8s.io/v1beta1</code> "
    "by default. <code>--output</code> and <code>--query</code> apply to it.</p>")

UPDATE_KUBECONFIG = (
    "<p>Add a cluster to a kubeconfig file, or update it there: its server and certificate "
    "(from <code>DescribeCluster</code>), a user that gets its tokens from "
    "<code>aws eks get-token</code>, and a context joining the two, which becomes the "
    "current context. Other clusters, users and contexts in the file are kept.</p>"
    "<p>The file is <code>--kubeconfig</code>, else the first path of "
    "<code>KUBECONFIG</code> (or, when another path of it already has the cluster, that "
    "one), else <code>~/.kube/config</code>. A new file is readable by you only.</p>")

COMMANDS = {
    "get-token": CustomCommand("get-token", GET_TOKEN, (
        option("cluster-name", "The name of the cluster to make a token for (for a local "
                "cluster on AWS Outposts, use <code>--cluster-id</code>)."),
        option("role-arn", "A role to assume, whose credentials then sign the token, in "
                "place of your own."),
        option("cluster-id", "The ID of the cluster to make a token for: only for local "
                "clusters on AWS Outposts."),
    ), "awsmini.commands.eks.token:run"),
    "update-kubeconfig": CustomCommand("update-kubeconfig", UPDATE_KUBECONFIG, (
        option("name", "The name of the cluster, in your account and the region of "
                "<code>--region</code> or the profile.", is_required=True),
        option("kubeconfig", "The kubeconfig file to write to, in place of the first path "
                "of <code>KUBECONFIG</code> or <code>~/.kube/config</code>."),
        option("role-arn", "A role the user's <code>get-token</code> assumes to sign its "
                "tokens (for a cluster made under that role, say)."),
        option("proxy-url", "A proxy that connections to the cluster go through."),
        flag("dry-run", "Print the kubeconfig as it would be written, and write nothing."),
        flag("verbose", "After writing, also print the context, user and cluster entries "
              "written."),
        option("alias", "The name of the context (the cluster's ARN unless given)."),
        option("user-alias", "The name of the user (the cluster's ARN unless given)."),
        option("assume-role-arn", "A role to assume for reading the cluster's details "
                "(<code>DescribeCluster</code>), for a cluster in another account."),
    ), "awsmini.commands.eks.update:run"),
}
