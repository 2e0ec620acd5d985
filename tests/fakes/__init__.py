"""Local fake SMS provider servers and webhook forgers.

Real HTTP servers on 127.0.0.1 (ephemeral port) that speak just enough of each
provider's API for the official SDKs to work against them, recording every
request. Tests and benchmarks use them as context managers:

    with FakeTwilio() as twilio:
        provider = TwilioProvider(twilio.config())
        provider.send(sms)
        assert twilio.sent[0]["To"] == "+33612345678"

Each fake has `config()` (provider settings pointing at it), `requests` (every
request received), `sent`, and failure scripts: `fail_with_server_error(times)`,
`rate_limit(times)`, `reject_with(code, times)`. The `*_webhook()` helpers build
correctly signed webhook requests (or forged ones, with `signature=...`).
Nothing here touches the network beyond the loopback interface.
"""

from .fake_android import FakeAndroidGateway, android_webhook
from .fake_twilio import FakeTwilio, twilio_webhook
from .fake_vonage import FakeVonage, vonage_webhook
from .server import CannedResponse, FakeProviderServer, RecordedRequest, connect

__all__ = [
    "CannedResponse",
    "FakeAndroidGateway",
    "FakeProviderServer",
    "FakeTwilio",
    "FakeVonage",
    "RecordedRequest",
    "android_webhook",
    "connect",
    "twilio_webhook",
    "vonage_webhook",
]
