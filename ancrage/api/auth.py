"""`Authorization: Bearer <token>` for every endpoint; the token is looked up at each
request, so a revoked token stops working at once."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from ancrage.api import tokens
from ancrage.api.models import ApiToken


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return tokens.find_active(token.strip())


def token_of(request: HttpRequest) -> ApiToken:
    """The token ninja authenticated (set on the request before the endpoint runs)."""
    return request.auth  # type: ignore[attr-defined]
