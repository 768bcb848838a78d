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
     shallower expression, then `List*` before `Describe*`, then the shorter
     name, then model order (`ListTables` over `ListContributorInsights`).
  5. The option naming the resource a `Create*` operation creates
     (`iot create-thing --thing-name`) gets none: it names a new resource.
     Other options of `Create*` operations do (`--thing-type-name`).

Pure apart from reading models through `models`; results are cached per
operation and member. Never opens a connection.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping

from awsmini import models

VERBS = ("List", "Describe")
ID_SUFFIXES = ("Identifier", "Name", "Id", "ID", "Arn", "ARN", "Url", "URL")
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class ListSource:
    """Call `api_name` with no parameters; `expression` picks the identifiers."""

    api_name: str
    expression: str


def list_source(service: str, api_name: str, member_name: str, environ: Mapping[str, str],
                is_list: bool = False) -> ListSource | None:
    """The list call answering `member_name` of `api_name`, or None (see the module's rule)."""
    key = tuple(sorted((k, environ.get(k, "")) for k in ("AWS_DATA_PATH", "HOME",
                                                         "XDG_CACHE_HOME")))
    return _list_source(service, api_name, member_name, is_list, key)


@lru_cache(maxsize=512)
def _list_source(service: str, api_name: str, member_name: str, is_list: bool,
                 environ_key: tuple) -> ListSource | None:
    model = models.load_service(service, dict(environ_key))
    return find_list_source(model, api_name, member_name, is_list)


def find_list_source(model: models.ServiceModel, api_name: str, member_name: str,
                     is_list: bool = False) -> ListSource | None:
    """`list_source` on a whole service model (pure)."""
    ident = singular(member_name) if is_list else member_name
    noun = identifier_noun(ident)
    if api_name.startswith("Create") and _same(singular(api_name[len("Create"):]), noun):
        return None  # the option names the resource being created
    ranked = []
    for position, candidate in enumerate(_candidates(model)):
        is_named = _same(operation_noun(candidate), noun)
        for list_name, expression, depth in _expressions(model, candidate, ident):
            if is_named or _same(identifier_noun(singular(list_name)), noun):
                ranked.append(((not is_named, depth, not candidate.startswith("List"),
                                len(candidate), position), ListSource(candidate, expression)))
    return min(ranked, key=lambda entry: entry[0])[1] if ranked else None


def _candidates(model: models.ServiceModel) -> Iterator[str]:
    """Operations named List*/Describe* that need no parameters."""
    for name, operation in model.operations.items():
        if not name.startswith(VERBS):
            continue
        input_name = operation.get("input", {}).get("shape")
        if input_name and model.shapes.get(input_name, {}).get("required"):
            continue
        if operation.get("output", {}).get("shape"):
            yield name


def _expressions(model: models.ServiceModel, api_name: str,
                 ident: str) -> Iterator[tuple[str, str, int]]:
    """(list member, expression, depth) for each way the output of `api_name` lists `ident`."""
    noun = identifier_noun(ident)
    suffix = ident[len(noun):]
    output = model.shapes.get(model.operations[api_name]["output"]["shape"], {})
    for name, member in output.get("members", {}).items():
        shape = model.shapes.get(member["shape"], {})
        if shape.get("type") != "list":
            continue
        item = model.shapes.get(shape["member"]["shape"], {})
        one = singular(name)
        if item.get("type") == "string":
            # `QueueUrls` for QueueUrl; for a bare `cluster`, `clusterArns` too.
            if _same(one, ident) or not suffix and _same(identifier_noun(one), ident):
                yield name, _field(name), 0
            continue
        if item.get("type") != "structure":
            continue
        if _has_string(model, item, ident):
            yield name, "%s[].%s" % (_field(name), _field(ident)), 1
        elif suffix and _has_string(model, item, suffix):  # PolicyArn: Policies[].Arn
            yield name, "%s[].%s" % (_field(name), _field(suffix)), 1
        elif not suffix and _same(one, ident) and _has_string(model, item, "Name"):
            yield name, "%s[].Name" % _field(name), 1  # s3's Bucket: Buckets[].Name
        for inner_name, inner in item.get("members", {}).items():
            inner_shape = model.shapes.get(inner["shape"], {})
            if inner_shape.get("type") != "list":
                continue
            inner_item = model.shapes.get(inner_shape["member"]["shape"], {})
            if inner_item.get("type") == "structure" and _has_string(model, inner_item, ident):
                yield name, "%s[].%s[].%s" % (_field(name), _field(inner_name),
                                               _field(ident)), 2


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def _has_string(model: models.ServiceModel, structure: Mapping, name: str) -> bool:
    member = structure.get("members", {}).get(name)
    return member is not None and model.shapes.get(member["shape"], {}).get("type") == "string"


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
