"""Consent tests reuse the Twilio practice of the SMS tests."""

from tests.sms.conftest import twilio  # noqa: F401
