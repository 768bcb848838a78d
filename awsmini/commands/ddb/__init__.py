"""`ddb select` and `ddb put`, v2's high-level DynamoDB commands, declared as data.

v2's `awscli/customizations/dynamodb/ddb.py` and `params.py`: one command word,
all hand-written. Items are plain YAML values, expressions are written without
placeholders (`run.py` adds them). The help text is awsmini's own.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, flag, option
from awsmini.paginate import MAX_ITEMS_HELP, PAGE_SIZE_HELP, STARTING_TOKEN_HELP

DESCRIPTION = "<p>High level DynamoDB commands.</p>"

_EXPRESSIONS = ('<p>The syntax is described in <a href="https://docs.aws.amazon.com/cli/'
                'latest/topic/ddb-expressions.html">aws help ddb-expressions</a>; names and '
                'values are written as they are, without placeholders.</p>')

SELECT = (
    "<p><code>select</code> reads the items of a table or of one of its indexes. With "
    "<code>--key-condition</code> it queries; otherwise it scans.</p>"
    "<p>Only <code>yaml</code> output is supported for this operation.</p>")
PUT = "<p><code>put</code> writes one item, or several, into a table.</p>"


def _flag(name: str, documentation: str, default: bool) -> ArgSpec:
    return flag(name, documentation, "no-" + name, default)


TABLE_NAME = ArgSpec("table_name", "", "", "string", is_required=True, is_positional=True,
                     is_cli_only=True, documentation="<p>The table's name.</p>")

SELECT_ARGUMENTS = (
    TABLE_NAME,
    option("index-name", "<p>Read this secondary index (local or global) instead of the "
            "table.</p>"),
    option("projection", "<p>The attributes to return, separated by commas; attributes "
            "an item lacks are left out.</p>" + _EXPRESSIONS, nargs="+"),
    option("filter", "<p>A condition applied to the items read: those that do not meet it "
            "are not returned (they still count as read).</p>" + _EXPRESSIONS, nargs="+"),
    option("key-condition", "<p>The key of the items to read: an equality on the partition "
            "key, optionally joined with <code>AND</code> to one test of the sort key "
            "(<code>=</code>, <code>&lt;</code>, <code>&lt;=</code>, <code>&gt;</code>, "
            "<code>&gt;=</code>, <code>BETWEEN</code> or <code>begins_with</code>). Given, "
            "the table is queried instead of scanned.</p>" + _EXPRESSIONS, nargs="+"),
    option("attributes", "<p>What to return: <code>ALL</code> the attributes of each item, "
            "<code>ALL_PROJECTED</code> those projected into the index read, or the "
            "<code>COUNT</code> of matching items only.</p>",
            choices=("ALL", "ALL_PROJECTED", "COUNT")),
    _flag("consistent-read", "<p>Read with strong consistency (the default); "
          "<code>--no-consistent-read</code> reads with eventual consistency. Global "
          "secondary indexes support only the latter.</p>", True),
    _flag("return-consumed-capacity", "<p>Include the <code>ConsumedCapacity</code> of the "
          "read: the total, or with <code>--index-name</code> that of each table and index "
          "read. Not included by default.</p>", False),
    option("starting-token", STARTING_TOKEN_HELP),
    ArgSpec("max-items", "", "", "integer", is_cli_only=True, documentation=MAX_ITEMS_HELP),
    ArgSpec("page-size", "", "", "integer", is_cli_only=True, documentation=PAGE_SIZE_HELP),
)

PUT_ARGUMENTS = (
    TABLE_NAME,
    ArgSpec("items", "", "", "string", is_required=True, is_positional=True, is_cli_only=True,
            documentation="<p>The item, or a list of items, as YAML (or JSON); "
            "<code>-</code> reads them from standard input.</p>"),
    option("condition", "<p>A condition the item must meet for the put to succeed; only "
            "for a single item.</p>" + _EXPRESSIONS, nargs="+"),
)

COMMANDS = {
    "select": CustomCommand("select", SELECT, SELECT_ARGUMENTS,
                            "awsmini.commands.ddb.run:run_select", usage="<table-name>"),
    "put": CustomCommand("put", PUT, PUT_ARGUMENTS, "awsmini.commands.ddb.run:run_put",
                         usage="<table-name>\n<items>"),
}
