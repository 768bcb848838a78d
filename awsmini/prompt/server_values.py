"""Server-side values while the prompt is open: fetched in the background, cached.

`ServerValues(fetch, environ)` answers `values(service, api_name, spec,
client_args)` at once with what it knows: the cached identifiers for that
option, or () while none have arrived. The first ask for a key starts one
daemon thread that finds the list call (`resource_index.list_source`) and runs
`fetch(service, list_api_name, expression, client_args)`, the callable
`main.py` hands over (it opens the connection; this package never does).

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

FetchValues = Callable[[str, str, str, Sequence[str]], Sequence[str]]


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
        key = (service, api_name, spec.cli_name, self.base_args + tuple(client_args))
        with self._lock:
            if key in self._results:
                return self._results[key]
            if key in self._pending:
                return ()
            self._pending.add(key)
        threading.Thread(target=self._fetch, args=(key, spec), daemon=True,
                         name="server-values").start()
        return ()

    def _fetch(self, key: tuple, spec: ArgSpec) -> None:
        service, api_name, _, args = key
        started = time.monotonic()
        found: tuple[str, ...] = ()
        try:
            source = resource_index.list_source(service, api_name, spec.member_name,
                                                self.environ, is_list=spec.nargs == "+")
            if source is not None:
                LOG.debug("Server-side values for --%s: %s %s", spec.cli_name,
                          source.api_name, source.expression)
                found = tuple(self.fetch(service, source.api_name, source.expression, args))
        except Exception:  # the menu just goes without them
            LOG.debug("Server-side values for --%s failed", spec.cli_name, exc_info=True)
        elapsed = time.monotonic() - started
        if found and elapsed > self.limit:
            LOG.debug("Server-side values for --%s came after %.1f s, past the %.1f s limit",
                      spec.cli_name, elapsed, self.limit)
            found = ()
        with self._lock:
            self._results[key] = found
            self._pending.discard(key)
        if found and self.on_arrival is not None:
            self.on_arrival()

    def __call__(self, service: str, api_name: str, spec: ArgSpec,
                 client_args: Sequence[str]) -> tuple[str, ...]:
        return self.values(service, api_name, spec, client_args)
