"""The analyzer's acts on the coach's SMS, through its public API (`analyze`): no Django.

The whole thread goes in as one conversation, since an act may depend on the turn before
(a question that echoes the client is a reflection).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from ancrage.analysis import AnalysisError, Limits, analyze
from ancrage.autonomy.figures import COACH, Sms

log = logging.getLogger("ancrage.autonomy")

# A long engagement is a few thousand SMS; the analyzer is linear and reads ~10,000 a second.
LIMITS = Limits(max_utterances=20_000, max_utterance_chars=20_000, max_seconds=10)


def with_acts(thread: Sequence[Sms], lang: str) -> tuple[list[Sms], bool]:
    """The thread with each coach SMS's acts, and whether the analyzer could read it (when it
    cannot, the page says so rather than failing: questions vs advice is then unmeasured)."""
    messages = [m for m in thread if m.text.strip()]
    if not any(m.side == COACH for m in messages):
        return list(thread), True
    try:
        report = analyze(
            [{"speaker": m.side, "text": m.text} for m in messages],
            focus=COACH,
            lang=lang if lang in ("fr", "en") else "auto",
            limits=LIMITS,
        )
    except AnalysisError as error:
        log.warning("autonomy: the analyzer refused the thread (%s)", error.key)
        return list(thread), False
    except Exception:  # the analyzer is another team's moving part: the page must still show
        log.exception("autonomy: the analyzer failed on a thread")
        return list(thread), False
    acts = {id(m): frozenset(u.acts) for m, u in zip(messages, report.utterances, strict=True)}
    return [dataclasses.replace(m, acts=acts.get(id(m), frozenset())) for m in thread], True
