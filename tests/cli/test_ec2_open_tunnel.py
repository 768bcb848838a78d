"""`ec2-instance-connect open-tunnel`: tunnels through awscrt's websocket client to a local
TLS websocket server written here (handshake and frames as RFC 6455 has them), with a
certificate made by openssl for `localhost` that the tunnels are told to trust; usage
errors through main()."""
from __future__ import annotations

import base64
import hashlib
import io
import os
import socket
import ssl
import struct
import threading
import time
import urllib.parse

import pytest

from awsmini.commands import Context
from awsmini.env import Env
from awsmini.globalopts import GlobalOptions
from awsmini.settings import Settings
from tests.cli.keys import openssl
from tests.conftest import isolated_environ

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def _frame(opcode: int, payload: bytes) -> bytes:
    head = bytes([0x80 | opcode])
    if len(payload) < 126:
        return head + bytes([len(payload)]) + payload
    return head + bytes([126]) + struct.pack(">H", len(payload)) + payload


def _read_exactly(conn, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _read_frame(conn) -> tuple[int, bytes]:
    first, second = _read_exactly(conn, 2)
    size = second & 0x7F
    if size == 126:
        size = struct.unpack(">H", _read_exactly(conn, 2))[0]
    elif size == 127:
        size = struct.unpack(">Q", _read_exactly(conn, 8))[0]
    mask = _read_exactly(conn, 4) if second & 0x80 else b"\0\0\0\0"
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(_read_exactly(conn, size)))
    return first & 0x0F, payload


class Endpoint:
    """A websocket server that answers each binary frame with `reply(data)` frames."""

    def __init__(self, folder) -> None:
        self.cert, key = folder / "cert.pem", folder / "key.pem"
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                str(self.cert), "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost")
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(str(self.cert), str(key))
        self.handshakes: list = []
        self.reply = lambda data: [(0x2, b"echo:" + data)]
        self.listener = socket.create_server(("localhost", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, raw) -> None:
        try:
            conn = self.context.wrap_socket(raw, server_side=True)
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(4096)
            lines = request.split(b"\r\n\r\n")[0].decode().split("\r\n")
            headers = dict(line.split(": ", 1) for line in lines[1:])
            self.handshakes.append((lines[0].split(" ")[1], headers))
            accept = base64.b64encode(hashlib.sha1(
                headers["Sec-WebSocket-Key"].encode() + GUID).digest()).decode()
            conn.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n"
                          % accept).encode())
            while True:
                opcode, payload = _read_frame(conn)
                if opcode == 0x8:
                    conn.sendall(_frame(0x8, payload))
                    return
                for kind, data in self.reply(payload):
                    conn.sendall(_frame(kind, data))
        except (OSError, EOFError, ValueError):
            pass
        finally:
            raw.close()

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def endpoint(tmp_path):
    server = Endpoint(tmp_path)
    yield server
    server.close()


def _context(tmp_path, stdin=None, stdout=None) -> Context:
    environ = isolated_environ(tmp_path)
    env = Env(stdin=stdin or io.StringIO(), stdout=stdout or io.StringIO(),
              stderr=io.StringIO(), environ=environ, stdin_isatty=False,
              stdout_isatty=False)
    return Context(env, GlobalOptions(), Settings(GlobalOptions(), environ))


def _args(**given) -> dict:
    return {"instance-id": None, "instance-connect-endpoint-id": "eice-0123",
            "instance-connect-endpoint-dns-name": "localhost",
            "private-ip-address": "10.0.0.5", "remote-port": 22, "local-port": None,
            "max-tunnel-duration": None, "max-websocket-connections": 10, **given}


