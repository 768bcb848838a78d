"""A small AWS-compatible stub on loopback, for APIs moto_server does not serve
(ssm StartSession, ecs ExecuteCommand, codeartifact): it answers each request
from a table keyed by the JSON protocol's `X-Amz-Target` operation or by a
REST path, and records every request it gets."""
from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Request:
    method: str
    path: str
    query: dict
    operation: str  # the X-Amz-Target's operation, or ""
    body: Any
    headers: dict = field(default_factory=dict)


@dataclass
class Stub:
    url: str
    # operation name or "METHOD /path" -> (status, body) or a function of the Request
    answers: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)

    def operations(self) -> list[str]:
        return [r.operation or "%s %s" % (r.method, r.path) for r in self.requests]


def start_stub(answers: dict) -> tuple[Stub, Callable[[], None]]:
    stub = Stub("")
    stub.answers.update(answers)

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            split = urllib.parse.urlsplit(self.path)
            target = self.headers.get("X-Amz-Target") or ""
            request = Request(self.command, split.path,
                              dict(urllib.parse.parse_qsl(split.query)),
                              target.rpartition(".")[2], json.loads(raw) if raw else None,
                              dict(self.headers.items()))
            stub.requests.append(request)
            answer = stub.answers.get(request.operation or "%s %s" % (self.command, split.path),
                                      (400, {"__type": "UnknownOperationException"}))
            status, body = answer(request) if callable(answer) else answer
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            if status >= 400:
                self.send_header("x-amzn-ErrorType", body.get("__type", ""))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    stub.url = "http://127.0.0.1:%d" % server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return stub, stop


@dataclass
class Proxy:
    """A recording proxy: what it forwarded, as (method, path, form or JSON body)."""

    url: str
    requests: list = field(default_factory=list)

    def actions(self) -> list[str]:
        """The query protocol's `Action` of each request forwarded (`AssumeRole`)."""
        return [body.get("Action", "") for _, _, body in self.requests
                if isinstance(body, dict)]


def start_proxy(target: str) -> tuple[Proxy, Callable[[], None]]:
    """Forward every request to `target` (moto_server) and record it."""
    import urllib.error
    import urllib.request

    proxy = Proxy("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            text = raw.decode("utf-8", "replace")
            form = dict(urllib.parse.parse_qsl(text)) if "=" in text else text
            proxy.requests.append((self.command, self.path, form))
            request = urllib.request.Request(target + self.path, data=raw or None,
                                             method=self.command)
            for name, value in self.headers.items():
                if name.lower() not in ("host", "content-length", "connection"):
                    request.add_header(name, value)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    status, headers, body = response.status, response.headers, response.read()
            except urllib.error.HTTPError as error:
                status, headers, body = error.code, error.headers, error.read()
            self.send_response(status)
            for name, value in headers.items():
                if name.lower() not in ("content-length", "connection", "transfer-encoding",
                                        "server", "date"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    proxy.url = "http://127.0.0.1:%d" % server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return proxy, stop
