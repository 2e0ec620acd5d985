"""A practice whose SMS go through Twilio's real SDK to a local fake Twilio."""

from __future__ import annotations

import pytest

from ancrage.messaging.accounts import save_account
from tests.fakes import FakeTwilio


@pytest.fixture
def twilio(practice_a, settings):
    settings.SMS_RETRY_BASE_SECONDS = 0  # retries due at once, so one worker batch runs them
    with FakeTwilio() as fake:
        config = fake.config()
        sender = config.pop("from_number")
        save_account(
            practice_a, "twilio", config, sender=sender, max_per_minute=0, use_to_send=True
        )
        practice_a.refresh_from_db()
        yield fake
