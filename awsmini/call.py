"""Stage 9: build the botocore client and make the call; the only module that connects.

Takes the resolved command, the API parameters, the global options and the
profile settings; returns the parsed response (without `ResponseMetadata`).
Credentials, region, endpoint and retries are resolved by botocore's session
(`session.py`) from the options, `~/.aws/config`, `~/.aws/credentials` and the
`AWS_*` variables of the run's environment, as `aws` resolves them. botocore's
own parameter validation runs before anything is sent. botocore's exceptions
become awsmini's families here, with AWS CLI v2's wording (`translate_errors`).
botocore's session and client machinery are imported only here and in
`session.py`; other modules use its lighter parts (naming,
exceptions, utilities, the config loader, the paginator, the validator, the
response parsers in fastparse.py, and the SigV4 signer that commands/presigned.py
and the eks token sign with).
"""
from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from typing import Any, Callable, Iterator, Mapping

from botocore import xform_name

from awsmini import models
from awsmini.errors import (ConfigurationError, OtherError, ParamValidationError,
                            ServiceError)
from awsmini.globalopts import GlobalOptions
from awsmini.resolve import Command
from awsmini.session import new_session, session_region, sliced
from awsmini.settings import Settings

LOG = logging.getLogger(__name__)

NO_CREDENTIALS = 'Unable to locate credentials. You can configure credentials by running "aws login".'
NO_REGION = ('You must specify a region. You can also configure your region by running '
             '"aws configure".')

OUT_OF_MEMORY = ("An HTTP Client raised an unhandled exception: not enough memory to read "
                 "the response")


def create_client(command: Command, options: GlobalOptions, settings: Settings,
                  environ: Mapping[str, str]) -> Any:
    """A botocore client for the command's service, configured as v2 configures it."""
    return create_service_client(command.service_name, options, settings, environ,
                                 model=command.model)


def create_service_client(service: str, options: GlobalOptions, settings: Settings,
                          environ: Mapping[str, str], model: models.ServiceModel | None = None,
                          region: str | None = None, endpoint_url: str | None = None,
                          config: Mapping[str, Any] | None = None) -> Any:
    """A botocore client for `service`, configured from the global options and the profile.

    With `model` (a slice), botocore builds the client from it instead of the whole
    service model. `region` and `endpoint_url` override the options' (a hand-written
    command's source bucket region); `config` adds botocore `Config` settings.
    """
    with translate_errors():
        session = new_session(service, model, options, settings, environ)
        client_config = _client_config(options, session, environ, config or {})
        region = region or session_region(options, environ, session)
        if not region:
            raise ConfigurationError(NO_REGION, "NoRegion")
        if options.sign_request and session.get_credentials() is None:
            raise ConfigurationError(NO_CREDENTIALS, "NoCredentials")
        verify: Any = None
        if not options.verify_ssl:
            verify = False
        elif options.ca_bundle:
            verify = options.ca_bundle
        with sliced(session):
            client = session.create_client(service, region_name=region,
                                           endpoint_url=endpoint_url or options.endpoint_url,
                                           verify=verify, config=client_config)
        _check_body_lengths(client)
        _rewrite_error_messages(client, service)
        return client


def _rewrite_error_messages(client: Any, service: str) -> None:
    """v2's rewrites of the service's error messages (`custom`), applied to the parsed
    response before botocore raises its error from it."""
    from awsmini.custom import error_messages
    from awsmini.resolve import service_cli_name

    rewrite = error_messages(service_cli_name(service))
    if rewrite is not None:
        client.meta.events.register("after-call.%s" % client.meta.service_model.service_id
                                    .hyphenize(), lambda parsed, **kwargs: rewrite(parsed),
                                    unique_id="awsmini-error-messages")


