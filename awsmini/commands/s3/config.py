"""The profile's `s3` settings -> the transfer manager that moves the bytes.

Follows v2's `transferconfig.py` and `factory.py` (`awscli/customizations/s3/`):
the settings of the profile's `s3` section (`max_concurrent_requests`,
`max_queue_size`, `multipart_threshold`, `multipart_chunksize` as sizes such as
`16MB`, `max_bandwidth` as rates such as `10MB/s` or `80Mb/s`, `io_chunksize`,
`preferred_transfer_client`) checked and turned into s3transfer's
`TransferConfig`. Transfers run on s3transfer's `TransferManager` (`classic`),
or on the AWS Common Runtime's client (`crt`) when the optional `awscrt` is
installed and asked for (`auto` picks it only where awscrt says the machine is
one it is optimised for, and never for S3 to S3 copies). The settings botocore
reads itself (`addressing_style`, `use_accelerate_endpoint`,
`payload_signing_enabled`) reach the client through the profile.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.errors import OtherError

DEFAULTS = {"multipart_threshold": 8 * 1024 ** 2, "multipart_chunksize": 8 * 1024 ** 2,
            "max_concurrent_requests": 10, "max_queue_size": 1000, "max_bandwidth": None,
            "io_chunksize": 256 * 1024, "preferred_transfer_client": "auto",
            "target_bandwidth": None}
_SIZES = ("multipart_chunksize", "multipart_threshold", "io_chunksize")
_RATES = ("max_bandwidth", "target_bandwidth")
_POSITIVE = ("multipart_chunksize", "multipart_threshold", "max_concurrent_requests",
             "max_queue_size", "max_bandwidth", "target_bandwidth", "io_chunksize")
_CLIENTS = ("auto", "classic", "crt")
_UNITS = {"kb": 1024, "mb": 1024 ** 2, "gb": 1024 ** 3, "tb": 1024 ** 4,
          "kib": 1024, "mib": 1024 ** 2, "gib": 1024 ** 3, "tib": 1024 ** 4}
# setting -> TransferConfig's name for it
_TRANSFER_CONFIG = {"max_concurrent_requests": "max_request_concurrency",
                    "max_queue_size": "max_request_queue_size",
                    "multipart_threshold": "multipart_threshold",
                    "multipart_chunksize": "multipart_chunksize",
                    "max_bandwidth": "max_bandwidth", "io_chunksize": "io_chunksize"}
IN_MEMORY_CHUNKS = 6  # v2 bounds the parts held in memory (s3transfer's default is 1000)
SMALL_BODY = 1024 ** 2  # sent whole rather than after a `100 Continue`


def runtime_config(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """The profile's `s3` settings over the defaults, converted and checked."""
    config: dict[str, Any] = dict(DEFAULTS)
    config.update({name: value for name, value in (settings or {}).items() if name in DEFAULTS})
    for name in _SIZES:
        if isinstance(config[name], str):
            config[name] = parse_size(config[name])
    for name in _RATES:
        if isinstance(config[name], str):
            config[name] = parse_rate(config[name])
    for name in _POSITIVE:
        value = config[name]
        if value is None:
            continue
        try:
            config[name] = int(value)
        except ValueError:
            config[name] = 0
        if config[name] <= 0:
            raise OtherError("Value for %s must be a positive integer: %s" % (name, value))
    if config["preferred_transfer_client"] == "default":
        config["preferred_transfer_client"] = "classic"
    if config["preferred_transfer_client"] not in _CLIENTS:
        raise OtherError('Invalid value: "%s" for configuration option: '
                         '"preferred_transfer_client". Supported values are: %s'
                         % (config["preferred_transfer_client"], ", ".join(_CLIENTS)))
    return config


def parse_size(text: str) -> int:
    """`10MB`, `8MiB`, `1048576` -> bytes (units of 1024), failing in v2's words."""
    lowered = text.lower()
    unit = lowered[-3:] if lowered.endswith("ib") else lowered[-2:]
    try:
        if len(lowered) < 2 or unit not in _UNITS:
            try:
                return int(lowered)
            except ValueError:
                raise OtherError("Invalid size value: %s" % lowered) from None
        return int(lowered[:-len(unit)]) * _UNITS[unit]
    except ValueError as error:  # digits v2 reads with int(): its message
        raise OtherError(str(error)) from None


