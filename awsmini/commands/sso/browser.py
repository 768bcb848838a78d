"""Showing the sign-in page to the user, and the loopback server the page sends back to.

As v2's `awscli/customizations/sso/utils.py`: `opening_browser` prints where the
sign-in page is and opens it with Python's `webbrowser` (which honours `BROWSER`);
`printing_only` (`--no-browser`) only prints it, with the device code and the
URL that fills it in. The text goes to the given writer (stdout), word for word
as v2 prints it. `CallbackServer` is the authorization code flow's redirect
target: an HTTP server on a free loopback port that waits (up to ten minutes)
for the one request carrying `code` and `state` (or `error`), and answers it with
a page telling the user to go back to the terminal.
"""
from __future__ import annotations

import http.server
import logging
import time
import urllib.parse
from typing import Any, Callable

from awsmini.errors import OtherError

LOG = logging.getLogger(__name__)

Writer = Callable[[str], None]

PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>AWS CLI</title></head>
<body><p>The AWS CLI has your sign-in. You can close this window and go back to the
terminal.</p></body></html>
"""


def printing_only(write: Writer) -> Callable[..., None]:
    """v2's PrintOnlyHandler."""
    def show(userCode: str | None, verificationUri: str, verificationUriComplete: str,
             **kwargs: Any) -> None:
        write("Browser will not be automatically opened.\nPlease visit the following URL:\n"
              "\n%s\n" % verificationUri)
        if userCode:
            write("\nThen enter the code:\n\n%s\n\nAlternatively, you may visit the following "
                  "URL which will autofill the code upon loading:\n%s\n"
                  % (userCode, verificationUriComplete))

    return show


def opening_browser(write: Writer,
                    open_url: Callable[[str], Any] | None = None) -> Callable[..., None]:
    """v2's OpenBrowserHandler: the same text, then the page opened in a new tab."""
    def show(userCode: str | None, verificationUri: str, verificationUriComplete: str,
             cross_device_flag: str | None = None, **kwargs: Any) -> None:
        if userCode:  # the device code flow: the page may be opened on another device
            write("Attempting to open your default browser.\nIf the browser does not open or "
                  "you wish to use a different device to authorize this request, open the "
                  "following URL:\n\n%s\n" % verificationUri)
            write("\nThen enter the code:\n\n%s\n" % userCode)
        else:
            write("Attempting to open your default browser. If the browser does not open, "
                  "open the following URL.\nIf you are unable to open the URL on this "
                  "device, run this command again with the '%s' option.\n\n%s\n\n"
                  % (cross_device_flag, verificationUri))
        try:
            (open_url or _open_new_tab)(verificationUriComplete)
        except Exception:  # the URL is printed: the user can open it
            LOG.debug("Failed to open browser:", exc_info=True)

    return show


def _open_new_tab(url: str) -> None:
    import webbrowser

    webbrowser.open_new_tab(url)


class CallbackServer:
    """The redirect target of the authorization code flow, listening from its creation."""

    REQUEST_TIMEOUT = 10  # seconds one wait for a request lasts
    OVERALL_TIMEOUT = 10 * 60

    def __init__(self) -> None:
        self._result: tuple[str | None, str | None] | None = None
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(PAGE)
                query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                if "error" in query:
                    owner._result = (None, None)
                elif "code" in query and "state" in query:
                    owner._result = (query["code"][0], query["state"][0])

            def log_message(self, *args: Any) -> None:  # nothing on the terminal
                pass

        try:
            self._server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        except OSError as error:
            raise OtherError(
                "Unable to initialize the OAuth 2.0 authorization callback handler: %s \n "
                "You may use --use-device-code to fall back to the device code flow which "
                "does not require the callback handler." % error) from error
        self._server.timeout = self.REQUEST_TIMEOUT

    def redirect_uri_without_port(self) -> str:
        return "http://127.0.0.1/oauth/callback"

    def redirect_uri_with_port(self) -> str:
        return "http://127.0.0.1:%d/oauth/callback" % self._server.server_address[1]

    def wait_for_code(self) -> tuple[str | None, str | None]:
        """The code and state the browser came back with; (None, None) for an error."""
        deadline = time.monotonic() + self.OVERALL_TIMEOUT
        try:
            while self._result is None and time.monotonic() < deadline:
                self._server.handle_request()
        finally:
            self._server.server_close()
        if self._result is None:
            from awsmini.commands.sso.flows import EXPIRED

            raise OtherError(EXPIRED)
        return self._result

    def close(self) -> None:
        self._server.server_close()