def _check_body_lengths(client: Any) -> None:
    """Refuse a response body shorter than its Content-Length, as v2 does.

    botocore asks urllib3 not to enforce the length (it checks streamed bodies
    itself) and so takes a body cut short by a closed connection as whole: a
    listing would print as complete with items missing. v2's bundled botocore
    lets urllib3 enforce it. Here the client's own HTTP session sends the
    request and the length is checked; the error is botocore's for a closed
    connection, so it is retried and reported as v2 reports it.
    """
    http_session = client._endpoint.http_session  # botocore offers no public handle

    def send_checked(request: Any, **kwargs: Any) -> Any:
        if request.stream_output or request.method == "HEAD":
            return None  # botocore's send; a streamed body is checked as it is read
        response = http_session.send(request)
        expected = response.headers.get("Content-Length", "")
        if (expected.isdigit() and response.status_code not in (204, 304)
                and len(response.content) < int(expected)):
            from botocore.exceptions import ConnectionClosedError

            raise ConnectionClosedError(endpoint_url=request.url, request=request)
        return response

    client.meta.events.register_last("before-send", send_checked,
                                     unique_id="awsmini-check-body-length")


def preload() -> None:
    """Import botocore's session and client machinery now, ahead of a later call
    (the prompt does it in the background while the user types)."""
    import botocore.session  # noqa: F401  (its import is the work)


def call_operation(client: Any, command: Command, params: Mapping[str, Any],
                   outfile: str | None = None, saves: Mapping[str, str] | None = None) -> dict:
    """Call the operation once; the response without its `ResponseMetadata`.

    With `outfile` (v2's positional argument of blob-payload outputs), the payload
    is streamed into that file and left out of the response, as v2 does. `saves`
    ({path: JMESPath}, v2's `--*-outfile` options) writes those parts of the
    response to those files, readable by the user only; the response still prints.
    """
    with translate_errors():
        method = getattr(client, xform_name(command.api_name))
        response = method(**params)
        if outfile is not None:
            _save_payload(response, command, outfile)
    for path, query in (saves or {}).items():
        _save_query(response, query, path)
    response.pop("ResponseMetadata", None)
    return response


def other_operation(command: Command, options: GlobalOptions, settings: Settings,
                    environ: Mapping[str, str]) -> Callable[[str, Mapping[str, Any]], dict]:
    """A function calling another operation of the command's service, with the same
    settings (a client of the whole model, made at the first call); it returns the
    response without its `ResponseMetadata`."""
    clients: list = []

    def call(api_name: str, params: Mapping[str, Any]) -> dict:
        if not clients:
            clients.append(create_service_client(command.service_name, options, settings,
                                                 environ))
        with translate_errors():
            response = getattr(clients[0], xform_name(api_name))(**params)
        response.pop("ResponseMetadata", None)
        return response

    return call


def _save_query(response: dict, query: str, path: str) -> None:
    import jmespath

    contents = jmespath.search(query, response)
    path = os.path.abspath(path)  # expanded by the driver
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(descriptor, "w", encoding="utf-8") as fp:
        fp.write("" if contents is None else str(contents))
    os.chmod(path, 0o600)  # an existing file is clobbered to the mode too, as v2 does


def wait_for(client: Any, command: Command, params: Mapping[str, Any]) -> None:
    """Poll with botocore's waiter until its success state; a failure state or too
    many attempts raise (v2: `Waiter InstanceRunning failed: ...`, exit 255)."""
    with translate_errors():
        client.get_waiter(xform_name(command.waiter)).wait(**params)


def _save_payload(response: dict, command: Command, outfile: str) -> None:
    output = command.model.operations[command.api_name]["output"]["shape"]
    body = response.pop(command.model.shape(output)["payload"], None)
    with _replacing(outfile) as fp:
        if body is None:
            return
        if isinstance(body, (bytes, bytearray)):
            fp.write(body)
            return
        for chunk in iter(lambda: body.read(1024 * 1024), b""):
            fp.write(chunk)


