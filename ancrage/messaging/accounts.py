"""A practice's provider accounts: save credentials (encrypted), test the connection."""

from __future__ import annotations

import logging
import re
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.coaching.models import Practice
from ancrage.lib.crypto import CredentialKeyError
from ancrage.messaging import credentials
from ancrage.messaging.errors import describe
from ancrage.messaging.models import ProviderAccount
from ancrage.messaging.outbound import account_config
from ancrage.messaging.providers.base import ProviderError
from ancrage.messaging.providers.registry import load_provider_class

log = logging.getLogger("ancrage.messaging")

# What the settings page asks for, per provider (the rest of config_keys stays optional).
SECRET_KEYS = {"auth_token", "api_secret", "signature_secret", "password", "webhook_signing_key"}
WEBHOOK_KINDS = {
    "twilio": ("inbound", "status"),
    "vonage": ("inbound", "status"),
    "android": ("events",),
}
REAL_PROVIDERS = tuple(WEBHOOK_KINDS)
# A provider error code worth showing: short and plain; anything else may be a remote body.
_PLAIN_CODE = re.compile(r"[\w.-]{1,32}")


def account_of(practice: Practice, provider: str) -> ProviderAccount | None:
    return ProviderAccount.objects.filter(practice=practice, provider=provider).first()


def stored_config(account: ProviderAccount | None) -> dict[str, str]:
    if account is None:
        return {}
    try:
        return credentials.decrypt(account.credentials)
    except CredentialKeyError:
        return {}  # key rotated away: the owner re-enters the secrets


@transaction.atomic
def save_account(
    practice: Practice,
    provider: str,
    config: dict[str, Any],
    *,
    sender: str,
    max_per_minute: int,
    use_to_send: bool,
) -> ProviderAccount:
    """Store the settings; a secret left blank keeps the one already stored."""
    account = account_of(practice, provider) or ProviderAccount(
        practice=practice, provider=provider
    )
    merged = stored_config(account if account.pk else None)
    for key, value in config.items():
        if key in SECRET_KEYS and not value:
            continue
        merged[key] = value or ""
    merged.pop("from_number", None)  # kept in clear as `sender`, not a secret
    account.credentials = credentials.encrypt(merged)
    account.sender = sender
    account.max_per_minute = max_per_minute
    account.is_active = use_to_send
    account.save()
    if use_to_send:
        practice.provider_accounts.exclude(pk=account.pk).update(is_active=False)
        practice.sms_provider = provider
    elif practice.sms_provider == provider:
        practice.sms_provider = "simulator"
    practice.save(update_fields=["sms_provider"])
    return account


def check_connection(account: ProviderAccount, lang: str = "fr") -> ProviderAccount:
    """Call the provider with the stored credentials and keep the outcome on the account.

    What is kept (and shown to the owner) is ours: the provider's label or a sentence for
    an error code, never a remote body, which could come from an internal service.
    """
    try:
        provider = load_provider_class(account.provider)(account_config(account))
        account.last_check_message = provider.check_connection()
        account.last_check_ok = True
    except ProviderError as error:
        account.last_check_ok = False
        code = error.code if _PLAIN_CODE.fullmatch(str(error.code)) else "?"
        account.last_check_message = describe(code, lang, account.provider)
    except CredentialKeyError as error:
        account.last_check_ok = False
        account.last_check_message = str(error)
    except Exception as error:  # an SDK surprised by an answer: say so, never a 500
        log.exception("connection test of %s failed", account)
        account.last_check_ok = False
        account.last_check_message = _(
            "Unexpected answer from the provider (%(kind)s); details in the server log."
        ) % {"kind": type(error).__name__}
    account.last_check_at = timezone.now()
    account.save(update_fields=["last_check_ok", "last_check_message", "last_check_at"])
    return account
