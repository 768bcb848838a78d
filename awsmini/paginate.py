"""Stage 10: paging options -> botocore's PaginationConfig; pages -> the documents to print.

Takes the operation's entry in botocore's `paginators-1.json`, the argument
table and what the command line gave; returns whether to paginate and the
`PaginationConfig`. After the call, turns botocore's page iterator into the
documents the formatter renders, as AWS CLI v2 does:

- json, yaml, table: one document, every page merged by botocore's
  `build_full_result` (result keys concatenated, the other keys of the first
  page kept, `NextToken` added when `--max-items` stopped early);
- text: one document per page (the first page's other keys, then each page's
  result keys), then `{"NextToken": {"NextToken": token}}` when there is a
  token to resume from;
- yaml-stream: each page as it came (without `ResponseMetadata`).

Documents are produced lazily, so the streaming formats hold one page at a
time and a closed pipe stops the fetching. v2's paging arguments
(`--starting-token`, `--page-size`, `--max-items`) are added to the argument
table of paginated operations here, before the table is final
(`add_paging_arguments`, which also names the operation's own arguments of
the same names that they shadow); after parsing, `plan_paging` decides whether
to paginate, and when not, the shadowed arguments given fill their members.
Opens no connection itself: the page iterator fetches when iterated.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from awsmini.arguments import ArgSpec, cli_name
from awsmini.argv_parse import ParsedArgs
from awsmini.custom import DefaultPageSize
from awsmini.errors import ParamValidationError, UsageError
from awsmini.models import ServiceModel, load_document

# v2's help texts of its paging options (HTML, as the model's documentation is)
_PAGINATION_LINK = ('<p>For usage examples, see <a href="https://docs.aws.amazon.com/cli/latest/'
                    'userguide/pagination.html">Pagination</a> in the <i>AWS Command Line '
                    'Interface User Guide</i>.</p>')
STARTING_TOKEN_HELP = (
    "<p>A token to specify where to start paginating. This is the <code>NextToken</code> "
    "from a previously truncated response.</p>" + _PAGINATION_LINK)
PAGE_SIZE_HELP = (
    "<p>The size of each page to get in the AWS service call. This does not affect the "
    "number of items returned in the command's output. Setting a smaller page size results "
    "in more calls to the AWS service, retrieving fewer items in each call. This can help "
    "prevent the AWS service calls from timing out.</p>" + _PAGINATION_LINK)
MAX_ITEMS_HELP = (
    "<p>The total number of items to return in the command's output. If the total number of "
    "items available is more than the value specified, a <code>NextToken</code> is provided "
    "in the command's output. To resume pagination, provide the <code>NextToken</code> value "
    "in the <code>starting-token</code> argument of a subsequent command. <b>Do not</b> use "
    "the <code>NextToken</code> response element directly outside of the AWS CLI.</p>"
    + _PAGINATION_LINK)

# cli name -> the PaginationConfig key it fills.
PAGING_ARGUMENTS = {"starting-token": "StartingToken", "page-size": "PageSize",
                    "max-items": "MaxItems"}
# v2 compares python names against this list; "start_token" never matches
# anything, so only an operation's own `--max-items` leaves paging on.
_NORMALIZED_PAGING = ("start_token", "max_items")
_INT_TYPES = ("integer", "long")


@dataclass(frozen=True)
class PagingArguments:
    """How an operation pages, decided before its argument table is final (v2's
    unify_paging_params): its paginator entry (None: it does not page), v2's paging
    options it gets, and the operation's own arguments of the same names, which
    those options shadow (each is the paginator's limit key in botocore's data)."""

    config: Mapping[str, Any] | None = None
    options: Mapping[str, ArgSpec] = field(default_factory=dict)
    shadowed: Mapping[str, ArgSpec] = field(default_factory=dict)


@dataclass(frozen=True)
class PagingPlan:
    """Whether to call through the paginator, and with which PaginationConfig.

    `restored` holds, when not paginating, each shadowed argument that was given
    with its raw value: v2 puts the operation's own argument back, so the value
    fills that argument's member.
    """

    is_enabled: bool = False
    config: dict = field(default_factory=dict)
    restored: tuple[tuple[ArgSpec, Any], ...] = ()


def paginator_config(service: str, api_name: str, environ: Mapping[str, str]) -> dict | None:
    """The operation's entry in `paginators-1.json`, or None when it does not paginate."""
    document = load_document(service, "paginators-1", environ)
    if not document:
        return None
    return document.get("pagination", {}).get(api_name)