@contextlib.contextmanager
def _replacing(path: str) -> Iterator[Any]:
    """A binary file to write `path`'s new contents to, renamed over it when the block
    ends; an error or Ctrl-C on the way leaves the old file as it was. The file keeps
    its permission bits (a new one gets the umask's). A path that is not a regular
    file (`/dev/stdout`, a FIFO) is written directly, as v2 writes every outfile.
    Errors name `path`, as v2's do."""
    target = os.path.realpath(path)  # a link stays a link: its target is replaced
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OSError(error.errno, error.strerror, path) from None
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "wb") as fp:
            yield fp
        return
    try:
        descriptor, temporary = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".",
                                                 dir=os.path.dirname(target))
    except OSError as error:
        raise OSError(error.errno, error.strerror, path) from None
    try:
        with os.fdopen(descriptor, "wb") as fp:
            os.fchmod(fp.fileno(), stat.S_IMODE(mode) if mode is not None else _new_file_mode())
            yield fp
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def paginate_operation(client: Any, command: Command, params: Mapping[str, Any],
                       pagination_config: Mapping[str, Any]) -> "Pages":
    """The operation's pages through botocore's paginator; nothing is sent until iterated."""
    with translate_errors():
        paginator = client.get_paginator(xform_name(command.api_name))
        return Pages(paginator.paginate(PaginationConfig=dict(pagination_config), **params))


class Pages:
    """botocore's page iterator with its errors translated as `call_operation` translates them.

    Iterating fetches one page per step; the iterator's other attributes
    (`result_keys`, `non_aggregate_part`, `resume_token`) are passed through.
    """

    def __init__(self, page_iterator: Any) -> None:
        self._pages = page_iterator

    def __iter__(self) -> Iterator[dict]:
        with translate_errors():
            yield from self._pages

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pages, name)


def botocore_session(options: GlobalOptions, settings: Settings,
                     environ: Mapping[str, str]) -> Any:
    """The botocore session clients are made from, with the whole of every model."""
    with translate_errors():
        return new_session("", None, options, settings, environ)


def _client_config(options: GlobalOptions, session: Any, environ: Mapping[str, str],
                   extra: Mapping[str, Any]) -> Any:
    from botocore import UNSIGNED
    from botocore.config import Config

    kwargs: dict[str, Any] = dict(extra)
    if not options.sign_request:
        kwargs["signature_version"] = UNSIGNED
    if options.connect_timeout is not None:
        kwargs["connect_timeout"] = options.connect_timeout or None
    if options.read_timeout is not None:
        kwargs["read_timeout"] = options.read_timeout or None
    # v2's default retry mode is "standard" where botocore's is "legacy".
    if not environ.get("AWS_RETRY_MODE") and "retry_mode" not in session.get_scoped_config():
        kwargs["retries"] = {"mode": "standard"}
    return Config(**kwargs)


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """botocore's exceptions -> awsmini's families, with v2's messages."""
    from botocore import exceptions as bc

    try:
        yield
    except bc.ClientError as error:
        raise ServiceError(str(error), _error_fields(error.response)) from error
    except bc.ParamValidationError as error:
        raise ParamValidationError(str(error)) from error
    except bc.NoCredentialsError as error:
        raise ConfigurationError(NO_CREDENTIALS, "NoCredentials") from error
    except bc.NoRegionError as error:
        raise ConfigurationError(NO_REGION, "NoRegion") from error
    except bc.HTTPClientError as error:
        if isinstance(error.kwargs.get("error"), MemoryError):
            # botocore reads a whole response into memory; a body larger than the memory
            # left is a MemoryError, whose text is empty (v2 prints the bare prefix).
            raise OtherError(OUT_OF_MEMORY) from error
        raise OtherError(str(error)) from error
    except bc.BotoCoreError as error:
        raise OtherError(str(error)) from error


def _error_fields(response: Mapping[str, Any]) -> dict | None:
    """v2's error info (`awscli/errorhandler.py`, ClientErrorHandler): the response's
    `Error` and the error shape's modelled fields, nothing unmodelled (an S3 `Error`'s
    `RequestId`, `HostId`, `BucketName`), in that order.

    botocore puts the modelled fields, and only those, beside `Error` and
    `ResponseMetadata` in the response, so they tell what the shape models.
    """
    error = response.get("Error")
    if error is None:
        return None
    modelled = {key: value for key, value in response.items()
                if key not in ("Error", "ResponseMetadata", "Code", "Message")}
    known = {"code", "message"} | {key.lower() for key in modelled}
    fields = {key: value for key, value in error.items() if key.lower() in known}
    fields.update((key, value) for key, value in modelled.items() if key not in fields)
    return fields
