"""Encrypt provider credentials at rest with Fernet (AES-128-CBC + HMAC-SHA256).

The key comes from the ANCRAGE_ENCRYPTION_KEY environment variable, never from
the database. Several comma-separated keys allow rotation: the first encrypts,
all of them decrypt, and `reencrypt_json()` moves a token onto the first key.

    export ANCRAGE_ENCRYPTION_KEY="$(python -c 'from ancrage.lib.crypto import generate_key; print(generate_key())')"
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

ENV_VAR = "ANCRAGE_ENCRYPTION_KEY"


class CredentialKeyError(Exception):
    """The encryption key is missing or invalid, or a token cannot be decrypted with it."""


def generate_key() -> str:
    """A new random key, ready for ANCRAGE_ENCRYPTION_KEY."""
    return Fernet.generate_key().decode("ascii")


def encrypt_json(data: Mapping[str, Any], *, environ: Mapping[str, str] | None = None) -> str:
    """`data` as JSON, encrypted with the first key; a URL-safe ASCII token."""
    payload = json.dumps(dict(data), sort_keys=True, separators=(",", ":")).encode("utf-8")
    return _keys(environ).encrypt(payload).decode("ascii")


def decrypt_json(token: str, *, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The dict `encrypt_json` was given, with any of the configured keys."""
    try:
        payload = _keys(environ).decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError) as exc:
        raise CredentialKeyError(
            f"cannot decrypt the stored credentials with the keys in {ENV_VAR} "
            "(wrong key, or a key removed too early during rotation?)"
        ) from exc
    data = json.loads(payload)
    if not isinstance(data, dict):
        raise CredentialKeyError("the decrypted credentials are not a JSON object")
    return data


def reencrypt_json(token: str, *, environ: Mapping[str, str] | None = None) -> str:
    """The same data re-encrypted with the first (newest) key, for key rotation."""
    try:
        return _keys(environ).rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeEncodeError) as exc:
        raise CredentialKeyError(f"cannot decrypt this token with the keys in {ENV_VAR}") from exc


def _keys(environ: Mapping[str, str] | None) -> MultiFernet:
    raw = (os.environ if environ is None else environ).get(ENV_VAR, "")
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if not keys:
        raise CredentialKeyError(
            f"{ENV_VAR} is not set: generate one with ancrage.lib.crypto.generate_key()"
        )
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except ValueError as exc:
            raise CredentialKeyError(
                f"key #{position} in {ENV_VAR} is not a valid Fernet key "
                "(32 url-safe base64-encoded bytes)"
            ) from exc
    return MultiFernet(fernets)
