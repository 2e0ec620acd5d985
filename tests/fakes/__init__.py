"""Local fake SMS provider servers and webhook forgers.

Real HTTP servers on 127.0.0.1 (ephemeral port) that speak just enough of each
provider's API for the official SDKs to work against them, recording every
request. Tests and benchmarks use them as context managers:

    with FakeTwilio() as twilio:
        provider = TwilioProvider({..., "api_base_url": twilio.base_url})
        provider.send(sms)
        assert twilio.sent[0]["To"] == "+33612345678"

Nothing here ever touches the network beyond the loopback interface.
"""

from .fake_twilio import FakeTwilio, twilio_webhook
from .server import CannedResponse, FakeProviderServer, RecordedRequest

__all__ = [
    "CannedResponse",
    "FakeProviderServer",
    "FakeTwilio",
    "RecordedRequest",
    "twilio_webhook",
]
