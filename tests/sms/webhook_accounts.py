"""Practices with every webhook provider configured (no fake server: webhooks only)."""

from __future__ import annotations

from ancrage.coaching.models import Practice
from ancrage.messaging.accounts import save_account
from tests.fakes import fake_android, fake_twilio, fake_vonage

CONFIGS = {
    "twilio": {"account_sid": fake_twilio.ACCOUNT_SID, "auth_token": fake_twilio.AUTH_TOKEN},
    "vonage": {
        "api_key": fake_vonage.API_KEY,
        "api_secret": fake_vonage.API_SECRET,
        "signature_secret": fake_vonage.SIGNATURE_SECRET,
        "signature_method": "sha256",
    },
    "android": {
        "username": fake_android.USERNAME,
        "password": fake_android.PASSWORD,
        "webhook_signing_key": fake_android.SIGNING_KEY,
    },
}


def configure_webhooks(practice: Practice) -> Practice:
    for code, config in CONFIGS.items():
        save_account(practice, code, config, sender="", max_per_minute=0, use_to_send=False)
    return practice
