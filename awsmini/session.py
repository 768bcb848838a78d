"""Stage 9a: botocore's session, fed from the run's environment and settings only.

Takes the global options, the `Settings` and the environment mapping of the
run (`Env.environ`); returns the botocore Session clients are made from. The
session reads no environment of its own: its config variables (region,
profile, retries, `AWS_*` settings and the `s3` section's), its credential
providers (the `AWS_ACCESS_KEY_ID` variables, the container, `~/.aws`'s files
and boto's, instance metadata and `credential_process`, which is started with
that environment), the configured endpoints (`AWS_ENDPOINT_URL_*`) and the
bearer token variables all read the mapping given, and its config file is
`Settings.full_config`, the run's one reading of it. The paths of the config
and credentials files are the ones `Settings` expanded from the mapping.

botocore takes such a mapping through public constructors (`ConfigChainFactory`,
the providers' `environ=`) and the credential and token chains' public
`insert_after`/`remove`; the session's own construction of the chains and of
the configured-endpoint provider is overridden in a subclass (those methods
are private: `fastparse.py`'s pin of botocore's versions covers them too).
What botocore still reads from the process's environment, having no handle
for it: proxies (`HTTPS_PROXY`, `NO_PROXY`), `REQUESTS_CA_BUNDLE`,
`SSLKEYLOGFILE`, `AWS_EXECUTION_ENV` in the user agent, the web identity
provider's `AWS_ROLE_ARN` and token file, and an assume-role profile's
`credential_source = Environment`.

The chain's temporary credentials (assume-role, web identity, SSO roles) are
cached in `~/.aws/cli/cache` and SSO tokens read from `~/.aws/sso/cache` of the
environment's HOME (`ssocache`), as v2 injects those caches.

Also here, because they are set on the session: the data loader over awsmini's
model search paths with the command's model slice (and, for a session of one
service, that service's part of endpoints.json: `models.endpoints_for`), and the response parser
settings (v2's ISO 8601 timestamps, or `cli_timestamp_format = wire`).
"""
from __future__ import annotations

import contextlib
import datetime
import functools
import os
import re
import subprocess
from typing import Any, Iterator, Mapping

from awsmini import models, ssocache
from awsmini.globalopts import GlobalOptions
from awsmini.settings import Settings

IMDS_REFRESH_WINDOW = 15 * 60  # seconds; what botocore's own resolver gives the fetcher


def new_session(service: str, model: models.ServiceModel | None, options: GlobalOptions,
                settings: Settings, environ: Mapping[str, str]) -> Any:
    """A botocore session for `service` (`model`, a slice of it, or None for whole models)."""
    session = _session_class()(settings, environ)
    session.register_component("data_loader", _loader(service, model, environ))
    session.set_config_variable("config_file", settings.path)
    session.set_config_variable("credentials_file", settings.credentials_path)
    if options.profile:
        # An explicit profile is an instance variable: botocore then ignores
        # credentials in the environment, as v2 does.
        session.set_config_variable("profile", options.profile)
    from awsmini.fastparse import ParserFactory

    factory = ParserFactory()
    session.register_component("response_parser_factory", factory)
    if settings.timestamp_format() == "wire":
        factory.set_parser_defaults(timestamp_parser=lambda value: value)
    else:
        # v2 turns timestamps into ISO 8601 strings while parsing, so that
        # --query, text and table see the same strings json prints.
        factory.set_parser_defaults(timestamp_parser=iso_timestamp)
    # v2 sends epoch timestamps in whole seconds; botocore's setting for that is "legacy".
    session.register("creating-serializer", _whole_second_timestamps)
    session.get_config_variable("region")  # raises ProfileNotFound for an unknown profile
    return session


@contextlib.contextmanager
def sliced(session: Any) -> Iterator[None]:
    """While the block runs, the session's loader hands out the command's model slice."""
    loader = session.get_component("data_loader")
    loader.is_slicing = True
    try:
        yield
    finally:
        loader.is_slicing = False


def session_region(options: GlobalOptions, environ: Mapping[str, str], session: Any) -> str | None:
    """The region as v2 reads it: `--region`, AWS_REGION, then botocore's chain
    (AWS_DEFAULT_REGION, the profile's `region`)."""
    return (options.region or environ.get("AWS_REGION")
            or session.get_config_variable("region"))


