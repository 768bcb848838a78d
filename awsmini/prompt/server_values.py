"""Server-side values while the prompt is open: fetched in the background, cached.

`ServerValues(fetch, environ)` answers `values(service, api_name, spec,
client_args)` at once with what it knows: the cached identifiers for that
option, or () while none have arrived. The first ask for a key starts one
daemon thread that finds the list call (`resource_index.list_source`) and runs
`fetch(service, list_api_name, expression, client_args)`, the callable
`interactive.py` hands over (it opens the connection; this package never does).

An answer that arrives within `limit` seconds (2 s at most) is cached and
`on_arrival()` is called so the prompt can redraw its menu; a later one, or a
failure, caches () and is logged under `--debug` only. Either way the key is
fetched once per prompt: keystrokes never wait for the network and a
dead endpoint is not asked again on every keystroke.

Keys are (service, operation, option, client options of the line): another
`--endpoint-url`, `--region` or `--profile` is another key.

`warm_up()` runs the fetch's `prepare()`, when it has one, in a daemon thread
once: the prompt calls it after its first screen, so the client machinery is
loaded while the user types rather than inside the first fetch's limit.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.prompt import resource_index

LOG = logging.getLogger(__name__)
LIMIT = 2.0  # seconds: the longest the menu waits for a list call

# (service, list API name, expression, client args[, parameters]) -> values
FetchValues = Callable[..., Sequence[str]]


class ServerValues:
    """The prompt session's server-side values, by option and line options."""

    def __init__(self, fetch: FetchValues, environ: Mapping[str, str],
                 base_args: Sequence[str] = (), limit: float = LIMIT) -> None:
        self.fetch = fetch
        self.environ = environ
        self.base_args = tuple(base_args)  # the shell's own global options come first
        self.limit = min(limit, LIMIT)
        self.on_arrival: Callable[[], None] | None = None
        self._results: dict[tuple, tuple[str, ...]] = {}
        self._pending: set[tuple] = set()
        self._lock = threading.Lock()
        self._warming = False

    def warm_up(self) -> None:
        """Start the fetch's `prepare()` in the background, the first time only."""
        prepare = getattr(self.fetch, "prepare", None)
        with self._lock:
            if self._warming or prepare is None:
                return
            self._warming = True
        threading.Thread(target=self._prepare, args=(prepare,), daemon=True,
                         name="server-values-warm-up").start()

    @staticmethod
    def _prepare(prepare: Callable[[], None]) -> None:
        try:
            prepare()
        except Exception:  # the first fetch will meet (and log) the same failure
            LOG.debug("Preparing for server-side values failed", exc_info=True)

    def values(self, service: str, api_name: str, spec: ArgSpec,
               client_args: Sequence[str]) -> tuple[str, ...]:
        """The identifiers known for this option now; starts their fetch on the first ask."""
        args = self.base_args + tuple(client_args)

        def fetch() -> Sequence[str]:
            source = resource_index.list_source(service, api_name, spec.member_name,
                                                self.environ, is_list=spec.takes_words)
            if source is None:
                return ()
            LOG.debug("Server-side values for --%s: %s %s", spec.cli_name,
                      source.api_name, source.expression)
            return self.fetch(service, source.api_name, source.expression, args)

        return self._ask((service, api_name, spec.cli_name, args), "--" + spec.cli_name, fetch)

    def listing(self, service: str, api_name: str, params: Mapping[str, str], expression: str,
                client_args: Sequence[str]) -> tuple[str, ...]:
        """What `expression` picks from one call of `api_name` with `params` (the `s3://`
        paths of the s3 commands), as known now; the call starts on the first ask."""
        args = self.base_args + tuple(client_args)
        key = (service, api_name, tuple(sorted(params.items())), expression, args)
        return self._ask(key, api_name, lambda: self.fetch(service, api_name, expression, args,
                                                           params))

    def _ask(self, key: tuple, label: str, fetch: Callable[[], Sequence[str]]
             ) -> tuple[str, ...]:
        with self._lock:
            if key in self._results:
                return self._results[key]
            if key in self._pending:
                return ()
            self._pending.add(key)
        threading.Thread(target=self._fetch, args=(key, label, fetch), daemon=True,
                         name="server-values").start()
        return ()

    def _fetch(self, key: tuple, label: str, fetch: Callable[[], Sequence[str]]) -> None:
        started = time.monotonic()
        found: tuple[str, ...] = ()
        try:
            found = tuple(fetch())
        except Exception:  # the menu just goes without them
            LOG.debug("Server-side values for %s failed", label, exc_info=True)
        elapsed = time.monotonic() - started
        if found and elapsed > self.limit:
            LOG.debug("Server-side values for %s came after %.1f s, past the %.1f s limit",
                      label, elapsed, self.limit)
            found = ()
        with self._lock:
            self._results[key] = found
            self._pending.discard(key)
        if found and self.on_arrival is not None:
            self.on_arrival()

    def __call__(self, service: str, api_name: str, spec: ArgSpec,
                 client_args: Sequence[str]) -> tuple[str, ...]:
        return self.values(service, api_name, spec, client_args)
