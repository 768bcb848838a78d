"""The runs of `ddb select` and `ddb put`: expressions to placeholders, plain values to
DynamoDB's typed ones, the calls, and the YAML v2 prints.

`select` scans, or queries when given `--key-condition`; it pages with botocore's
paginator (`--max-items`, `--page-size`, `--starting-token`) unless
`--no-paginate`. `put` reads one item or a list of items as YAML (JSON is
YAML too; `-` reads standard input): one item is a PutItem (with
`--condition`), several go by BatchWriteItem, 25 at a time, the unprocessed
ones sent again. Follows v2's `awscli/customizations/dynamodb/subcommands.py`.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.errors import ParamValidationError

_SELECT = {"ALL": "ALL_ATTRIBUTES", "ALL_PROJECTED": "ALL_PROJECTED_ATTRIBUTES"}
_BATCH_SIZE = 25
_PAGING = (("starting-token", "StartingToken"), ("max-items", "MaxItems"),
           ("page-size", "PageSize"))


def run_select(args: Mapping[str, Any], context: Context) -> int:
    output = context.options.output
    if output is not None and output != "yaml":
        raise ParamValidationError("%s output format is not supported for ddb commands" % output)
    from awsmini.query import compile_query

    query = compile_query(context.options.query)
    operation = "query" if args["key-condition"] is not None else "scan"
    paginate = context.options.paginate
    if not paginate:
        given = ["--" + name for name, _ in _PAGING if args[name]]
        if given:
            raise ParamValidationError("Cannot specify --no-paginate along with pagination "
                                       "arguments: %s" % ", ".join(given))
    response = _call(context, operation, select_params(args), paginate)
    _display(context, query, response)
    return 0


def select_params(args: Mapping[str, Any]) -> dict:
    """The Scan or Query parameters of `select`'s arguments (PaginationConfig included)."""
    params: dict[str, Any] = {}
    paging = {key: args[name] for name, key in _PAGING if args[name]}
    if paging:
        params["PaginationConfig"] = paging
    params.update({"TableName": args["table_name"],
                   "ConsistentRead": args["consistent-read"]})
    if args["index-name"] is not None:
        params["IndexName"] = args["index-name"]
    count = 0
    for name, member in (("projection", "ProjectionExpression"),
                         ("filter", "FilterExpression"),
                         ("key-condition", "KeyConditionExpression")):
        if args[name] is not None:
            count += add_expression(params, member, args[name], count)
    if args["attributes"] is not None:
        params["Select"] = _SELECT.get(args["attributes"], args["attributes"])
    if args["return-consumed-capacity"]:
        # an index's own capacity is told only when an index is read
        params["ReturnConsumedCapacity"] = (
            "INDEXES" if args["index-name"] is not None else "TOTAL")
    else:
        params["ReturnConsumedCapacity"] = "NONE"
    return params


def add_expression(params: dict, member: str, words: Any, offset: int = 0) -> int:
    """Put the expression (its words joined by spaces) and its names and values into
    `params`; how many placeholders it took."""
    from awsmini.commands.ddb.placeholders import substitute

    text = " ".join(words) if isinstance(words, (list, tuple)) else words
    result = substitute(text, offset)
    params[member] = result.expression
    if result.names:
        params.setdefault("ExpressionAttributeNames", {}).update(result.names)
    if result.values:
        params.setdefault("ExpressionAttributeValues", {}).update(result.values)
    return result.count


def run_put(args: Mapping[str, Any], context: Context) -> int:
    items = read_items(args["items"], context)
    table, condition = args["table_name"], args["condition"]
    base: dict[str, Any] = {"ReturnConsumedCapacity": "NONE"}
    if condition is not None:
        add_expression(base, "ConditionExpression", condition)
    if len(items) > 1:
        # BatchWriteItem takes no condition
        if condition is not None:
            raise ParamValidationError("--condition is not supported for multiple items")
        _batch_write(context, table, items, base)
        return 0
    for item in items:
        _call(context, "put_item", dict(base, TableName=table, Item=item))
    return 0


def _batch_write(context: Context, table: str, items: list, base: dict) -> None:
    requests = [{"PutRequest": {"Item": item}} for item in items]
    while requests:
        batch, requests = requests[:_BATCH_SIZE], requests[_BATCH_SIZE:]
        result = _call(context, "batch_write_item", dict(base, RequestItems={table: batch}))
        requests.extend(result.get("UnprocessedItems", {}).get(table) or [])


def read_items(text: str, context: Context) -> list:
    """The items of `<items>`: YAML text, a `file://` path's, or standard input's (`-`)."""
    from awsmini.commands.ddb.items import load_items
    from awsmini.values.paramfile import load_paramfile

    if text == "-":
        text = context.env.stdin.read()
    else:
        loaded = load_paramfile(text, context.env)
        if loaded is not None:  # fileb:// gives bytes, which YAML reads as well
            text = loaded.decode("utf-8") if isinstance(loaded, bytes) else loaded
    items = load_items(text)
    return items if isinstance(items, list) else [items]


def _call(context: Context, operation: str, params: dict, paginate: bool = True) -> dict:
    """One DynamoDB call (all its pages when the operation pages), typed values in and out."""
    import copy

    from awsmini.call import translate_errors
    from awsmini.commands.ddb.values import deserialize, serialize, transform

    client = context.client("dynamodb")
    model = client.meta.service_model.operation_model(
        client.meta.method_to_api_mapping[operation])
    params = copy.copy(params)
    transform(params, model.input_shape, serialize)
    with translate_errors():
        if paginate and client.can_paginate(operation):
            response = client.get_paginator(operation).paginate(**params).build_full_result()
        else:
            params.pop("PaginationConfig", None)
            response = getattr(client, operation)(**params)
    response.pop("ResponseMetadata", None)
    if "ConsumedCapacity" in response and response["ConsumedCapacity"] is None:
        del response["ConsumedCapacity"]
    transform(response, model.output_shape, deserialize)
    return response


def _display(context: Context, query: Any, response: dict) -> None:
    from awsmini.commands.ddb.yamlout import dump
    from awsmini.pager import choose_pager, write_output
    from awsmini.query import apply_query

    text = dump(apply_query(query, response))
    if text:
        write_output(iter([text]), context.env, choose_pager(context.env,
                                                             *context.settings.pager()))