@functools.lru_cache(maxsize=None)
def _session_class() -> type:
    """botocore's Session reading a given environment and Settings' config (built on
    first use: botocore's session machinery is imported only then)."""
    import botocore.session
    from botocore.configprovider import ConfiguredEndpointProvider

    class EnvSession(botocore.session.Session):
        def __init__(self, settings: Settings, environ: Mapping[str, str]) -> None:
            self._awsmini_settings = settings
            self._awsmini_environ = environ
            self._awsmini_config: dict[str, Any] | None = None
            super().__init__()
            self.register_component("config_store", _config_store(self, environ))

        @property
        def full_config(self) -> dict[str, Any]:
            if self._awsmini_config is None:
                self._awsmini_config = self._awsmini_settings.full_config()
            return self._awsmini_config

        def _create_credential_resolver(self) -> Any:
            from botocore.credentials import create_credential_resolver

            # v2 keeps the temporary credentials of roles (assume-role, web identity,
            # SSO) in ~/.aws/cli/cache, so that the next command need not ask STS again
            # (customizations/assumerole.py and sso/__init__.py).
            resolver = create_credential_resolver(
                self, cache=ssocache.credentials_cache(self._awsmini_environ),
                region_name=self._last_client_region_used)
            _swap(resolver, [provider.METHOD for provider in resolver.providers],
                  _credential_providers(self, self._awsmini_environ))
            _use_token_cache(resolver, self, self._awsmini_environ)
            return resolver

        def _create_token_resolver(self) -> Any:
            resolver = super()._create_token_resolver()
            from botocore import tokens

            scoped = getattr(tokens, "ScopedEnvTokenProvider", None)  # botocore >= 1.40
            if scoped is not None:
                _swap(resolver, [scoped.METHOD], [scoped(self, environ=self._awsmini_environ)])
            _swap(resolver, [tokens.SSOTokenProvider.METHOD], [tokens.SSOTokenProvider(
                self, cache=ssocache.token_cache(self._awsmini_environ))])
            return resolver

        def _add_configured_endpoint_provider(self, client_name: str, config_store: Any) -> None:
            config_store.set_config_provider("endpoint_url", ConfiguredEndpointProvider(
                full_config=self.full_config, scoped_config=self.get_scoped_config(),
                client_name=client_name, environ=self._awsmini_environ))

    return EnvSession


def _config_store(session: Any, environ: Mapping[str, str]) -> Any:
    """botocore's config chains (instance, environment, config file, default) for the
    session's variables and its `s3` and `proxies_config` sections, over `environ`."""
    from botocore.configprovider import (DEFAULT_PROXIES_CONFIG_VARS, DEFAULT_S3_CONFIG_VARS,
                                         ConfigChainFactory, ConfigValueStore,
                                         SectionConfigProvider)

    factory = ConfigChainFactory(session=session, environ=environ)

    def chains(variables: Mapping[str, tuple]) -> dict[str, Any]:
        return {name: factory.create_config_chain(
                    instance_name=name, env_var_names=variable_names,
                    config_property_names=config_names, default=default,
                    conversion_func=convert)
                for name, (config_names, variable_names, default, convert) in variables.items()}

    variables = dict(session.session_var_map)
    # v2's bundled botocore reads AWS_REGION before AWS_DEFAULT_REGION, also for the
    # clients botocore makes itself (an assume-role profile's STS client)
    config_names, _, default, convert = variables["region"]
    variables["region"] = (config_names, ["AWS_REGION", "AWS_DEFAULT_REGION"], default, convert)
    mapping = chains(variables)
    mapping["s3"] = SectionConfigProvider("s3", session, chains(DEFAULT_S3_CONFIG_VARS))
    mapping["proxies_config"] = SectionConfigProvider(
        "proxies_config", session, chains(DEFAULT_PROXIES_CONFIG_VARS))
    return ConfigValueStore(mapping=mapping)


def _credential_providers(session: Any, environ: Mapping[str, str]) -> list[Any]:
    """The providers of botocore's default chain that read the environment, made over
    `environ` (each replaces the one of its METHOD)."""
    from botocore import credentials
    from botocore.utils import InstanceMetadataFetcher, resolve_imds_endpoint_mode

    fetcher = InstanceMetadataFetcher(
        timeout=session.get_config_variable("metadata_service_timeout"),
        num_attempts=session.get_config_variable("metadata_service_num_attempts"),
        user_agent=session.user_agent(), env=environ, config={
            "ec2_metadata_service_endpoint":
                session.get_config_variable("ec2_metadata_service_endpoint"),
            "ec2_metadata_service_endpoint_mode": resolve_imds_endpoint_mode(session),
            "ec2_credential_refresh_window": IMDS_REFRESH_WINDOW,
            "ec2_metadata_v1_disabled": session.get_config_variable("ec2_metadata_v1_disabled"),
        })
    return [
        credentials.EnvProvider(environ=environ),
        credentials.ContainerProvider(environ=environ),
        credentials.OriginalEC2Provider(environ=environ),
        credentials.BotoProvider(environ=environ),
        credentials.InstanceMetadataProvider(iam_role_fetcher=fetcher),
        credentials.ProcessProvider(
            profile_name=session.get_config_variable("profile") or "default",
            load_config=lambda: session.full_config,
            popen=functools.partial(subprocess.Popen, env=dict(environ))),
    ]


