"""configservice: v2's changes to its generic operations.

- `put-configuration-recorder`: the recorder's `recordingGroup` is an argument
  of its own, `--recording-group` (shorthand or JSON of a RecordingGroup),
  because a structure inside `--configuration-recorder` breaks its shorthand;
  it goes into `ConfigurationRecorder` beside what that argument gives, and is
  documented as that member is
  (awscli/customizations/configservice/putconfigurationrecorder.py).
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization


def _recording_group(params: dict, value: Any) -> None:
    params.setdefault("ConfigurationRecorder", {})["recordingGroup"] = value


OPERATIONS: Mapping[str, Customization] = {
    "put-configuration-recorder": Customization(
        hidden_members={"configuration-recorder": ("recordingGroup",)},
        added=(ArgSpec("recording-group", "", "RecordingGroup", "structure", is_cli_only=True,
                       fills=_recording_group,
                       documented_as="ConfigurationRecorder.recordingGroup"),)),
}
