"""gamelift's hand-written commands, declared as data.

v2 adds `upload-build` and `get-game-session-log` beside the service's operations
(`awscli/customizations/gamelift/__init__.py`, `uploadbuild.py`, `getlog.py`); the
arguments follow v2's tables, the help text is awsmini's own. The runs live in
`build.py` and `log.py`.
"""
from __future__ import annotations

from typing import Any

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, option

DESCRIPTION = "Amazon GameLift."


def _option(name: str, documentation: str, **kwargs: Any) -> ArgSpec:
    return option(name, "<p>%s</p>" % documentation, **kwargs)


UPLOAD_BUILD = (
    "<p>Create a GameLift build and upload a directory to it: the directory is zipped, "
    "and the archive is uploaded to the storage location GameLift gives, with the "
    "temporary credentials it gives for it. Prints the progress and then the build's "
    "ID.</p>")

GET_GAME_SESSION_LOG = ("<p>Download the compressed log of a game session to a local "
                        "file, from the presigned URL GameLift gives for it.</p>")

COMMANDS = {
    "get-game-session-log": CustomCommand("get-game-session-log", GET_GAME_SESSION_LOG, (
        _option("game-session-id", "The ID of the game session.", is_required=True),
        _option("save-as", "The file to save the log archive as (a .zip file).",
                is_required=True),
    ), "awsmini.commands.gamelift.log:run"),
    "upload-build": CustomCommand("upload-build", UPLOAD_BUILD, (
        _option("name", "The build's name.", is_required=True),
        _option("build-version", "The build's version.", is_required=True),
        _option("build-root", "The directory to upload: every file under it goes into the "
                "build.", is_required=True),
        _option("server-sdk-version", "The version of the GameLift server SDK the game "
                "server was built with."),
        _option("operating-system", "The operating system the build runs on "
                "(<code>AMAZON_LINUX_2023</code>, <code>WINDOWS_2022</code>, ...)."),
        _option("tags", "Tags for the build, as <code>Key=Value</code> words "
                "(<code>Key</code> alone is an empty value).", nargs="+", type_name="list"),
    ), "awsmini.commands.gamelift.build:run"),
}
