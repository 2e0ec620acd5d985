"""A practice whose SMS go through Twilio's real SDK to a local fake Twilio."""

from __future__ import annotations

import pytest

from tests.fakes import FakeTwilio, connect


@pytest.fixture
def twilio(practice_a, settings):
    settings.SMS_RETRY_BASE_SECONDS = 0  # retries due at once, so one worker batch runs them
    with FakeTwilio() as fake:
        connect(fake, practice_a, "twilio")
        yield fake
