"""CPU of one Twilio send in the calling thread: our pooled client against the SDK's own.

    PYTHONPATH=. python benchmarks/twilio_send_cpu.py [--sends 2000]

`TwilioProvider.send` through the Twilio SDK to the fake Twilio on loopback (tests/fakes),
first with the SDK's `TwilioHttpClient` (requests: the baseline), then with
`PooledHttpClient` (urllib3, what the provider uses), alternated three times; each figure is
the median of the three. Only the sending thread's CPU is counted (`time.thread_time`): the
fake answers from its own threads, and a busy machine does not count against either side.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
os.environ.setdefault("ANCRAGE_DATA_DIR", tempfile.mkdtemp(prefix="ancrage-send-cpu-"))
os.environ.setdefault("ANCRAGE_SMS_CUSTOM_API_URLS", "true")  # the fake listens on loopback
os.environ.setdefault("ANCRAGE_SMS_PRIVATE_NETWORKS", "127.0.0.0/8")

import django  # noqa: E402

django.setup()

from twilio.http.http_client import TwilioHttpClient  # noqa: E402

from ancrage.messaging.providers import twilio as twilio_provider  # noqa: E402
from ancrage.messaging.providers.base import OutboundSms  # noqa: E402
from ancrage.messaging.providers.pooled_http import PooledHttpClient  # noqa: E402
from tests.fakes import FakeTwilio  # noqa: E402

SMS = OutboundSms(
    message_id=1,
    to="+33612345678",
    body="Bonjour Léa, combien de devis envoyés cette semaine ?",
    status_callback_url="https://coach.example.fr/webhooks/twilio/t/status",
)


def microseconds_per_send(fake: FakeTwilio, client_class: type, sends: int) -> float:
    original = twilio_provider.PooledHttpClient
    twilio_provider.PooledHttpClient = client_class  # type: ignore[misc]
    try:
        provider = twilio_provider.TwilioProvider(fake.config())
        for _ in range(50):  # connection opened, code paths warm
            provider.send(SMS)
        start = time.thread_time()
        for _ in range(sends):
            provider.send(SMS)
        return (time.thread_time() - start) / sends * 1e6
    finally:
        twilio_provider.PooledHttpClient = original  # type: ignore[misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sends", type=int, default=2000)
    sends = parser.parse_args().sends
    baseline, pooled = [], []
    with FakeTwilio() as fake:
        for _ in range(3):
            baseline.append(microseconds_per_send(fake, TwilioHttpClient, sends))
            pooled.append(microseconds_per_send(fake, PooledHttpClient, sends))
        assert len(fake.sent) == 6 * (sends + 50), "every send reached the fake"
    ours, theirs = statistics.median(pooled), statistics.median(baseline)
    print(f"{sends} sends to the fake Twilio, CPU of the sending thread, median of 3")
    print(f"  PooledHttpClient (urllib3)          {ours:8.0f} µs per send")
    print(f"  baseline: TwilioHttpClient (requests) {theirs:6.0f} µs per send")
    print(f"  ratio {ours / theirs:.2f} ({theirs / ours:.1f}x less CPU)")


if __name__ == "__main__":
    main()
