"""An HTTP client for the Twilio SDK on urllib3 alone: the SDK's calls, less of the cost.

The SDK's own `TwilioHttpClient` goes through a `requests.Session`, which for every call
re-reads the environment for proxies and certificate bundles, checks the bundle's path on
disk, runs hooks and a cookie jar: about 2.2 times the CPU this client spends per send in
the sending thread (1,772 against 778 µs on a slow machine, 854 against 398 on a fast one;
benchmarks/twilio_send_cpu.py, docs/dispatch.md). It
plugs into the SDK's documented extension point (`twilio.http.HttpClient`) and keeps what
requests gave us:

- proxies from HTTPS_PROXY / HTTP_PROXY / NO_PROXY and the certificate bundle from
  REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE (else certifi's), read once per host: a worker's
  environment does not change while it runs;
- no retry of any kind (a POST that may have reached Twilio is never sent again from
  here: the dispatcher decides, see reconcile.py), no redirect followed;
- the same timeout for connecting and for reading;
- the SDK's request and response logging, when its logger is on.

Network failures raise urllib3's exceptions: `NETWORK_ERRORS` names them with requests'
own, for the callers that catch both.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from typing import Any
from urllib.parse import urlencode, urlsplit

import certifi
import requests
import urllib3
from requests.utils import get_environ_proxies, select_proxy
from twilio.http import HttpClient
from twilio.http.request import Request as TwilioRequest
from twilio.http.response import Response

NETWORK_ERRORS = (requests.RequestException, urllib3.exceptions.HTTPError)

# What requests does with its default adapter: no retry, read errors raised as they are.
_NO_RETRY = urllib3.Retry(total=0, read=False, redirect=False)
_JSON_TYPES = ("application/json", "application/scim+json")


def ca_bundle() -> str:
    """The bundle requests would verify with: the environment's, else certifi's."""
    return (
        os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or certifi.where()
    )


class PooledHttpClient(HttpClient):
    """Keeps one urllib3 pool per origin (scheme, host, port) and reuses its connections."""

    def __init__(self, timeout: float, pool_size: int = 4) -> None:
        super().__init__(logging.getLogger("twilio.http_client"), is_async=False, timeout=timeout)
        self._timeout = _both(timeout)
        self._pool_size = pool_size
        self._managers: dict[str, urllib3.PoolManager] = {}
        self._lock = threading.Lock()

    def _manager(self, url: str) -> urllib3.PoolManager:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        manager = self._managers.get(origin)
        if manager is None:
            with self._lock:
                manager = self._managers.get(origin) or self._new_manager(url)
                self._managers[origin] = manager
        return manager

    def _new_manager(self, url: str) -> urllib3.PoolManager:
        bundle = ca_bundle()
        tls: dict[str, Any] = (
            {"ca_cert_dir": bundle} if os.path.isdir(bundle) else {"ca_certs": bundle}
        )
        options: dict[str, Any] = {"maxsize": self._pool_size, "cert_reqs": "CERT_REQUIRED", **tls}
        proxy = select_proxy(url, get_environ_proxies(url))
        if not proxy:
            return urllib3.PoolManager(**options)
        if proxy.lower().startswith("socks"):
            from urllib3.contrib.socks import SOCKSProxyManager  # needs PySocks, as in requests

            return SOCKSProxyManager(proxy, **options)
        return urllib3.ProxyManager(proxy, **options)

    def request(
        self,
        method: str,
        uri: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        if timeout is not None and timeout <= 0:
            raise ValueError(timeout)
        sent_headers = dict(headers or {})
        if auth:
            sent_headers.update(urllib3.make_headers(basic_auth=f"{auth[0]}:{auth[1]}"))
        url = uri
        if params:
            url += ("&" if "?" in url else "?") + _form(params)
        body: str | None = None
        if data is not None:
            if sent_headers.get("Content-Type") in _JSON_TYPES:
                body = json.dumps(data)
            else:
                body = _form(data)
                sent_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if self.logger.isEnabledFor(logging.INFO):
            self.log_request(
                {"method": method.upper(), "url": uri, "params": params, "headers": headers}
            )
        answer = self._manager(url).request(
            method.upper(),
            url,
            body=body,
            headers=sent_headers,
            timeout=self._timeout if timeout is None else _both(timeout),
            retries=_NO_RETRY,
            redirect=allow_redirects,
        )
        text = answer.data.decode("utf-8", "replace")
        self._test_only_last_request = TwilioRequest(
            method.upper(), uri, auth, params, data, headers
        )
        self._test_only_last_response = Response(answer.status, text, answer.headers)
        if self.logger.isEnabledFor(logging.INFO):
            self.log_response(answer.status, answer)  # type: ignore[arg-type]
        return self._test_only_last_response


def _both(seconds: float) -> urllib3.Timeout:
    """requests' meaning of one number: the limit to connect, and again to read."""
    return urllib3.Timeout(connect=seconds, read=seconds)


def _form(values: dict[str, object]) -> str:
    """Form-encoded as requests does it: a list is one key repeated, None is left out."""
    pairs: list[tuple[str, object]] = []
    for key, value in values.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item is not None:
                pairs.append((key, item))
    return urlencode(pairs)
