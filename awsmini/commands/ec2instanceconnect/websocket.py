"""Bytes carried over websocket tunnels to an EC2 Instance Connect Endpoint, through awscrt.

As v2's `awscli/customizations/ec2instanceconnect/websocket.py`: a tunnel is a
websocket to the endpoint's presigned `wss://` URL (port 443, TLS, through
`HTTP_PROXY`/`HTTPS_PROXY` unless `NO_PROXY` names the host), carrying binary
frames of at most 65,000 bytes each way. One tunnel joins this process's stdin
and stdout (ssh's ProxyCommand); with a local port, each TCP connection
accepted on `localhost:PORT` gets a tunnel of its own, at most so many at once
(v2's messages say so on stdout). A text frame from the endpoint, or its close
frame with a code other than 1000, ends the tunnel with v2's error.

awscrt is an optional dependency here (`awsmini[crt]`): without it, v2's
command cannot run and says so (exit 255). `Target` names where a tunnel goes
(the port, and the CA file that verifies the endpoint's certificate), so that
the tunnels can be followed against a local server.
"""
from __future__ import annotations

import logging
import queue
import select
import socket
import struct
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO, Any, Callable, Mapping
from urllib.parse import urlparse

from awsmini.errors import OtherError

LOG = logging.getLogger(__name__)
MAX_FRAME_BYTES = 65_000
_POLL_SECONDS = 0.05
_CLOSED_ON_SEND = ("AWS_ERROR_HTTP_WEBSOCKET_CLOSE_FRAME_SENT", "AWS_ERROR_HTTP_CONNECTION_CLOSED")


class WebsocketError(OtherError):
    """The endpoint ended the tunnel in a way v2 reports (exit 255)."""


@dataclass(frozen=True)
class Target:
    """Where the tunnels connect: the endpoint's port, and a CA file in place of the
    system's trust store (None: the system's)."""

    port: int = 443
    ca_file: str | None = None


class StreamEnds:
    """The tunnel's local side: read what to send, write what came back."""

    def __init__(self, read: Callable[[int], bytes], write: Callable[[bytes], None],
                 is_ready: Callable[[], bool], close: Callable[[], None]) -> None:
        self.read, self.write, self.is_ready, self.close = read, write, is_ready, close


def stdio_ends(stdin: IO[bytes], stdout: IO[bytes]) -> StreamEnds:
    """stdin and stdout (ssh's ProxyCommand): read when select says there is input."""
    def is_ready() -> bool:
        return bool(select.select([stdin], [], [], _POLL_SECONDS)[0])

    def read(amount: int) -> bytes:
        return getattr(stdin, "read1", stdin.read)(amount)

    def write(data: bytes) -> None:
        stdout.write(data)
        stdout.flush()

    return StreamEnds(read, write, is_ready, lambda: None)


def socket_ends(connection: socket.socket) -> StreamEnds:
    """An accepted TCP connection; its end of input closes the tunnel."""
    def read(amount: int) -> bytes:
        try:
            return connection.recv(amount)
        except OSError:  # closed under the read, when the websocket closed
            return b""

    def close() -> None:
        try:  # shutdown first: it wakes a recv blocked in the tunnel's thread
            connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        connection.close()

    return StreamEnds(read, connection.sendall, lambda: True, close)


class Tunnel:
    """One websocket between local ends and the endpoint."""

    def __init__(self, ends: StreamEnds, label: int | None = None) -> None:
        self.ends = ends
        self.label = label
        self.error: BaseException | None = None
        self._websocket: Any = None
        self._connected = threading.Event()
        self._closed = threading.Event()
        self._sent: queue.Queue = queue.Queue()
        self._close_payload = bytearray()

    def connect(self, url: str, user_agent: str, target: Target,
                environ: Mapping[str, str]) -> None:
        """Open the websocket (blocks until the handshake is done or has failed)."""
        from awscrt import io, websocket

        parsed = urlparse(url)
        host = parsed.hostname or ""
        request = websocket.create_handshake_request(host=host,
                                                     path=parsed.path + "?" + parsed.query)
        if user_agent:
            request.headers.set("User-Agent", user_agent)
        options = io.TlsContextOptions()
        if target.ca_file:
            options.override_default_trust_store_from_path(ca_filepath=target.ca_file)
        tls = io.ClientTlsContext(options).new_connection_options()
        tls.set_server_name(host)
        websocket.connect(host=host, port=target.port, handshake_request=request,
                          tls_connection_options=tls, proxy_options=_proxy(host, environ),
                          on_connection_setup=self._on_setup,
                          on_connection_shutdown=self._on_shutdown,
                          on_incoming_frame_payload=self._on_payload,
                          on_incoming_frame_complete=self._on_frame_complete)
        self._connected.wait()
        if self._websocket is None:
            self.close()
            raise self.error or WebsocketError("The websocket could not be opened.")

    def pump(self) -> None:
        """Send what the local end gives until either side closes; then the error, if any."""
        try:
            self._send_input()
        finally:
            self.close()
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        if self._websocket is not None:
            self._websocket.close()
        self.ends.close()
        self._closed.set()

    def _send_input(self) -> None:
        from awscrt.websocket import Opcode

        while not self._closed.is_set():
            if not self.ends.is_ready():
                continue
            data = self.ends.read(MAX_FRAME_BYTES)
            if not data:  # the local end closed its side
                LOG.debug("Input closed. Shutting down websocket.")
                return
            try:
                self._websocket.send_frame(opcode=Opcode.BINARY, payload=data,
                                           on_complete=self._sent.put)
                self._sent.get()
            except RuntimeError as error:
                if any(code in str(error.args) for code in _CLOSED_ON_SEND):
                    LOG.debug("Received exception when sending websocket frame: %s",
                              error.args)
                    return
                raise

    # awscrt's callbacks, on its own threads

    def _on_setup(self, data: Any) -> None:
        if data.exception is not None:
            if data.handshake_response_body:
                LOG.error(data.handshake_response_body.decode("utf-8", "replace"))
            self.error = data.exception
        self._websocket = data.websocket
        self._connected.set()

    def _on_shutdown(self, data: Any) -> None:
        if data.exception is not None:
            self.error = data.exception
        self.close()

    def _on_payload(self, data: Any) -> None:
        from awscrt.websocket import Opcode

        opcode = data.frame.opcode
        if not opcode.is_data_frame():
            if opcode == Opcode.CLOSE and data.data:
                self._close_payload += data.data
            return
        if opcode == Opcode.TEXT:
            self.error = WebsocketError("Received invalid data from server, closing websocket "
                                        "connection.")
            self.close()
            return
        try:
            self.ends.write(data.data)
        except OSError as error:  # the local end is gone: so is the tunnel
            LOG.debug("Local end closed: %s", error)
            self.close()

    def _on_frame_complete(self, data: Any) -> None:
        from awscrt.websocket import Opcode

        if data.frame.opcode != Opcode.CLOSE or data.exception is not None:
            return
        if len(self._close_payload) >= 2:
            code = struct.unpack(">H", bytes(self._close_payload[:2]))[0]
            if code != 1000:
                LOG.debug("Shutdown code: %s", code)
                self.error = WebsocketError("Websocket Closure Reason: %s" % bytes(
                    self._close_payload[2:]).decode("utf-8", "replace"))
        self.close()


