"""Security tests run with the production values of the settings the other tests relax."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SECRET_BODY = "INTERNAL-ONLY-3f9a"  # what an internal service would answer


@pytest.fixture
def production_urls(settings):
    settings.SMS_CUSTOM_API_URLS = False
    settings.SMS_PRIVATE_NETWORKS = []


class _Internal(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        body = json.dumps({"sid": "AC1", "friendly_name": SECRET_BODY, "status": SECRET_BODY})
        self.send_response(self.server.status)  # type: ignore[attr-defined]
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(params=[200, 500], ids=["ok", "error"])
def internal_service(request):
    """An HTTP service on 127.0.0.1 that only the server should be able to reach."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Internal)
    server.hits = []  # type: ignore[attr-defined]
    server.status = request.param  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    yield server
    server.shutdown()
    server.server_close()
