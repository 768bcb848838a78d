"""The names completion offers that are not in one operation's model.

Services with their full names (read from every model once, then from a cache
file under the user cache directory, rebuilt in a background thread when the
models change), region names from botocore's partitions file, and profile
names from the config and credentials files. Reads files only; never imports
prompt_toolkit and never opens a connection.
"""
from __future__ import annotations

import configparser
import os
from functools import lru_cache
from typing import Callable, Mapping, Sequence

from awsmini import models, resolve
from awsmini.cachefile import cache_dir, read_json, write_json
from awsmini.configpaths import config_file, credentials_file


def service_names(environ: Mapping[str, str], block: bool = False) -> dict[str, str]:
    """{service command name: full name}, alphabetical (cached on disk by model paths).

    Without a cache the full names are empty until a background thread has
    read every model, unless `block` asks to wait for them.
    """
    return dict(_service_names(_environ_key(environ), block))


def _environ_key(environ: Mapping[str, str]) -> tuple:
    return tuple((k, environ.get(k, "")) for k in ("AWS_DATA_PATH", "HOME", "XDG_CACHE_HOME"))


_full_names: dict[tuple, tuple[tuple[str, str], ...]] = {}
_building: dict[tuple, bool] = {}
_waiting: list[Callable[[], None]] = []  # called once the background build is done


def when_full_names(callback: Callable[[], None]) -> None:
    """Call `callback` (from the building thread) once the full names being built
    in the background are there; never, when none are being built."""
    _waiting.append(callback)


def _service_names(key: tuple, block: bool) -> tuple[tuple[str, str], ...]:
    """From memory or the disk cache; without a cache, the bare names at once and the
    full names built in a background thread (the first run reads every model)."""
    if key in _full_names and not (block and key in _building):
        return _full_names[key]
    environ = dict(key)
    names = models.list_services(environ)
    path = os.path.join(cache_dir(environ, "prompt"),
                        "services-%s.json" % _models_digest(names, environ))
    cached = read_json(path)
    if (isinstance(cached, list) and len(cached) == len(names)
            and all(isinstance(pair, list) and len(pair) == 2 for pair in cached)):
        _full_names[key] = tuple((cli, full) for cli, full in cached)
        return _full_names[key]
    if block:
        _building.pop(key, None)
        _build_full_names(key, names, path)
        return _full_names[key]
    import threading

    bare = tuple(sorted((resolve.service_cli_name(name), "") for name in names))
    _full_names[key] = bare
    _building[key] = True
    threading.Thread(target=_build_full_names, args=(key, names, path), daemon=True).start()
    return bare


def _build_full_names(key: tuple, names: Sequence[str], path: str) -> None:
    environ = dict(key)
    table = []
    for name in names:
        try:
            meta = models.service_metadata(name, environ)
        except (LookupError, OSError, ValueError):
            meta = {}
        table.append((resolve.service_cli_name(name), meta.get("serviceFullName", "")))
    table.sort()
    write_json(path, table)
    _full_names[key] = tuple(table)
    _building.pop(key, None)
    while _waiting:
        try:
            _waiting.pop()()
        except Exception:  # a prompt that has gone away
            pass


def _models_digest(names: Sequence[str], environ: Mapping[str, str]) -> str:
    """Changes when a service or a model directory changes (an upgrade, AWS_DATA_PATH)."""
    import hashlib

    digest = hashlib.sha1("\0".join(names).encode())
    for base in models.search_paths(environ):
        try:
            digest.update(("%s\0%d\0" % (base, os.stat(base).st_mtime_ns)).encode())
        except OSError:
            continue
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def region_names() -> tuple[str, ...]:
    """Region names of every partition in botocore's endpoint data, sorted."""
    import importlib.util

    spec = importlib.util.find_spec("botocore")
    if spec is None or not spec.submodule_search_locations:
        return ()
    data = read_json(os.path.join(list(spec.submodule_search_locations)[0], "data",
                                   "partitions.json")) or {}
    regions = {name for partition in data.get("partitions", [])
               for name in partition.get("regions", {}) if not name.endswith("-global")}
    return tuple(sorted(regions))


def profile_names(environ: Mapping[str, str]) -> list[str]:
    """Profiles named in the config and credentials files, sorted."""
    names = set()
    for kind, path in (("config", config_file(environ)),
                       ("credentials", credentials_file(environ))):
        parser = configparser.RawConfigParser(strict=False)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        for section in parser.sections():
            if kind == "config" and section.startswith("profile "):
                names.add(section[len("profile "):].strip())
            elif kind == "credentials" or section == "default":
                names.add(section.strip())
    return sorted(names)
