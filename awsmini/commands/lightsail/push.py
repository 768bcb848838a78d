"""`lightsail push-container-image`: the request handed to the `lightsailctl` plugin.

As v2's `awscli/customizations/lightsail/push_container_image.py`: the plugin
runs as `lightsailctl --plugin --input-stdin` and reads one JSON document on its
stdin: the input version "1", the operation "PushContainerImage", the payload
(service, image, label) and the configuration the global options and the
profile make (debug, endpoint, SSL verification, paging, output, query,
profile, region, signing, CA bundle, timeouts, binary format, this program's
version). While it runs, the terminal's signals are left to it. A plugin not
on the PATH is v2's "plugin was not found" error, a plugin that fails is the
failed command line (both exit 255).
"""
from __future__ import annotations

import json
import subprocess
from typing import Any, Mapping

from awsmini import __version__
from awsmini.commands import Context
from awsmini.errors import OtherError

PLUGIN = ("lightsailctl", "--plugin", "--input-stdin")
INPUT_VERSION = "1"
NOT_FOUND = ("The Lightsail Control (lightsailctl) plugin was not found. To download and "
             "install it, see https://lightsail.aws.amazon.com/ls/docs/en_us/articles/"
             "amazon-lightsail-install-software")


def plugin_input(args: Mapping[str, Any], context: Context) -> dict[str, Any]:
    """The document the plugin reads, its keys in v2's order."""
    options = context.options
    configuration: dict[str, Any] = {"debug": options.debug}
    if options.endpoint_url is not None:
        configuration["endpoint"] = options.endpoint_url
    configuration["doNotVerifySSL"] = not options.verify_ssl
    configuration["paginate"] = options.paginate
    for key, text in (("output", options.output), ("query", options.query)):
        if text is not None:
            configuration[key] = text
    session = context.session()
    profile = context.settings.named_profile
    if profile:
        configuration["profile"] = profile
    from awsmini.session import session_region

    region = session_region(options, context.env.environ, session)
    if region:
        configuration["region"] = region
    configuration["doNotSignRequest"] = not options.sign_request
    ca_bundle = options.ca_bundle or session.get_config_variable("ca_bundle")
    if ca_bundle:
        configuration["caBundle"] = ca_bundle
    given: tuple[tuple[str, Any], ...] = (("readTimeout", options.read_timeout),
                                          ("connectTimeout", options.connect_timeout),
                                          ("cliBinaryFormat", options.binary_format))
    for key, value in given:
        if value is not None:
            configuration[key] = value
    configuration["cliVersion"] = __version__
    return {"inputVersion": INPUT_VERSION, "operation": "PushContainerImage",
            "payload": {"service": args["service-name"], "image": args["image"],
                        "label": args["label"]},
            "configuration": configuration}


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.commands.ssm.plugin import terminal_signals_ignored

    document = json.dumps(plugin_input(args, context)).encode("utf-8")
    context.env.stdout.flush()
    try:
        with terminal_signals_ignored():
            completed = subprocess.run(list(PLUGIN), input=document,
                                       env=dict(context.env.environ))
    except FileNotFoundError as error:
        raise OtherError(NOT_FOUND) from error
    if completed.returncode:
        # v2's subprocess.run(check=True): the failed command line, exit 255
        raise OtherError(str(subprocess.CalledProcessError(completed.returncode,
                                                           list(PLUGIN))))
    return 0
