"""An option that names an existing resource -> the list call that answers it.

Takes a service (botocore's name), the operation being typed and the input
member an option fills (`thingName`); returns a `ListSource`: the API name of
an operation of the same service that lists such resources and a JMESPath
expression that picks their identifiers from its output, or None. v2 reads
this from an index generated at build time; awsmini derives it from the model.

The rule. Take the member X (for a list option, X singularised: `InstanceIds`
-> `InstanceId`) of string type; its noun N is X without an identifier suffix S
(`Name`, `Id`, `Arn`, `Url`, `Identifier`): `thingName` -> `thing` + `Name`;
a bare `Bucket` or `cluster` has no suffix. Names compare case-insensitively.
  1. Candidates are the service's operations named `List*` or `Describe*`
     whose input has no required member (one call, with no parameters).
  2. A candidate answers X when a top-level member L of its output is
       - a list of strings with L singularised = X (`QueueUrls`), or, for a
         bare X, L's noun = X (ecs `cluster` -> `clusterArns`);
       - a list of structures with a string member X (`things[].thingName`);
         else with a string member S (iam `PolicyArn` -> `Policies[].Arn`);
         else, for a bare X with L singularised = X, a string member `Name`
         (s3 `Bucket` -> `Buckets[].Name`);
       - a list of structures holding a list of structures with a string
         member X (`Reservations[].Instances[].InstanceId`).
  3. ...and when the resource is the same: the candidate's noun (its name
     without the verb, singularised: `ListThings` -> `Thing`) is N, or else
     L's noun is N. So `iot list-jobs --status` gets none (`certificates[].status`
     lists something else) and dynamodb `TableName` is not read from `ListBackups`.
  4. The best answer wins: the candidate's own noun matching first, then the
     shallower expression, then `List*` before `Describe*` (cloudformation
     `StackName` -> `ListStacks`), then the shorter name, then model order.
  5. The option naming the resource a `Create*` operation creates
     (`iot create-thing --thing-name`) gets none: it names a new resource.
     Other options of `Create*` operations do (`--thing-type-name`).

Pure apart from reading models through `models`: a service's whole model is
read once and reduced to its `Listing`s; answers are cached per operation and
member. Never opens a connection.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping, Sequence

from awsmini import models

VERBS = ("List", "Describe")
ID_SUFFIXES = ("Identifier", "Name", "Id", "ID", "Arn", "ARN", "Url", "URL")
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class ListSource:
    """Call `api_name` with no parameters; `expression` picks the identifiers."""

    api_name: str
    expression: str


@dataclass(frozen=True)
class Listing:
    """One list in the output of a candidate, reduced to what the rule reads."""

    api_name: str                     # the candidate (`ListThings`)
    name: str                         # its output member holding the list (`things`)
    strings: frozenset | None = None  # the items' string members; None: items are strings
    inner: tuple = ()                 # (member, its items' string members) of inner lists


def list_source(service: str, api_name: str, member_name: str, environ: Mapping[str, str],
                is_list: bool = False) -> ListSource | None:
    """The list call answering `member_name` of `api_name`, or None (see the module's rule)."""
    key = tuple(sorted((k, environ.get(k, "")) for k in ("AWS_DATA_PATH", "HOME",
                                                         "XDG_CACHE_HOME")))
    return _list_source(service, api_name, member_name, is_list, key)


@lru_cache(maxsize=512)
def _list_source(service: str, api_name: str, member_name: str, is_list: bool,
                 environ_key: tuple) -> ListSource | None:
    return choose(_service_listings(service, environ_key), api_name, member_name, is_list)


@lru_cache(maxsize=16)
def _service_listings(service: str, environ_key: tuple) -> tuple[Listing, ...]:
    """The service's listings, read from its whole model once (ec2's takes 0.2 s)."""
    return service_listings(models.load_service(service, dict(environ_key)))


def choose(listings: Sequence[Listing], api_name: str, member_name: str,
           is_list: bool = False) -> ListSource | None:
    """The best of `listings` for `member_name` of `api_name` (rules 2 to 5)."""
    ident = singular(member_name) if is_list else member_name
    noun = identifier_noun(ident)
    if api_name.startswith("Create") and _same(singular(api_name[len("Create"):]), noun):
        return None  # the option names the resource being created
    ranked = []
    for position, listing in enumerate(listings):
        is_named = _same(operation_noun(listing.api_name), noun)
        if not (is_named or _same(identifier_noun(singular(listing.name)), noun)):
            continue
        for expression, depth in _expressions(listing, ident):
            ranked.append(((not is_named, depth, not listing.api_name.startswith("List"),
                            len(listing.api_name), position),
                           ListSource(listing.api_name, expression)))
    return min(ranked, key=lambda entry: entry[0])[1] if ranked else None


def service_listings(model: models.ServiceModel) -> tuple[Listing, ...]:
    """The lists in the outputs of List*/Describe* operations that need no parameters
    (rule 1), in model order."""
    found = []
    for api_name, operation in model.operations.items():
        if not api_name.startswith(VERBS):
            continue
        input_name = operation.get("input", {}).get("shape")
        if input_name and model.shapes.get(input_name, {}).get("required"):
            continue
        output = model.shapes.get(operation.get("output", {}).get("shape", ""), {})
        for name, member in output.get("members", {}).items():
            item = _list_item(model, member)
            if item.get("type") == "string":
                found.append(Listing(api_name, name))
            elif item.get("type") == "structure":
                inner = tuple((inner_name, _string_members(model, inner_item))
                              for inner_name, inner_member in item.get("members", {}).items()
                              for inner_item in [_list_item(model, inner_member)]
                              if inner_item.get("type") == "structure")
                found.append(Listing(api_name, name, _string_members(model, item), inner))
    return tuple(found)


def _list_item(model: models.ServiceModel, member: Mapping) -> Mapping:
    """The item shape of a list member; {} for a member that is not a list."""
    shape = model.shapes.get(member["shape"], {})
    if shape.get("type") != "list":
        return {}
    return model.shapes.get(shape["member"]["shape"], {})


def _string_members(model: models.ServiceModel, structure: Mapping) -> frozenset:
    return frozenset(name for name, member in structure.get("members", {}).items()
                     if model.shapes.get(member["shape"], {}).get("type") == "string")


def _expressions(listing: Listing, ident: str) -> Iterator[tuple[str, int]]:
    """(expression, depth) for each way `listing` lists `ident` (rule 2)."""
    noun = identifier_noun(ident)
    suffix = ident[len(noun):]
    name, one = listing.name, singular(listing.name)
    if listing.strings is None:
        # `QueueUrls` for QueueUrl; for a bare `cluster`, `clusterArns` too.
        if _same(one, ident) or not suffix and _same(identifier_noun(one), ident):
            yield _field(name), 0
        return
    if ident in listing.strings:
        yield "%s[].%s" % (_field(name), _field(ident)), 1
    elif suffix and suffix in listing.strings:  # PolicyArn: Policies[].Arn
        yield "%s[].%s" % (_field(name), _field(suffix)), 1
    elif not suffix and _same(one, ident) and "Name" in listing.strings:
        yield "%s[].Name" % _field(name), 1  # s3's Bucket: Buckets[].Name
    for inner_name, strings in listing.inner:
        if ident in strings:
            yield "%s[].%s[].%s" % (_field(name), _field(inner_name), _field(ident)), 2


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def _field(name: str) -> str:
    """A JMESPath identifier, quoted when it is not a plain name."""
    return name if _PLAIN_NAME.match(name) else '"%s"' % name.replace('"', '\\"')


def singular(word: str) -> str:
    """English plural -> singular, as far as API names need (`Policies` -> `Policy`)."""
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def identifier_noun(member_name: str) -> str:
    """`thingName` -> `thing`, `QueueUrl` -> `Queue`, `Bucket` -> `Bucket`."""
    for suffix in ID_SUFFIXES:
        if member_name.endswith(suffix) and len(member_name) > len(suffix):
            return member_name[:-len(suffix)]
    return member_name


def operation_noun(api_name: str) -> str:
    """`ListThings` -> `Thing`, `DescribeInstances` -> `Instance`."""
    for verb in VERBS:
        if api_name.startswith(verb):
            return singular(api_name[len(verb):])
    return api_name
