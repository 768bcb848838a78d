"""`lightsail push-container-image`, declared as data.

v2 adds it beside the model's operations (`awscli/customizations/lightsail/
push_container_image.py`) and hands the work to the Lightsail Control plugin,
`lightsailctl`; the arguments follow its ARG_TABLE, the help text is awsmini's
own. The run lives in `push.py`.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon Lightsail."

PUSH_CONTAINER_IMAGE = (
    "<p>Push a container image from this machine to a Lightsail container service, where a "
    "deployment can then use it. The work is done by the Lightsail Control plugin, the "
    "<code>lightsailctl</code> program, which must be installed and on your "
    "<code>PATH</code> (see <a href=\"https://lightsail.aws.amazon.com/ls/docs/en_us/"
    "articles/amazon-lightsail-install-software\">Installing software</a>), and which uses "
    "Docker to read the image. It is given this command's arguments and global options; "
    "what it prints is the command's output.</p>")


def _option(name: str, documentation: str) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_required=True, is_cli_only=True,
                   documentation=documentation)


COMMANDS = {
    "push-container-image": CustomCommand("push-container-image", PUSH_CONTAINER_IMAGE, (
        _option("service-name", "<p>The container service to push the image to.</p>"),
        _option("image", "<p>The local container image to push, such as "
                "<code>nginx:latest</code>.</p>"),
        _option("label", "<p>The label the image is registered under in the service; "
                "deployments name it as <code>:SERVICE.LABEL.N</code>.</p>"),
    ), "awsmini.commands.lightsail.push:run"),
}
