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

        do_GET = do_POST = do_PUT = _answer

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