def test_a_tunnel_over_stdin_and_stdout(awscrt, tmp_path, endpoint):
    from awsmini.commands.ec2instanceconnect import tunnel, websocket

    read_end, write_end = os.pipe()
    stdin = io.TextIOWrapper(os.fdopen(read_end, "rb", buffering=0))
    output = io.BytesIO()
    context = _context(tmp_path, stdin, io.TextIOWrapper(output))
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(tunnel.run(
        _args(**{"max-tunnel-duration": 600}), context,
        websocket.Target(endpoint.port, str(endpoint.cert)))))
    worker.start()
    os.write(write_end, b"SSH-2.0-OpenSSH_9.6\r\n")
    deadline = time.time() + 20
    while b"echo:" not in output.getvalue() and time.time() < deadline:
        time.sleep(0.05)
    os.close(write_end)  # ssh is done: the tunnel closes
    worker.join(20)
    assert outcome == [0] and not worker.is_alive()
    assert output.getvalue() == b"echo:SSH-2.0-OpenSSH_9.6\r\n"
    [(path, headers)] = endpoint.handshakes
    split = urllib.parse.urlsplit(path)
    query = urllib.parse.parse_qs(split.query)
    assert split.path == "/openTunnel"
    assert {k: v[0] for k, v in query.items() if not k.startswith("X-Amz-")} == {
        "instanceConnectEndpointId": "eice-0123", "remotePort": "22",
        "privateIpAddress": "10.0.0.5", "maxTunnelDuration": "600"}
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Expires"] == ["60"]
    assert query["X-Amz-Credential"][0].startswith("AKIDTEST/")
    assert query["X-Amz-Credential"][0].endswith("/us-east-1/ec2-instance-connect/aws4_request")
    assert headers["Host"] == "localhost"
    assert headers["User-Agent"].startswith("Botocore/")  # the session's, as v2 sends its own


def test_listening_gives_each_connection_its_tunnel(awscrt, tmp_path, endpoint):
    from awsmini.commands.ec2instanceconnect import websocket

    lines: list = []
    listening = threading.Event()
    port = socket.create_server(("localhost", 0))
    local = port.getsockname()[1]
    port.close()
    tunnels = websocket.Tunnels(lambda: "wss://localhost/openTunnel?n=%d" % len(lines),
                                "tester/1.0", websocket.Target(endpoint.port,
                                                               str(endpoint.cert)),
                                {}, lines.append, max_connections=1)
    worker = threading.Thread(target=lambda: tunnels.listen(local, listening.set))
    with tunnels:
        worker.start()
        assert listening.wait(10)
        first = socket.create_connection(("localhost", local))
        first.sendall(b"one")
        assert first.recv(100) == b"echo:one"
        second = socket.create_connection(("localhost", local))  # over the limit of one
        assert second.recv(100) == b""
        first.close()
        deadline = time.time() + 10
        while "[1] Closing tcp connection.\n" not in lines and time.time() < deadline:
            time.sleep(0.05)
        third = socket.create_connection(("localhost", local))
        third.sendall(b"three")
        assert third.recv(100) == b"echo:three"
        third.close()
        tunnels.stopping.set()
        worker.join(10)
    assert lines[:4] == ["Listening for connections on port %d.\n" % local,
                         "[1] Accepted new tcp connection, opening websocket tunnel.\n",
                         "Max websocket connections 1 have been reached, closing incoming "
                         "connection.\n", "[1] Closing tcp connection.\n"]
    assert lines[4] == "[2] Accepted new tcp connection, opening websocket tunnel.\n"
    assert [headers["User-Agent"] for _, headers in endpoint.handshakes] == ["tester/1.0"] * 2


@pytest.mark.parametrize("reply, message", [
    (lambda data: [(0x1, b"text")], "Received invalid data from server, closing websocket "
                                    "connection."),
    (lambda data: [(0x8, struct.pack(">H", 1008) + b"Tunnel duration exceeded")],
     "Websocket Closure Reason: Tunnel duration exceeded"),
], ids=["text-frame", "close-code"])
def test_the_endpoint_ending_a_tunnel_is_v2s_error(awscrt, tmp_path, endpoint, reply, message):
    from awsmini.commands.ec2instanceconnect import websocket

    endpoint.reply = reply
    tunnel = websocket.Tunnel(websocket.StreamEnds(
        lambda amount: b"hello", lambda data: None, lambda: True, lambda: None))
    tunnel.connect("wss://localhost/openTunnel", "", websocket.Target(
        endpoint.port, str(endpoint.cert)), {})
    with pytest.raises(websocket.WebsocketError, match="^%s$" % message):
        tunnel.pump()


