"""Find and load service models, as botocore's loader finds them, without its weight.

Takes: a service name (botocore's directory name, e.g. `iot`) and the environment.
Returns: `ServiceModel`, the raw `service-2.json` data (with `*.sdk-extras.json`
merged), or a slice of it holding one operation and only the shapes it reaches.

Search order is botocore's: each `AWS_DATA_PATH` entry, `~/.aws/models`,
botocore's own `data/`, then this repository's `models/`. The newest API version
found in any of them wins; its file is taken from the first path that has it.

Loading the whole of a large service (ec2 is 4 MB of JSON) costs more than the
rest of a command, so the names of a service's operations and each operation's
slice are cached under the user cache directory, keyed by the model files'
paths, sizes and modification times: a botocore upgrade or an edited
`AWS_DATA_PATH` file gives a new key. This module must not import botocore's
session, client or loader machinery.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping

from awsmini import __version__, cachefile, configpaths

_REPO_MODELS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")


@dataclass(frozen=True)
class ServiceModel:
    """One service's model data: metadata, operations and shapes, as in `service-2.json`.

    A slice (`is_slice`) holds only some operations and the shapes they reach.
    """

    name: str
    api_version: str
    data: Mapping[str, Any]
    is_slice: bool = False

    @property
    def metadata(self) -> Mapping[str, Any]:
        return self.data.get("metadata", {})

    @property
    def operations(self) -> Mapping[str, Any]:
        return self.data.get("operations", {})

    @property
    def shapes(self) -> Mapping[str, Any]:
        return self.data.get("shapes", {})

    @property
    def protocol(self) -> str:
        meta = self.metadata
        return (meta.get("protocols") or [meta.get("protocol", "")])[0]

    def shape(self, name: str) -> Mapping[str, Any]:
        return self.shapes[name]


# ------------------------------------------------------------------ locating

def search_paths(environ: Mapping[str, str]) -> list[str]:
    """Model directories in botocore's order, then the repository's `models/`."""
    paths = [os.path.expanduser(p) for p in environ.get("AWS_DATA_PATH", "").split(os.pathsep) if p]
    home = configpaths.home(environ)
    paths.append(os.path.join(home, ".aws", "models"))
    paths.append(_botocore_data())
    paths.append(_REPO_MODELS)
    return paths


def _botocore_data() -> str:
    import botocore  # the package alone is light; its session machinery is not imported

    return os.path.join(os.path.dirname(botocore.__file__), "data")


def _model_file(directory: str, type_name: str) -> str | None:
    for suffix in (".json", ".json.gz"):
        path = os.path.join(directory, type_name + suffix)
        if os.path.isfile(path):
            return path
    return None


def list_services(environ: Mapping[str, str]) -> list[str]:
    """Names of every service with a `service-2` model in any search path, sorted.

    Cached by the search paths' modification times: adding or removing a
    service directory changes its parent's.
    """
    digest = hashlib.sha1(__version__.encode())
    for base in search_paths(environ):
        try:
            digest.update(("%s\0%d\0" % (base, os.stat(base).st_mtime_ns)).encode())
        except OSError:
            continue
    path = os.path.join(cachefile.cache_dir(environ, "models"),
                        "services-%s.json" % digest.hexdigest()[:20])
    names = cachefile.read_json(path)
    if not _is_list_of(names, str):
        names = _scan_services(environ)
        cachefile.write_json(path, names)
    return names


def _scan_services(environ: Mapping[str, str]) -> list[str]:
    found = set()
    for base in search_paths(environ):
        try:
            names = os.listdir(base)
        except OSError:
            continue
        for name in names:
            if name not in found and _versions(base, name, "service-2"):
                found.add(name)
    return sorted(found)


def _versions(base: str, service: str, type_name: str) -> list[str]:
    try:
        versions = os.listdir(os.path.join(base, service))
    except OSError:
        return []
    return [v for v in versions if _model_file(os.path.join(base, service, v), type_name)]


def api_version(service: str, environ: Mapping[str, str], type_name: str = "service-2") -> str | None:
    """The newest API version of `service` that any search path has, or None."""
    versions = set()
    for base in search_paths(environ):
        versions.update(_versions(base, service, type_name))
    return max(versions) if versions else None


def find_file(service: str, version: str, type_name: str, environ: Mapping[str, str]) -> str | None:
    """Path of `<service>/<version>/<type_name>.json[.gz]` in the first search path that has it."""
    for base in search_paths(environ):
        path = _model_file(os.path.join(base, service, version), type_name)
        if path:
            return path
    return None


def read_json(path: str) -> Any:
    """Parse a model file, gzipped or not."""
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as fp:
            return json.loads(fp.read().decode("utf-8"))
    with open(path, "rb") as fp:
        return json.loads(fp.read().decode("utf-8"))


# ------------------------------------------------------------------- loading

class UnknownServiceError(LookupError):
    """No model for this service name in any search path."""


def load_service(service: str, environ: Mapping[str, str]) -> ServiceModel:
    """The whole model of `service`, with its sdk-extras merged in."""
    version = api_version(service, environ)
    if version is None:
        raise UnknownServiceError(service)
    files = _model_files(service, version, environ)
    data = read_json(files[0])
    if len(files) > 1:
        _merge(data, read_json(files[1]).get("merge", {}))
    return ServiceModel(service, version, data)


def load_document(service: str, type_name: str, environ: Mapping[str, str]) -> Any:
    """Another model file of `service` (e.g. `paginators-1`), or None when there is none."""
    version = api_version(service, environ)
    path = version and find_file(service, version, type_name, environ)
    return read_json(path) if path else None


def _model_files(service: str, version: str, environ: Mapping[str, str]) -> list[str]:
    files = [find_file(service, version, "service-2", environ)]
    extras = find_file(service, version, "service-2.sdk-extras", environ)
    if extras:
        files.append(extras)
    return [f for f in files if f]


def _merge(target: dict, extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def waiters(service: str, environ: Mapping[str, str]) -> dict[str, Any]:
    """{waiter name: its configuration} from the service's `waiters-2` file, or {}
    (read once per process: the prompt asks on every keystroke)."""
    memo = (service, "_waiters", tuple(search_paths(environ)))
    if memo not in _memory:
        document = load_document(service, "waiters-2", environ)
        _memory[memo] = dict(document.get("waiters", {})) if isinstance(document, dict) else {}
    return _memory[memo]


def operation_names(service: str, environ: Mapping[str, str]) -> list[str]:
    """API names of the operations of `service`, in model order (cached)."""
    return _service_index(service, environ)["operations"]


def operation_cli_names(service: str, environ: Mapping[str, str]) -> dict[str, str]:
    """{operation cli name: API name} of `service`, in model order (cached: naming
    ec2's operations costs more than the rest of a skeleton command)."""
    def build(model: ServiceModel) -> dict[str, str]:
        from botocore import xform_name

        return {xform_name(api_name, "-"): api_name for api_name in model.operations}

    return _cached(service, "_cli_names", environ, build,
                   lambda value: _is_dict_of(value, str) and _is_list_of(list(value.values()), str))


def service_metadata(service: str, environ: Mapping[str, str]) -> Mapping[str, Any]:
    """The `metadata` block of `service` (cached)."""
    return _service_index(service, environ)["metadata"]


def service_documentation(service: str, environ: Mapping[str, str]) -> str:
    """The service's HTML documentation, for its help page (cached)."""
    return _service_index(service, environ)["documentation"]


def _service_index(service: str, environ: Mapping[str, str]) -> dict:
    return _cached(service, "_index", environ, lambda model: {
        "metadata": dict(model.metadata), "operations": list(model.operations),
        "documentation": model.data.get("documentation", "")},
        lambda value: (_is_dict_of(value, str) and isinstance(value.get("metadata"), dict)
                       and _is_list_of(value.get("operations"), str)
                       and isinstance(value.get("documentation"), str)))


def load_operation(service: str, api_name: str, environ: Mapping[str, str]) -> ServiceModel:
    """A slice of `service` holding `api_name` and the shapes it reaches (cached)."""
    data = _cached(service, api_name, environ, lambda model: slice_operation(model, api_name),
                   lambda value: _is_slice_of(value, api_name))
    return ServiceModel(service, data["metadata"].get("apiVersion", ""), data, is_slice=True)


# Operations botocore's own handlers call on a client of these services, whatever
# operation the client was made for: S3's region redirector (HeadBucket) and
# S3 Express's session credentials (CreateSession).
_HANDLER_OPERATIONS = {"s3": ("HeadBucket", "CreateSession")}


def companion_operations(model: ServiceModel) -> list[str]:
    """The operations botocore may call besides the one asked for: those of its
    handlers for this service, and the endpoint-discovery operation of a service
    that has one (timestream's DescribeEndpoints, sent before the first call)."""
    found = [name for name in _HANDLER_OPERATIONS.get(model.name, ()) if name in model.operations]
    found += [name for name, operation in model.operations.items()
              if operation.get("endpointoperation") and name not in found]
    return found


def slice_operation(model: ServiceModel, api_name: str) -> dict:
    """The model data reduced to one operation, the companions botocore may call
    with it, and the shapes reachable from them."""
    companions = [name for name in companion_operations(model) if name != api_name]
    operations = {name: model.operations[name] for name in [api_name, *companions]}
    roots: list[str] = []
    for operation in operations.values():
        roots += [operation.get(key, {}).get("shape") for key in ("input", "output")]
        roots += [error.get("shape") for error in operation.get("errors", [])]
    wanted = {name: model.shapes[name] for name in _reachable(model.shapes,
                                                               [r for r in roots if r])}
    return {"metadata": dict(model.metadata), "operations": operations, "shapes": wanted,
            "documentation": model.data.get("documentation", ""), "companions": companions}


def _reachable(shapes: Mapping[str, Any], roots: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in shapes:
            continue
        seen.add(name)
        yield name
        shape = shapes[name]
        for member in shape.get("members", {}).values():
            todo.append(member["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                todo.append(shape[key]["shape"])


# --------------------------------------------------------------------- cache

_memory: dict[tuple, Any] = {}


def _cached(service: str, part: str, environ: Mapping[str, str], build,
            is_valid: Callable[[Any], bool]) -> Any:
    """`part` of `service` from memory, the disk cache, or `build(full model)`.

    A cache file that does not hold what `is_valid` expects (truncated, edited,
    written by something else) is rebuilt and rewritten, never trusted.
    """
    version = api_version(service, environ)
    if version is None:
        raise UnknownServiceError(service)
    files = _model_files(service, version, environ)
    key = _cache_key(files)
    memo = (service, part, key)
    if memo in _memory:
        return _memory[memo]
    path = os.path.join(cachefile.cache_dir(environ, "models"), service, key, part + ".json")
    value = cachefile.read_json(path)
    if not is_valid(value):
        full = _memory.get((service, "", key))
        if full is None:
            full = _memory[(service, "", key)] = load_service(service, environ)
        if not part.startswith("_") and part not in full.operations:
            raise KeyError(part)
        value = build(full)
        cachefile.write_json(path, value)
    _memory[memo] = value
    return value


def _is_list_of(value: Any, kind: type) -> bool:
    return isinstance(value, list) and all(isinstance(item, kind) for item in value)


def _is_dict_of(value: Any, kind: type) -> bool:
    return isinstance(value, dict) and all(isinstance(key, kind) for key in value)


def _is_slice_of(value: Any, api_name: str) -> bool:
    """A model slice as `slice_operation` writes it, holding `api_name`."""
    return (_is_dict_of(value, str) and isinstance(value.get("metadata"), dict)
            and isinstance(value.get("shapes"), dict)
            and all(isinstance(shape, dict) for shape in value["shapes"].values())
            and isinstance(value.get("operations"), dict)
            and isinstance(value["operations"].get(api_name), dict)
            and all(isinstance(operation, dict) for operation in value["operations"].values())
            and _is_list_of(value.get("companions"), str)
            and all(name in value["operations"] for name in value["companions"]))


def _cache_key(files: list[str]) -> str:
    digest = hashlib.sha1(__version__.encode())
    for name in files:
        stat = os.stat(name)
        digest.update(("%s\0%d\0%d\0" % (os.path.abspath(name), stat.st_size, stat.st_mtime_ns)).encode())
    return digest.hexdigest()[:20]


# ------------------------------------------------------------------ endpoints.json
# botocore's legacy endpoint resolver reads the whole of endpoints.json (1.2 MB) for
# every client, to look up one service. A client's session is given instead the
# partitions with only that service's entries (cached like the model slices); any
# other service asked of it (an assume-role profile's STS client, say) reads the
# whole file then, so every answer is the one the whole file gives.

class _Services(Mapping):
    """A partition's `services`: the sliced one at hand, the others read on first need
    (`rest()` gives the partition's whole `services`). `sliced` names the service
    whose absence from `known` is known, so asking for it reads nothing."""

    def __init__(self, known: Mapping[str, Any], sliced: str,
                 rest: Callable[[], Mapping[str, Any]]) -> None:
        self._known, self._sliced, self._rest = known, sliced, rest
        self._all: Mapping[str, Any] | None = None

    def _everything(self) -> Mapping[str, Any]:
        if self._all is None:
            self._all = self._rest()
        return self._all

    def __getitem__(self, name: str) -> Any:
        if name in self._known:
            return self._known[name]
        if name == self._sliced:
            raise KeyError(name)
        return self._everything()[name]

    def __contains__(self, name: object) -> bool:
        return name in self._known or (name != self._sliced and name in self._everything())

    def __iter__(self) -> Iterator[str]:
        return iter(self._everything())

    def __len__(self) -> int:
        return len(self._everything())


def endpoints_for(prefix: str, path: str, load_whole: Callable[[], dict],
                  environ: Mapping[str, str]) -> dict:
    """endpoints.json at `path` as the resolver of a `prefix` client needs it: every
    partition whole except its `services`, which hold `prefix` and read the rest from
    `load_whole()` (botocore's own load of the file) only if asked."""
    stat = os.stat(path)
    digest = hashlib.sha1(("%s\0%s\0%d\0%d" % (__version__, os.path.abspath(path),
                                               stat.st_size, stat.st_mtime_ns)).encode())
    cache = os.path.join(cachefile.cache_dir(environ, "models"), "_endpoints",
                         digest.hexdigest()[:20], prefix + ".json")
    sliced = cachefile.read_json(cache)
    if not _is_endpoints_slice(sliced):
        whole = load_whole()
        sliced = dict(whole, partitions=[
            dict(partition, services={name: data for name, data in partition["services"].items()
                                      if name == prefix})
            for partition in whole["partitions"]])
        cachefile.write_json(cache, sliced)
    whole_file: list = []

    def partition_services(index: int) -> Mapping[str, Any]:
        if not whole_file:
            whole_file.append(load_whole())
        return whole_file[0]["partitions"][index]["services"]

    return dict(sliced, partitions=[
        dict(partition, services=_Services(partition["services"], prefix,
                                           functools.partial(partition_services, index)))
        for index, partition in enumerate(sliced["partitions"])])


def _is_endpoints_slice(value: Any) -> bool:
    return (_is_dict_of(value, str) and _is_list_of(value.get("partitions"), dict)
            and all(isinstance(partition.get("partition"), str)
                    and isinstance(partition.get("services"), dict)
                    for partition in value["partitions"]))
