"""The HTTP plumbing shared by the fake provider servers.

A `FakeProviderServer` is a ThreadingHTTPServer on 127.0.0.1 with an ephemeral
port, run in a daemon thread for the life of a `with` block. Every request is
recorded; answers come from a script of canned responses when one is queued
(`fail_with_server_error`, `rate_limit`, `reject_with`), else from the
provider-specific `answer()`.
"""

from __future__ import annotations

import base64
import json
import ssl
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # without the query string
    query: dict[str, str]
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("utf-8"), keep_blank_values=True))

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    def basic_auth(self) -> tuple[str, str] | None:
        scheme, _, encoded = self.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return None
        user, _, password = base64.b64decode(encoded).decode("utf-8").partition(":")
        return user, password


@dataclass(frozen=True)
class CannedResponse:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, payload: Any) -> CannedResponse:
        return cls(status, json.dumps(payload).encode(), {"Content-Type": "application/json"})


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    # Keep-alive, as the providers' APIs answer: a connection per request would cost the
    # client a TCP handshake per SMS, which no real provider asks for.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else headers and body, written apart, wait on delayed ACKs

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        parts = urlsplit(self.path)
        body = self.rfile.read(length) if length else b""
        if len(body) < length:  # the client died mid-request: no provider acts on half a one
            self.close_connection = True
            return
        request = RecordedRequest(
            method=self.command,
            path=parts.path,
            query=dict(parse_qsl(parts.query, keep_blank_values=True)),
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        if self.server.fake.take_hang_up(request):  # read, then gone without a word
            self.close_connection = True
            return
        response = self.server.fake.dispatch(request)
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.write(response.body)

    def setup(self) -> None:
        super().setup()
        self.server.fake.connections += 1

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeProviderServer) -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client killed mid-call (the crash tests and benchmark do it on purpose) leaves a
        # connection the answer cannot be written to: not the fake's error, no traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class FakeProviderServer:
    """Base class: subclasses implement `answer()` and the error bodies."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._script: deque[CannedResponse] = deque()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.delay_seconds = 0.0  # answer slowly, like a provider under load
        self.tls: ssl.SSLContext | None = None  # set before start(): HTTPS with this context
        self.connections = 0  # TCP connections accepted
        self._hang_ups = 0

    # -- lifecycle -----------------------------------------------------------------
    def start(self) -> FakeProviderServer:
        self._server = _Server(self)
        if self.tls is not None:
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True)
        # A short poll interval keeps shutdown (and so each test's teardown) fast.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):  # type: ignore[no-untyped-def]  (subclasses return themselves)
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start the fake server first"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    # -- scripting failures ----------------------------------------------------------
    def hang_up(self, times: int = 1) -> None:
        """Read the next `times` requests, then close the connection without answering."""
        with self._lock:
            self._hang_ups += times

    def take_hang_up(self, request: RecordedRequest) -> bool:
        with self._lock:
            if not self._hang_ups:
                return False
            self._hang_ups -= 1
            self.requests.append(request)
            return True

    def queue(self, response: CannedResponse, times: int = 1) -> None:
        """Answer the next `times` requests with `response`."""
        with self._lock:
            self._script.extend([response] * times)

    def fail_with_server_error(self, times: int = 1) -> None:
        self.queue(self.server_error_response(), times)

    def rate_limit(self, times: int = 1) -> None:
        self.queue(self.rate_limited_response(), times)

    def reject_with(self, code: str | int, times: int = 1) -> None:
        """Answer with the provider's own permanent (or throttling) error `code`."""
        self.queue(self.error_response(str(code)), times)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._script.clear()
            self._hang_ups = 0

    # -- request handling ------------------------------------------------------------
    def dispatch(self, request: RecordedRequest) -> CannedResponse:
        with self._lock:
            self.requests.append(request)
            scripted = self._script.popleft() if self._script else None
        if self.delay_seconds:
            time.sleep(self.delay_seconds)
        return scripted or self.answer(request)

    def answer(self, request: RecordedRequest) -> CannedResponse:
        raise NotImplementedError

    def server_error_response(self) -> CannedResponse:
        return CannedResponse.json(500, {"message": "Internal Server Error"})

    def rate_limited_response(self) -> CannedResponse:
        return CannedResponse.json(429, {"message": "Too Many Requests"})

    def error_response(self, code: str) -> CannedResponse:
        raise NotImplementedError


def connect(fake: FakeProviderServer, practice: Any, provider: str, *, use_to_send: bool = True):
    """Save `practice`'s account for `provider` pointing at `fake` (no send rate limit)."""
    from ancrage.messaging.accounts import save_account  # Django only when a test asks

    config = fake.config()  # type: ignore[attr-defined]  (each fake defines it)
    sender = config.pop("from_number")
    save_account(
        practice, provider, config, sender=sender, max_per_minute=0, use_to_send=use_to_send
    )
    practice.refresh_from_db()
