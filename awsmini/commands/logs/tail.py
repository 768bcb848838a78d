"""`logs tail`: FilterLogEvents pages -> the events printed, once or as they keep coming.

As v2 (`awscli/customizations/logs/tail.py`): one interleaved FilterLogEvents request
from the `--since` time, following `nextToken` page by page, each event printed in the
order returned. With `--follow`, after the last page it waits five seconds and asks
again from the newest event's time; the events at that time already printed (known by
their ids) are not printed twice. Control-C ends a follow with exit 0 and nothing more.
Output goes straight to stdout (no pager), flushed after each page so that a pipe sees
the events as they come.
"""
from __future__ import annotations

import time
from typing import Any, Callable, Iterable, Iterator, Mapping

from awsmini.commands import Context
from awsmini.commands.logs.lines import format_event
from awsmini.commands.logs.since import start_millis

POLL_SECONDS = 5  # v2's wait between follow requests


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors
    from awsmini.output import use_color

    client = context.client("logs")
    color = use_color(context.options.color, context.env.stdout_isatty, context.env.environ)
    request = filter_request(args, start_millis(args["since"]))
    if args["follow"]:
        pages = follow_pages(client.filter_log_events, request, time.sleep)
    else:
        pages = (page["events"] for page in
                 client.get_paginator("filter_log_events").paginate(**request))
    try:
        with translate_errors():
            _print_pages(pages, args["format"], color, context)
    except KeyboardInterrupt:
        if not args["follow"]:
            raise
        # Control-C is how a follow ends: quietly, with what was printed complete.
        context.env.stdout.flush()
    return 0


def filter_request(args: Mapping[str, Any], start: int) -> dict[str, Any]:
    """FilterLogEvents' parameters for the command's arguments (v2 sends the group, ARN or
    name, as `logGroupName`)."""
    request: dict[str, Any] = {"logGroupName": args["group_name"], "interleaved": True,
                               "startTime": start}
    for option, member in (("filter-pattern", "filterPattern"),
                           ("log-stream-names", "logStreamNames"),
                           ("log-stream-name-prefix", "logStreamNamePrefix")):
        if args.get(option) is not None:
            request[member] = args[option]
    return request


def _print_pages(pages: Iterable[list], format_name: str, color: bool,
                 context: Context) -> None:
    stdout = context.env.stdout
    for events in pages:
        for event in events:
            stdout.write(format_event(event, format_name, color))  # one write: whole lines
        stdout.flush()


def follow_pages(fetch: Callable[..., Mapping[str, Any]], request: dict[str, Any],
                 sleep: Callable[[float], None]) -> Iterator[list]:
    """The events of each FilterLogEvents response, without those already given, for ever:
    `fetch(**request)` is the call, `sleep` the wait after a last page."""
    seen = SeenEvents()
    while True:
        response = fetch(**request)
        yield seen.new_events(response.get("events", []))
        if response.get("nextToken"):
            request["nextToken"] = response["nextToken"]
            continue
        request.pop("nextToken", None)
        if seen.newest is not None:
            request["startTime"] = seen.newest
        sleep(POLL_SECONDS)


class SeenEvents:
    """The ids of the events given at the newest time seen: asking again from that time
    returns them again, and only they can come back (older times are not asked for)."""

    def __init__(self) -> None:
        self.newest: int | None = None
        self._ids: dict[int, set[str]] = {}

    def new_events(self, events: Iterable[Mapping[str, Any]]) -> list:
        """`events` less those seen before; then only the newest time's ids are kept."""
        fresh = []
        for event in events:
            ids = self._ids.setdefault(event["timestamp"], set())
            if event["eventId"] not in ids:
                ids.add(event["eventId"])
                fresh.append(event)
        if self._ids:
            self.newest = max(self._ids)
            self._ids = {self.newest: self._ids[self.newest]}
        return fresh
