"""Issuing, finding and revoking API tokens (no HTTP here)."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from ancrage.api.models import ApiToken
from ancrage.coaching.models import Coach

PREFIX = "anc_"  # recognisable in a leaked config file or a secret scanner


def digest_of(token: str) -> str:
    # The token is 32 random bytes: a plain SHA-256 cannot be brute-forced, so no salt
    # or slow hash is needed (and lookups stay one indexed query).
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue(coach: Coach, name: str) -> tuple[ApiToken, str]:
    """A new token for this coach's practice; the clear token is returned, never stored."""
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        practice=coach.practice,
        coach=coach,
        name=name.strip()[:80],
        prefix=token[:12],
        digest=digest_of(token),
    )
    return row, token


def find_active(token: str) -> ApiToken | None:
    """The live token behind this string, or None (unknown, revoked, or its coach gone)."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = (
        ApiToken.objects.select_related("coach__user", "practice")
        .filter(digest=digest_of(token), revoked_at__isnull=True)
        .first()
    )
    if row is None or not row.coach.user.is_active or row.coach.practice_id != row.practice_id:
        return None
    row.touch(timezone.now())
    return row


def tokens_of(coach: Coach):
    return ApiToken.objects.filter(coach=coach, practice=coach.practice)