@pytest.mark.parametrize("argv, message", [
    ((), "Specify an instance id or private ip."),
    (("--instance-id", "i-0123456789", "--instance-connect-endpoint-dns-name", "x"),
     "Specify an instance connect endpoint id when providing a DNS name."),
    (("--private-ip-address", "10.0.0.1"),
     "Specify an instance connect endpoint id when providing a private ip."),
    (("--instance-id", "i-0123456789", "--max-tunnel-duration", "0"),
     "Invalid max connection timeout specified. Value must be greater than 1 and less than "
     "3600."),
], ids=["nothing", "dns-alone", "ip-alone", "duration"])
def test_usage_errors(run_cli, argv, message):
    result = run_cli(["ec2-instance-connect", "open-tunnel", *argv])
    assert result.exit_code == 252
    assert "[ERROR]: An error occurred (ParamValidation): %s\n" % message in result.stderr


def test_at_a_terminal_and_without_awscrt(tmp_path):
    import importlib.util

    from awsmini.commands.ec2instanceconnect import tunnel
    from awsmini.errors import OtherError, ParamValidationError

    with pytest.raises(ParamValidationError, match="does not support interactive mode"):
        tunnel.check_arguments(_args(), stdin_isatty=True)
    if importlib.util.find_spec("awscrt") is not None:
        pytest.skip("awscrt is installed in this environment")
    with pytest.raises(OtherError, match="open-tunnel needs the awscrt package"):
        tunnel.run(_args(), _context(tmp_path))


def test_help(run_cli):
    page = run_cli(["ec2-instance-connect", "open-tunnel", "help"])
    assert page.exit_code == 0
    for option in ("--instance-id", "--instance-connect-endpoint-id",
                   "--instance-connect-endpoint-dns-name", "--private-ip-address",
                   "--remote-port", "--local-port", "--max-tunnel-duration",
                   "--max-websocket-connections"):
        assert option + " <value>" in page.stdout


def test_the_instance_and_its_endpoint_looked_up(awscrt, tmp_path, endpoint):
    """EC2 reached through AWS_ENDPOINT_URL_EC2: v2's client here takes no --endpoint-url."""
    from awsmini.commands.ec2instanceconnect import tunnel, websocket
    from tests.cli.test_ec2_instance_connect import Ec2

    ec2 = Ec2()
    ec2.addresses = {"ipv6Address": "2600::7"}
    ec2.endpoints = [{"InstanceConnectEndpointId": "eice-same", "SubnetId": "subnet-2",
                      "DnsName": "localhost"}]
    read_end, write_end = os.pipe()
    os.close(write_end)  # nothing to send: the tunnel opens and closes
    context = _context(tmp_path, io.TextIOWrapper(os.fdopen(read_end, "rb", buffering=0)),
                       io.TextIOWrapper(io.BytesIO()))
    context.env.environ["AWS_ENDPOINT_URL_EC2"] = ec2.url  # type: ignore[index]
    try:
        code = tunnel.run(_args(**{"instance-id": "i-0abc123456", "private-ip-address": None,
                                   "instance-connect-endpoint-id": None,
                                   "instance-connect-endpoint-dns-name": None,
                                   "remote-port": 2222}),
                          context, websocket.Target(endpoint.port, str(endpoint.cert)))
    finally:
        ec2.server.shutdown()
        ec2.server.server_close()
    assert code == 0
    assert ec2.actions() == ["DescribeInstances", "DescribeInstanceConnectEndpoints"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(endpoint.handshakes[0][0]).query)
    assert (query["instanceConnectEndpointId"], query["privateIpAddress"],
            query["remotePort"]) == (["eice-same"], ["2600::7"], ["2222"])
