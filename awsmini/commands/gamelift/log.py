"""`gamelift get-game-session-log`: the game session's log archive, downloaded from
the presigned URL GetGameSessionLogUrl returns, saved as `--save-as`.

Follows v2's `awscli/customizations/gamelift/getlog.py`: a progress line ending in
`\\r` while it downloads, then the line naming the file.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.errors import OtherError

_CHUNK = 1024


def run(args: Mapping[str, Any], context: Context) -> int:
    import urllib.error
    import urllib.request

    from awsmini.call import translate_errors

    session = args["game-session-id"]
    with translate_errors():
        url = context.client("gamelift").get_game_session_log_url(
            GameSessionId=session)["PreSignedUrl"]
    try:
        contents = urllib.request.urlopen(url)
        context.write("Downloading log archive for game session %s...\r" % session)
        with open(args["save-as"], "wb") as saved:
            for chunk in iter(lambda: contents.read(_CHUNK), b""):
                saved.write(chunk)
    except (OSError, ValueError, urllib.error.URLError) as error:  # v2 ends with the error
        raise OtherError(str(error)) from error
    context.write("Successfully downloaded log archive for game session %s to %s\n"
                  % (session, args["save-as"]))
    return 0
