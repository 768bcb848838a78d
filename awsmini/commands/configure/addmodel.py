"""`configure add-model`: install a service model under `~/.aws/models`.

As v2's `awscli/customizations/configure/addmodel.py`: the model goes to
`~/.aws/models/<service>/<apiVersion>/service-<N>.json` (N from the document's
`version`, 2 unless given), its text written as given. The service name is
`--service-name`, else the model's endpoint prefix when a service has that name,
else the service whose model has that endpoint prefix, else the prefix itself.
"""
from __future__ import annotations

import json
import os
from typing import Any, Mapping

from awsmini import models
from awsmini.commands import Context
from awsmini.commands.configure.store import edit_file
from awsmini.configpaths import expand
from awsmini.errors import OtherError


def model_location(document: Mapping[str, Any], service_name: str | None,
                   environ: Mapping[str, str]) -> str:
    """Where the model goes."""
    metadata = document.get("metadata")
    if not isinstance(metadata, dict) or "apiVersion" not in metadata:
        raise OtherError("The service model has no metadata.apiVersion")
    if service_name is None:
        prefix = metadata.get("endpointPrefix")
        if not prefix:
            raise OtherError("The service model has no metadata.endpointPrefix; give "
                             "--service-name")
        service_name = _service_for_prefix(prefix, environ)
    try:
        number = int(float(document.get("version", "2.0")))
    except (TypeError, ValueError) as error:
        raise OtherError("Invalid version in the service model: %r"
                         % document.get("version")) from error
    return os.path.join(expand("~/.aws/models", environ), service_name,
                        str(metadata["apiVersion"]), "service-%d.json" % number)


def _service_for_prefix(prefix: str, environ: Mapping[str, str]) -> str:
    services = models.list_services(environ)
    if prefix in services:
        return prefix
    for service in services:
        if models.service_metadata(service, environ).get("endpointPrefix") == prefix:
            return service
    return prefix


def run_add_model(args: Mapping[str, Any], context: Context) -> int:
    text = args["service-model"]
    try:
        document = json.loads(text)
    except ValueError as error:
        raise OtherError(str(error)) from error
    if not isinstance(document, dict):
        raise OtherError("The service model must be a JSON object")
    path = model_location(document, args["service-name"], context.env.environ)
    umask = os.umask(0)
    os.umask(umask)
    edit_file(path, lambda _: text, new_mode=0o666 & ~umask)  # a model is no secret
    return 0
