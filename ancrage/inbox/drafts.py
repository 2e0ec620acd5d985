"""What a coach's draft does, read by the conversation analyzer: a question (open, closed,
rhetorical tag), credit taken or handed back, advice. When it answers a win or a
thank-you, a draft that takes the credit is flagged and the intended move is named."""

from __future__ import annotations

from dataclasses import dataclass, field

from ancrage.analysis.acts import classify, rules_for

REPLYING_TO_SUNSHINE = {"gratitude", "win"}


@dataclass(frozen=True)
class DraftCheck:
    question: str | None  # "open", "closed", "tag" or None (a statement)
    takes_credit: bool
    hands_back: bool
    advice: bool
    warnings: list[str] = field(default_factory=list)  # message keys, translated by the view

    @property
    def empty(self) -> bool:
        return self.question is None and not (self.takes_credit or self.hands_back or self.advice)


def check_draft(text: str, lang: str, replying_to: str | None = None) -> DraftCheck:
    """The analyzer's reading of a draft; `replying_to` is the category of the SMS answered."""
    if not text.strip():
        return DraftCheck(None, False, False, False)
    question, acts, _norm = classify(text, rules_for(lang if lang in ("fr", "en") else "fr"))
    takes = "credit_taken" in acts
    hands_back = "ownership_returned" in acts
    advice = "input" in acts and not takes
    warnings = []
    if replying_to in REPLYING_TO_SUNSHINE:
        if takes:
            warnings.append("takes_credit")
        if replying_to == "gratitude" and question in ("open", "closed"):
            warnings.append("gratitude_question")
    if replying_to == "struggle" and advice:
        warnings.append("struggle_advice")
    return DraftCheck(question, takes, hands_back, advice, warnings)
