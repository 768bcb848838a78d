"""`datapipeline list-runs`: the pipeline's instance objects found by QueryObjects
(every page), described 100 at a time, printed as v2 prints them.

Follows v2's ListRunsCommand (`awscli/customizations/datapipeline/__init__.py`):
v2's own table unless `--output` is given on the command line (the profile's
output setting does not count), else that format with `--query`.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.datapipeline.runsquery import build_query, flatten

_DESCRIBE_LIMIT = 100  # DescribeObjects takes at most 100 IDs


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    query = build_query(args, now)
    pipeline = args["pipeline-id"]
    client = context.client("datapipeline")
    with translate_errors():
        pages = client.get_paginator("query_objects").paginate(
            pipelineId=pipeline, sphere="INSTANCE", query=query)
        ids = pages.build_full_result().get("ids", [])
        objects: list[Any] = []
        for start in range(0, len(ids), _DESCRIBE_LIMIT):
            objects.extend(client.describe_objects(
                pipelineId=pipeline, objectIds=ids[start:start + _DESCRIBE_LIMIT]
            )["pipelineObjects"])
    runs = flatten(objects)
    if context.options.output is not None:
        context.display("list-runs", runs)
        return 0
    _print_table(context, runs)
    return 0


def _print_table(context: Context, runs: list[dict[str, Any]]) -> None:
    from awsmini.commands.datapipeline.runstable import render_runs
    from awsmini.pager import choose_pager, write_output
    from awsmini.query import apply_query, compile_query

    # v2's formatter applies --query before its table reads the runs
    queried = apply_query(compile_query(context.options.query), runs)
    lines = list(render_runs(queried))
    write_output(iter(lines), context.env, choose_pager(context.env, *context.settings.pager()))