def add_paging_arguments(specs: Mapping[str, ArgSpec], model: ServiceModel, api_name: str,
                         config: Mapping[str, Any] | None
                         ) -> tuple[dict[str, ArgSpec], PagingArguments]:
    """The final argument table, with v2's paging options, and what they are.

    Pure. For an operation without a paginator the table is returned as is.
    `--page-size` exists only when the paginator has a `limit_key`; it and
    `--max-items` take the limit key's type (integer unless it says otherwise).
    An option of the operation's own by one of these names is shadowed: the
    table parses it as the paging option, and `plan_paging` says where it goes.
    """
    table = dict(specs)
    if not config:
        return table, PagingArguments()
    type_name = "integer"
    members = _input_members(model, api_name)
    limit_key = config.get("limit_key")
    if limit_key and limit_key in members:
        type_name = model.shape(members[limit_key]["shape"]).get("type", "integer")
    added = [("starting-token", "string", STARTING_TOKEN_HELP)]
    if limit_key:
        added.append(("page-size", type_name, PAGE_SIZE_HELP))
    added.append(("max-items", type_name, MAX_ITEMS_HELP))
    options = {}
    shadowed = {}
    for name, type_, doc in added:
        if name in table:
            shadowed[name] = table[name]
        table[name] = options[name] = ArgSpec(name, "", "", type_, documentation=doc,
                                              is_cli_only=True)
    return table, PagingArguments(config, options, shadowed)


def input_token_names(config: Mapping[str, Any]) -> list[str]:
    """The cli names of the paginator's input tokens and limit key (v2's "manual" paging args)."""
    tokens = config.get("input_token") or []
    if isinstance(tokens, str):
        tokens = [tokens]
    names = [cli_name(token) for token in tokens]
    if config.get("limit_key"):
        names.append(cli_name(config["limit_key"]))
    return names


def plan_paging(paging: PagingArguments, parsed: ParsedArgs, paginate: bool,
                stops_paging: Iterable[str] = ()) -> PagingPlan:
    """Decide as v2 does whether to paginate, and build the PaginationConfig.

    `parsed` holds the arguments given (the paging options among its
    `options`); `paginate` is False for `--no-paginate`. Giving one of the
    operation's own paging arguments (`--next-token`, `--max-results`, ...), or
    one of `stops_paging` (the custom slot: kinesis list-streams' old token),
    turns pagination off. Raises UsageError for a non-integer
    `--max-items`/`--page-size`, and ParamValidationError for paging options
    given with `--no-paginate`.
    """
    config = paging.config
    if not config:
        return PagingPlan()
    given = {*parsed.members, *parsed.options}
    for name in [*input_token_names(config), *stops_paging]:
        if name in given and name.replace("-", "_") not in _NORMALIZED_PAGING:
            paginate = False
    values = parsed.options
    if not paginate:
        used = [name for name in PAGING_ARGUMENTS
                if name not in paging.shadowed and values.get(name) is not None]
        if used:
            raise ParamValidationError("Cannot specify --no-paginate along with pagination "
                                       "arguments: %s" % ", ".join("--" + n for n in used))
        return PagingPlan(restored=tuple((spec, values[name])
                                         for name, spec in paging.shadowed.items()
                                         if values.get(name) is not None))
    pagination = {}
    for name, key in PAGING_ARGUMENTS.items():
        value = values.get(name)
        if value is not None:
            pagination[key] = _convert(name, value, paging.options[name].type_name)
    return PagingPlan(True, pagination)


# the parameters that never stop v2 from choosing a page size (ec2/paginate.py)
_PAGE_SIZE_ALWAYS_ALLOWED = ("NextToken", "DryRun", "PaginationConfig")


def with_default_page_size(config: Mapping[str, Any], params: Mapping[str, Any],
                           default: DefaultPageSize | None) -> dict:
    """The PaginationConfig with the operation's default page size (custom slot
    `default_page_size`), when none was given and the parameters allow it."""
    if default is None or "PageSize" in config:
        return dict(config)
    allowed = (*default.allowed, *_PAGE_SIZE_ALWAYS_ALLOWED)
    if any(name not in allowed for name in params):
        return dict(config)
    return {**config, "PageSize": default.size}


def _convert(name: str, value: Any, type_name: str) -> Any:
    if type_name not in _INT_TYPES or isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        # v2 declares these with argparse's `type=int`.
        raise UsageError("argument --%s: invalid int value: '%s'" % (name, value)) from None


def _input_members(model: ServiceModel, api_name: str) -> Mapping[str, Any]:
    shape_name = model.operations[api_name].get("input", {}).get("shape")
    return model.shape(shape_name).get("members", {}) if shape_name else {}


# ------------------------------------------------------------------ documents

def documents(pages: Any, output: str) -> Iterator[Any]:
    """The documents to render from a botocore page iterator, for `--output output`."""
    if output == "text":
        return _text_documents(pages)
    if output == "yaml-stream":
        return _stream_documents(pages)
    return _merged(pages)


def _merged(pages: Any) -> Iterator[Any]:
    from botocore.paginate import PageIterator

    result = PageIterator.build_full_result(pages)
    result.pop("ResponseMetadata", None)
    yield result


def _stream_documents(pages: Iterable[dict]) -> Iterator[dict]:
    for page in pages:
        page.pop("ResponseMetadata", None)
        yield page


def _text_documents(pages: Any) -> Iterator[dict]:
    """v2's TextFormatter: per page, the first page's other keys then the result keys."""
    from botocore.utils import set_value_from_jmespath

    for index, page in enumerate(pages):
        current = pages.non_aggregate_part if index == 0 else {}
        for result_key in pages.result_keys:
            set_value_from_jmespath(current, result_key.expression, result_key.search(page))
        yield current
    if pages.resume_token:
        yield {"NextToken": {"NextToken": pages.resume_token}}