def parse_rate(text: str) -> int:
    """`10MB/s` (bytes), `80Mb/s` (bits), `1048576` -> bytes per second."""
    if text.endswith("B/s") or text.endswith("b/s"):
        amount = text[:-3] if text[:-3].isdigit() else text[:-2]
        value = parse_size(amount)
        return value if text.endswith("B/s") else int(value / 8)
    try:
        return int(text)
    except ValueError:
        raise OtherError("Invalid rate: %s. The value must be expressed as an integer in "
                         "terms of bytes per second (e.g. 10485760) or a rate in terms of "
                         "bytes per second (e.g. 10MB/s or 800KB/s) or bits per second "
                         "(e.g. 10Mb/s or 800Kb/s)" % text) from None


def transfer_config(config: Mapping[str, Any]) -> Any:
    """s3transfer's `TransferConfig` of a runtime config."""
    from s3transfer.manager import TransferConfig

    result = TransferConfig(**{_TRANSFER_CONFIG[name]: value for name, value in config.items()
                               if name in _TRANSFER_CONFIG})
    result.max_in_memory_upload_chunks = IN_MEMORY_CHUNKS
    result.max_in_memory_download_chunks = IN_MEMORY_CHUNKS
    return result


def client_type(config: Mapping[str, Any], paths_type: str) -> str:
    """`classic` or `crt`: what moves this command's bytes."""
    preferred = config["preferred_transfer_client"]
    if paths_type == "s3s3" or preferred == "classic":
        return "classic"
    try:
        import awscrt.s3
    except ImportError:
        if preferred == "crt":
            raise OtherError("preferred_transfer_client is crt, but the awscrt package is "
                             "not installed (pip install awscrt)") from None
        return "classic"
    if preferred == "crt":
        return "crt"
    if awscrt.s3.is_optimized_for_system():
        from s3transfer.crt import acquire_crt_s3_process_lock

        # another awsmini process holding the runtime's lock keeps this one classic
        if acquire_crt_s3_process_lock("awsmini") is not None:
            return "crt"
    return "classic"


def create_manager(client: Any, config: Mapping[str, Any], paths_type: str,
                   crt_options: Mapping[str, Any]) -> Any:
    """The transfer manager of one command (use as a context manager).

    `crt_options` describe the session for the runtime's client: `session` (a
    function returning the botocore session), `region`, `endpoint_url`, `verify`, `sign_request`.
    """
    if client_type(config, paths_type) == "crt":
        return _crt_manager(config, crt_options)
    from s3transfer.manager import TransferManager

    return TransferManager(client, transfer_config(config))


def skip_small_continues(client: Any) -> None:
    """Send bodies under `SMALL_BODY` without botocore's `Expect: 100-continue`.

    botocore asks every S3 upload to wait for the server's `100 Continue`, which
    spares a large body that would be refused; for a small one the extra round
    trip (and its interim response) costs more than sending it, and a run of
    small files pays it once per file.
    """
    client.meta.events.register_last("before-call.s3", _skip_small_continue,
                                     unique_id="awsmini-skip-small-continue")


def _skip_small_continue(params: dict, **kwargs: Any) -> None:
    if params["headers"].get("Expect") != "100-continue":
        return
    from botocore.utils import determine_content_length

    size = determine_content_length(params.get("body"))
    if size is not None and size < SMALL_BODY:
        del params["headers"]["Expect"]


def _crt_manager(config: Mapping[str, Any], options: Mapping[str, Any]) -> Any:
    from urllib.parse import urlparse

    from s3transfer.crt import (BotocoreCRTCredentialsWrapper, BotocoreCRTRequestSerializer,
                                CRTTransferManager, acquire_crt_s3_process_lock,
                                create_s3_crt_client)

    acquire_crt_s3_process_lock("awsmini")
    session, endpoint_url = options["session"](), options.get("endpoint_url")
    kwargs: dict[str, Any] = {"region": options["region"], "verify": options.get("verify"),
                              "part_size": None, "fio_options": {}}
    if endpoint_url and urlparse(endpoint_url).scheme == "http":
        kwargs["use_ssl"] = False
    if config.get("target_bandwidth"):
        kwargs["target_throughput"] = config["target_bandwidth"]
    if "multipart_chunksize" in (options.get("settings") or {}):
        kwargs["part_size"] = config["multipart_chunksize"]
    if options.get("sign_request", True):
        kwargs["crt_credentials_provider"] = BotocoreCRTCredentialsWrapper(
            session.get_credentials()).to_crt_credentials_provider()
    serializer = BotocoreCRTRequestSerializer(
        session, {"region_name": options["region"], "endpoint_url": endpoint_url})
    return CRTTransferManager(create_s3_crt_client(**kwargs), serializer)
