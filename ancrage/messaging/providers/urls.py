"""Where provider API calls may go.

An owner may type an API URL (SMS Gateway for Android's local server; any provider when
the operator allows custom URLs). Unchecked, "Test connection" would make the server call
its own network with credentials (SSRF). So a typed URL must resolve to public addresses
only, unless the operator lists the network in ANCRAGE_SMS_PRIVATE_NETWORKS (a phone on
the office LAN, the fakes on 127.0.0.1 in tests); Twilio's and Vonage's URLs are their
official ones unless ANCRAGE_SMS_CUSTOM_API_URLS is on. Checked before every call, so a
URL stored earlier or a name that now resolves elsewhere is refused too.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from .base import ProviderError
from .errors import NETWORK, URL_REFUSED

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class UrlPolicy:
    custom_urls: bool = False  # may Twilio's and Vonage's URLs be replaced?
    private_networks: tuple[Network, ...] = ()  # non-public networks the operator allows

    @classmethod
    def from_settings(cls) -> UrlPolicy:
        from django.conf import settings  # read at each call: tests change it

        networks = (ipaddress.ip_network(net) for net in settings.SMS_PRIVATE_NETWORKS)
        return cls(settings.SMS_CUSTOM_API_URLS, tuple(networks))


def api_base_url(config: Mapping[str, str], default: str, *, settable: bool = False) -> str:
    """The URL to call: the official `default` unless a typed one is allowed and passes."""
    policy = UrlPolicy.from_settings()
    typed = (config.get("api_base_url") or "").strip()
    if not typed or not (settable or policy.custom_urls):
        return default
    return check_api_url(typed, policy)


def check_api_url(url: str, policy: UrlPolicy) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProviderError(f"not an http(s) URL: {url!r}", permanent=True, code=URL_REFUSED)
    for address in _addresses(parts.hostname):
        if not _allowed(address, policy):
            raise ProviderError(
                f"{parts.hostname} is {address}, not a public address",
                permanent=True,
                code=URL_REFUSED,
            )
    return url


def _addresses(host: str) -> set[Address]:
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ProviderError(f"cannot resolve {host}", permanent=False, code=NETWORK) from exc
    return {ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos}


def _allowed(address: Address, policy: UrlPolicy) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if any(address in network for network in policy.private_networks):
        return True
    return address.is_global and not address.is_multicast
