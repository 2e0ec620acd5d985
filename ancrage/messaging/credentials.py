"""Provider credentials, encrypted at rest with the key from the environment."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from ancrage.lib.crypto import ENV_VAR, decrypt_json, encrypt_json


def _environ() -> dict[str, str]:
    return {ENV_VAR: settings.ENCRYPTION_KEY}


def encrypt(config: dict[str, Any]) -> str:
    return encrypt_json(
        {k: v for k, v in config.items() if v not in (None, "")}, environ=_environ()
    )


def decrypt(token: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in decrypt_json(token, environ=_environ()).items()}
