"""`configservice get-status`: the configuration recorders' and delivery channels'
statuses, as v2's lines.

Follows v2's `awscli/customizations/configservice/getstatus.py`: a heading and an
empty line for each list, then per item its name, its state and the last status
(with the error code and message of a FAILURE), and an empty line.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping

from awsmini.commands import Context

_DELIVERIES = (("configStreamDeliveryInfo", "stream delivery "),
               ("configHistoryDeliveryInfo", "history delivery "),
               ("configSnapshotDeliveryInfo", "snapshot delivery "))


def last_status(status: Mapping[str, Any], what: str = "") -> Iterator[str]:
    yield "last %sstatus: %s\n" % (what, status["lastStatus"])
    if status["lastStatus"] == "FAILURE":
        yield "error code: %s\n" % status["lastErrorCode"]
        yield "message: %s\n" % status["lastErrorMessage"]


def recorder_lines(recorders: list[Mapping[str, Any]]) -> Iterator[str]:
    yield "Configuration Recorders:\n\n"
    for recorder in recorders:
        yield "name: %s\n" % recorder["name"]
        yield "recorder: %s\n" % ("ON" if recorder["recording"] else "OFF")
        if recorder["recording"]:
            yield from last_status(recorder)
        yield "\n"


def channel_lines(channels: list[Mapping[str, Any]]) -> Iterator[str]:
    yield "Delivery Channels:\n\n"
    for channel in channels:
        yield "name: %s\n" % channel["name"]
        for member, what in _DELIVERIES:
            if channel[member]:
                yield from last_status(channel[member], what)
        yield "\n"


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    client = context.client("config")
    with translate_errors():
        recorders = client.describe_configuration_recorder_status()[
            "ConfigurationRecordersStatus"]
        context.write("".join(recorder_lines(recorders)))
        channels = client.describe_delivery_channel_status()["DeliveryChannelsStatus"]
        context.write("".join(channel_lines(channels)))
    return 0