def _proxy(host: str, environ: Mapping[str, str]) -> Any:
    from awscrt.http import HttpProxyAuthenticationType, HttpProxyOptions

    url = environ.get("HTTP_PROXY") or environ.get("HTTPS_PROXY")
    if not url or host in environ.get("NO_PROXY", ""):
        return None
    proxy = urlparse(url)
    LOG.debug("Using the following proxy: %s", proxy.hostname)
    return HttpProxyOptions(host_name=proxy.hostname, port=proxy.port,
                            auth_type=HttpProxyAuthenticationType.Basic,
                            auth_username=proxy.username or None,
                            auth_password=proxy.password or None)


class Tunnels:
    """The tunnels of one run: one over stdin and stdout, or one per TCP connection."""

    def __init__(self, presigned_url: Callable[[], str], user_agent: str, target: Target,
                 environ: Mapping[str, str], write: Callable[[str], None],
                 max_connections: int = 10) -> None:
        self._url = presigned_url
        self._user_agent = user_agent
        self._target = target
        self._environ = environ
        self._write = write
        self._max = max_connections
        self._executor = ThreadPoolExecutor(max_workers=max(max_connections, 1))
        self._open: list[tuple[Future, Tunnel]] = []
        self._listener: socket.socket | None = None
        self.stopping = threading.Event()  # ends a listener's loop

    def __enter__(self) -> "Tunnels":
        return self

    def __exit__(self, *exc: Any) -> None:
        for _, tunnel in self._open:
            tunnel.close()
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._listener.close()
        self._executor.shutdown()

    def over_stdio(self, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        """One tunnel between stdin and stdout, until it closes."""
        self._open_tunnel(Tunnel(stdio_ends(stdin, stdout))).result()

    def listen(self, port: int, on_listening: Callable[[], None] = lambda: None) -> None:
        """Accept TCP connections on localhost:`port`, each with its own tunnel."""
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("localhost", port))
        self._listener.listen()
        self._write("Listening for connections on port %d.\n" % port)
        on_listening()
        label = 0
        while not self.stopping.is_set():
            if not select.select([self._listener], [], [], 0.1)[0]:
                continue
            connection, _ = self._listener.accept()
            self._open = [(future, tunnel) for future, tunnel in self._open if not future.done()]
            if len(self._open) >= self._max:
                self._write("Max websocket connections %d have been reached, closing incoming "
                            "connection.\n" % self._max)
                connection.close()
                continue
            label += 1
            self._write("[%d] Accepted new tcp connection, opening websocket tunnel.\n" % label)
            tunnel = Tunnel(socket_ends(connection), label)
            try:
                future = self._open_tunnel(tunnel)
            except Exception as error:  # this connection's failure; the listener goes on
                LOG.error("[%d] Encountered error opening websocket: %s", label, error)
                self._write("[%d] Closing tcp connection.\n" % label)
                continue
            future.add_done_callback(self._closed(tunnel))

    def _open_tunnel(self, tunnel: Tunnel) -> Future:
        tunnel.connect(self._url(), self._user_agent, self._target, self._environ)
        future = self._executor.submit(tunnel.pump)
        self._open.append((future, tunnel))
        return future

    def _closed(self, tunnel: Tunnel) -> Callable[[Future], None]:
        def done(future: Future) -> None:
            if future.exception() is not None:
                LOG.error("[%s] Encountered error with websocket: %s", tunnel.label,
                          future.exception())
            self._write("[%s] Closing tcp connection.\n" % tunnel.label)
        return done


def check_installed() -> None:
    """awscrt, which the tunnels need, or one line saying it is missing."""
    from awsmini.rsakeys import require_awscrt

    require_awscrt("ec2-instance-connect open-tunnel")


def stdio_streams(stdin: Any, stdout: Any) -> tuple[IO[bytes], IO[bytes]]:
    """The binary streams under the run's text stdin and stdout."""
    return (getattr(stdin, "buffer", stdin), getattr(stdout, "buffer", stdout))


