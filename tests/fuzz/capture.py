"""A loopback HTTP server that accepts any request, answers 200 and counts what it got.

The answer's body is empty, which every protocol's parser takes as an empty result,
except for EC2's query protocol, which gets an empty XML document. Bodies are read
whole (Content-Length or chunked), so a client never sees a reset.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_EC2 = b'<?xml version="1.0" encoding="UTF-8"?><Response><requestId>r</requestId></Response>'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        start = self._read_body()
        self.server.count += 1  # type: ignore[attr-defined]
        scope = self.headers.get("Authorization", "")
        is_ec2 = "/ec2/aws4_request" in scope or (not scope and b"Version=2016-11-15" in start)
        body = _EC2 if is_ec2 else b""
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", '"d41d8cd98f00b204e9800998ecf8427e"')
        self.send_header("Last-Modified", "Wed, 03 Dec 2025 06:20:54 GMT")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _read_body(self) -> bytes:
        """Read the body; its first bytes."""
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                self.rfile.read(size + 2) if size else None
                if not size:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b""
        length, start = int(self.headers.get("Content-Length") or 0), b""
        while length > 0:
            chunk = self.rfile.read(min(length, 1 << 20))
            if not chunk:
                break
            start = start or chunk[:4096]
            length -= len(chunk)
        return start

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _answer

    def log_message(self, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up (a timeout, Ctrl-C) is not the server's concern


class CaptureServer:
    """Start on a free loopback port; `count` is the number of requests answered."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.count = 0  # type: ignore[attr-defined]
        self.url = "http://127.0.0.1:%d" % self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def count(self) -> int:
        return self._server.count  # type: ignore[attr-defined]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
