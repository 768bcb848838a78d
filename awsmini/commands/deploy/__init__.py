"""`deploy push`, `register`, `deregister`, `install` and `uninstall`, declared as data.

v2 adds these beside CodeDeploy's operations (`awscli/customizations/codedeploy/
codedeploy.py`, with `push.py`, `register.py`, `deregister.py`, `install.py`,
`uninstall.py`); the arguments, their order and their types follow its
ARG_TABLEs, the help text is awsmini's own. The runs live apart, imported only
when a command runs: `push.py` (with `bundle.py`, the zip archive), `onpremises.py`
(registering an on-premises instance and taking it back) and `agent.py` (the
CodeDeploy agent on this machine).
"""
from __future__ import annotations

from awsmini.commands import CustomCommand, flag, option

DESCRIPTION = "AWS CodeDeploy."


# register's --tags: Key=K,Value=V words, or a JSON list of such objects
SHAPES = {
    "Tags": {"type": "list", "member": {"shape": "Tag"}},
    "Tag": {"type": "structure", "required": ["Key", "Value"],
            "members": {"Key": {"shape": "String"}, "Value": {"shape": "String"}}},
    "String": {"type": "string"},
}

PUSH = (
    "<p>Make an application revision of a directory and upload it to Amazon S3: the "
    "directory's files (it must hold an <code>appspec.yml</code> at its top) are put in a "
    "zip archive, which is uploaded to the bucket and key given, and registered with the "
    "application as a revision. The command then prints the "
    "<code>create-deployment</code> command line that deploys that revision, with the "
    "object's ETag (and version, in a versioned bucket) filled in.</p>"
    "<p>Archives under 6 MiB are sent in one request, larger ones in parts of 6 MiB.</p>")

REGISTER = (
    "<p>Register this on-premises instance (a machine outside Amazon EC2) with CodeDeploy. "
    "Without <code>--iam-user-arn</code>, an IAM user named after the instance is made "
    "first (under the path <code>/AWS/CodeDeploy/</code>), with an access key and a policy "
    "that lets it read from Amazon S3, and the key is written to the configuration file "
    "<code>codedeploy.onpremises.yml</code> in the current directory, which "
    "<code>deploy install</code> takes on the instance. Then the instance is registered, "
    "and tagged when <code>--tags</code> are given.</p>"
    "<p>Each step is printed as it is done. When one fails, the error is printed with a "
    "pointer to the manual steps, and the command exits with 255.</p>")

DEREGISTER = (
    "<p>Take an on-premises instance back from CodeDeploy: its tags are removed, it is "
    "deregistered, and the IAM user it was registered with is deleted, with its policies "
    "and access keys, unless <code>--no-delete-iam-user</code> is given. Each step is "
    "printed as it is done; when one fails, the error is printed and the command exits "
    "with 255.</p>")

INSTALL = (
    "<p>Install the CodeDeploy agent on this on-premises instance, and give it the "
    "configuration file that <code>deploy register</code> wrote. Only Ubuntu Server, Red "
    "Hat Enterprise Linux Server and Windows Server are supported, not Amazon EC2 "
    "instances, and the command must run as root (with <code>sudo</code>) or as an "
    "Administrator.</p>"
    "<p>The configuration file is copied to the agent's configuration directory "
    "(<code>/etc/codedeploy-agent/conf</code>; on Windows "
    "<code>C:\\ProgramData\\Amazon\\CodeDeploy</code>), the system's packages are brought "
    "up to date and Ruby installed, the agent is stopped if it runs, and its installer is "
    "downloaded from Amazon S3 into the current directory and run.</p>")

UNINSTALL = (
    "<p>Stop the CodeDeploy agent on this on-premises instance, remove its package, and "
    "delete its configuration file. The same systems as for <code>deploy install</code> "
    "are supported, and the command must run as root or as an Administrator.</p>")

INSTANCE_NAME = option("instance-name", "The name of the on-premises instance.",
                        is_required=True)

COMMANDS = {
    "push": CustomCommand("push", PUSH, (
        option("application-name", "The CodeDeploy application the revision is registered "
                "with.", is_required=True),
        option("s3-location", "Where the archive is uploaded, as "
                "<code>s3://BUCKET/KEY</code>: a bucket and an object key (such as "
                "<code>s3://my-bucket/app/release-12.zip</code>).", is_required=True),
        flag("ignore-hidden-files", "Leave out of the archive the files and directories "
              "whose names begin with a dot (<code>--no-ignore-hidden-files</code>, the "
              "default, includes them).", negative="no-ignore-hidden-files"),
        option("source", "The directory to put in the archive, with the "
                "<code>appspec.yml</code> at its top; the current directory by default.",
                default="."),
        option("description", "A description of the revision. By default "
                "<code>Uploaded by AWS CLI TIME UTC</code>, TIME being the current time in "
                "UTC (ISO 8601)."),
    ), "awsmini.commands.deploy.push:run"),
    "register": CustomCommand("register", REGISTER, (
        INSTANCE_NAME,
        option("tags", "Tags given to the instance, as <code>Key=K,Value=V</code> words (or "
                "a JSON list of <code>{\"Key\": ..., \"Value\": ...}</code>); at most ten.",
                "list", shape="Tags", nargs="+"),
        option("iam-user-arn", "An IAM user to register the instance with, instead of "
                "making one (no configuration file is written then)."),
    ), "awsmini.commands.deploy.onpremises:register", shapes=SHAPES),
    "deregister": CustomCommand("deregister", DEREGISTER, (
        INSTANCE_NAME,
        flag("no-delete-iam-user", "Keep the IAM user the instance was registered with."),
    ), "awsmini.commands.deploy.onpremises:deregister"),
    "install": CustomCommand("install", INSTALL, (
        option("config-file", "The instance's configuration file, as <code>deploy "
                "register</code> wrote it.", is_required=True),
        flag("override-config", "Replace the configuration file the agent has already; "
              "without it, an existing one stops the command."),
        option("agent-installer", "The agent's installer in Amazon S3, as "
                "<code>s3://BUCKET/KEY</code>; by default the latest one of the region, in "
                "the bucket <code>aws-codedeploy-REGION</code>."),
    ), "awsmini.commands.deploy.agent:install"),
    "uninstall": CustomCommand("uninstall", UNINSTALL, (),
                               "awsmini.commands.deploy.agent:uninstall"),
}