def _use_token_cache(resolver: Any, session: Any, environ: Mapping[str, str]) -> None:
    """The SSO and login providers read their tokens from the environment's HOME (and
    AWS_LOGIN_CACHE_DIRECTORY): botocore names its token caches from the process's."""
    from botocore import tokens
    from botocore.exceptions import UnknownCredentialError

    try:
        provider = resolver.get_provider("sso")
    except UnknownCredentialError:
        return
    profile = session.get_config_variable("profile") or "default"
    # no public handle for them: set as botocore's SSOProvider.__init__ sets them
    provider._token_cache = ssocache.token_cache(environ)
    provider._token_provider = tokens.SSOTokenProvider(
        session, cache=ssocache.token_cache(environ), profile_name=profile)
    try:  # `aws login`'s sessions (botocore >= 1.41)
        resolver.get_provider("login")._token_cache = ssocache.login_cache(environ)
    except UnknownCredentialError:
        pass


def _swap(chain: Any, present: list[str], providers: list[Any]) -> None:
    """Each provider in place of the chain's provider of the same METHOD, if it has one."""
    for provider in providers:
        if provider.METHOD not in present:
            continue
        if hasattr(chain, "insert_after"):
            chain.insert_after(provider.METHOD, provider)
            chain.remove(provider.METHOD)  # the first of that name: the one botocore made
        else:  # botocore's token chain before it had them (1.42, the last on Python 3.9)
            listed = chain._providers
            index = next(i for i, made in enumerate(listed)
                         if getattr(made, "METHOD", None) == provider.METHOD)
            listed[index] = provider


def _whole_second_timestamps(serializer_kwargs: dict, **kwargs: Any) -> None:
    from botocore import serialize

    # botocore releases without the "legacy" setting send whole seconds already.
    if "legacy" in getattr(serialize, "TIMESTAMP_PRECISION_OPTIONS", ()):
        serializer_kwargs["timestamp_precision"] = "legacy"


def _loader(service: str, model: models.ServiceModel | None,
            environ: Mapping[str, str]) -> Any:
    """botocore's loader over awsmini's search paths, handing botocore the command's
    model slice: the client then parses one operation's shapes, not the service's.

    The service list it checks names against is awsmini's cached one: botocore's
    own scan stats every model directory on each start. A service without the
    asked-for file still fails, with DataNotFoundError (UnknownServiceError's base).
    """
    from botocore.loaders import Loader

    class SliceLoader(Loader):
        # The slice is handed only while the command's own client is made (`sliced`):
        # botocore's credential providers make clients of their own later (an
        # assume-role profile's STS client while `sts ...` runs), which need the whole
        # model.
        is_slicing = False

        def list_available_services(self, type_name):
            return models.list_services(environ)

        def load_data_with_path(self, name):
            location = _endpoints_location(self.search_paths) if name == "endpoints" else None
            prefix = _endpoint_prefix(service, model, environ) if location else None
            if location is None or prefix is None:
                return super().load_data_with_path(name)

            def load_whole() -> dict:
                return super(SliceLoader, self).load_data_with_path(name)[0]

            return models.endpoints_for(prefix, location + ".json", load_whole,
                                        environ), location

        def load_service_model(self, service_name, type_name, api_version=None):
            if model is not None and self.is_slicing and (
                    (service_name, type_name) == (service, "service-2")) and (
                    api_version in (None, model.api_version)):
                return model.data
            return super().load_service_model(service_name, type_name, api_version)

    return SliceLoader(extra_search_paths=models.search_paths(environ),
                       include_default_search_paths=False)


# The UTC form S3 and the query protocols send ("2026-12-03T06:20:54.000Z"): read
# directly, since dateutil's general parser costs some 60 us a value, which a
# listing of 100,000 objects pays in seconds. Anything else goes to botocore.
_UTC_TIMESTAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?Z\Z")


def _endpoints_location(search_paths: list[str]) -> str | None:
    """Where botocore's loader would read endpoints.json (the first search path holding
    one; the path named without its extension, as the loader names it), or None where
    it would read another form of it (a gzipped file)."""
    for directory in search_paths:
        location = os.path.join(directory, "endpoints")
        if os.path.isfile(location + ".json"):
            return location
        if os.path.exists(location + ".json.gz"):
            return None
    return None


def _endpoint_prefix(service: str, model: models.ServiceModel | None,
                     environ: Mapping[str, str]) -> str | None:
    """The endpoints.json key of the one service a session's clients are for."""
    if not service:
        return None  # a session for any service: botocore's whole file
    try:
        metadata = model.metadata if model is not None else models.service_metadata(
            service, environ)
    except Exception:  # an unknown service: botocore's own load says so
        return None
    prefix = metadata.get("endpointPrefix")
    return prefix if isinstance(prefix, str) and prefix else None


def iso_timestamp(value: Any) -> str:
    """A timestamp from the wire as v2 prints it (ISO 8601)."""
    match = _UTC_TIMESTAMP.match(value) if isinstance(value, str) else None
    if match:
        year, month, day, hour, minute, second, fraction = match.groups()
        try:
            return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute),
                                     int(second), int((fraction or "0").ljust(6, "0")),
                                     tzinfo=datetime.timezone.utc).isoformat()
        except ValueError:  # no such date: botocore's parser says so
            pass
    from botocore.utils import parse_timestamp

    return parse_timestamp(value).isoformat()
