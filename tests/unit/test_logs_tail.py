"""The request and the follow loop of `logs tail` (awsmini/commands/logs/tail.py), with a
scripted FilterLogEvents in place of the service."""
from __future__ import annotations

import itertools

import pytest

from awsmini.commands.logs.tail import POLL_SECONDS, SeenEvents, filter_request, follow_pages

ARGS = {"group_name": "app", "filter-pattern": None, "log-stream-names": None,
        "log-stream-name-prefix": None}


def _event(event_id: str, timestamp: int) -> dict:
    return {"eventId": event_id, "timestamp": timestamp, "message": event_id,
            "logStreamName": "s"}


def test_request_has_only_the_options_given():
    assert filter_request(ARGS, 1000) == {"logGroupName": "app", "interleaved": True,
                                           "startTime": 1000}


def test_request_with_every_option():
    args = dict(ARGS, **{"filter-pattern": "ERROR", "log-stream-names": ["a", "b"],
                         "log-stream-name-prefix": "web/"})
    assert filter_request(args, 5) == {
        "logGroupName": "app", "interleaved": True, "startTime": 5, "filterPattern": "ERROR",
        "logStreamNames": ["a", "b"], "logStreamNamePrefix": "web/"}


def test_seen_events_drops_repeats_at_the_newest_time():
    seen = SeenEvents()
    assert seen.new_events([_event("a", 1), _event("b", 2), _event("c", 2)]) == [
        _event("a", 1), _event("b", 2), _event("c", 2)]
    assert seen.newest == 2
    # asked again from time 2: b and c come back, d is new
    assert seen.new_events([_event("b", 2), _event("c", 2), _event("d", 2)]) == [
        _event("d", 2)]
    assert seen.new_events([_event("d", 2), _event("e", 3)]) == [_event("e", 3)]
    assert seen.newest == 3
    # only the newest time's ids are kept: an older id is not remembered
    assert seen.new_events([_event("a", 1)]) == [_event("a", 1)]


def test_seen_events_without_events_has_no_newest():
    seen = SeenEvents()
    assert (seen.new_events([]), seen.newest) == ([], None)


class ScriptedService:
    """FilterLogEvents answering from a list of responses; records each request."""

    def __init__(self, responses: list) -> None:
        self.responses = iter(responses)
        self.requests: list[dict] = []
        self.sleeps: list[float] = []

    def fetch(self, **request) -> dict:
        self.requests.append(dict(request))
        return next(self.responses)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def test_follow_pages_then_polls_from_the_newest_time_without_repeats():
    service = ScriptedService([
        {"events": [_event("a", 10), _event("b", 20)], "nextToken": "t1"},
        {"events": [_event("c", 30)]},
        {"events": [_event("c", 30)]},  # nothing new yet
        {"events": [_event("c", 30), _event("d", 30), _event("e", 40)]},
        {"events": []},
    ])
    request = {"logGroupName": "app", "interleaved": True, "startTime": 0}
    pages = list(itertools.islice(follow_pages(service.fetch, request, service.sleep), 5))
    assert [[event["eventId"] for event in page] for page in pages] == [
        ["a", "b"], ["c"], [], ["d", "e"], []]
    base = {"logGroupName": "app", "interleaved": True}
    assert service.requests == [
        dict(base, startTime=0),
        dict(base, startTime=0, nextToken="t1"),  # the next page
        dict(base, startTime=30),  # no token: poll again from the newest time
        dict(base, startTime=30),
        dict(base, startTime=40),
    ]
    # a wait after each last page (the fifth is taken before its wait)
    assert service.sleeps == [POLL_SECONDS] * 3 and POLL_SECONDS == 5


def test_follow_keeps_the_start_time_until_an_event_comes():
    service = ScriptedService([{"events": []}, {"events": []}])
    request = {"logGroupName": "app", "interleaved": True, "startTime": 7}
    list(itertools.islice(follow_pages(service.fetch, request, service.sleep), 2))
    assert [r["startTime"] for r in service.requests] == [7, 7]


def test_follow_stops_when_the_service_fails():
    class Failure(Exception):
        pass

    def fetch(**request):
        raise Failure()

    with pytest.raises(Failure):
        next(follow_pages(fetch, {}, lambda seconds: None))
