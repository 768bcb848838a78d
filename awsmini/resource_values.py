"""Server-side values for the prompt: one list call, its identifiers out.

Takes a service (botocore's name), the API name of a list operation that needs
no parameters (or the few given: the `s3` commands' paths list one prefix), a JMESPath expression over its output and the global options
typed on the prompt's line (`--endpoint-url`, `--region`, `--profile`,
`--no-verify-ssl`, `--ca-bundle`, `--no-sign-request`, the timeouts); returns
the identifiers, as strings, in the order the API gave them. Which operation
and expression answer an option is the prompt's business
(`prompt/resource_index.py`); `main.py` hands `fetch_values` to the prompt as a
plain callable, so `prompt/` never imports `call`.

The client is built as the driver builds it (`call.create_client`), from the
line's options: unlike v2, which lists from the default endpoint and region
whatever the line says. One call, the first page only; no pagination beyond
it. Connect and read timeouts default to the prompt's limit (2 s) unless the
line sets them. Errors propagate: the prompt swallows and logs them.
"""
from __future__ import annotations

import dataclasses
from typing import Mapping, Sequence

from awsmini import models, resolve
from awsmini.globalopts import parse_global_options
from awsmini.settings import Settings

TIMEOUT = 2  # seconds; the prompt stops waiting after its own limit anyway


def fetch_values(service: str, api_name: str, expression: str, global_args: Sequence[str],
                 environ: Mapping[str, str], params: Mapping[str, str] | None = None
                 ) -> list[str]:
    """Call `api_name` of `service` once (with no parameters unless given); the strings
    `expression` picks."""
    import jmespath

    from awsmini.call import call_operation, create_client

    service_cli = resolve.service_cli_name(service)
    options, _ = parse_global_options([*global_args, service_cli])
    options = dataclasses.replace(
        options,
        connect_timeout=TIMEOUT if options.connect_timeout is None else options.connect_timeout,
        read_timeout=TIMEOUT if options.read_timeout is None else options.read_timeout)
    command = resolve.Command(service_cli, service, api_name,
                              models.load_operation(service, api_name, environ), ())
    client = create_client(command, options, Settings(options, environ), environ)
    found = jmespath.search(expression, call_operation(client, command, dict(params or {})))
    if not isinstance(found, list):
        return []
    return [str(value) for value in found if isinstance(value, (str, int, float))
            and not isinstance(value, bool)]
