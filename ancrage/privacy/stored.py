"""What Ancrage stores about people, why, and for how long: the personal-data page reads it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kept:
    what: Promise
    why: Promise
    until: Promise


STORED = [
    Kept(
        _("The client's name, mobile number, language and time zone"),
        _("To text them, in their language, at decent hours in their own time"),
        _("Until you erase the client, or the retention rule anonymises them"),
    ),
    Kept(
        _("Consent history of the number (STOP / START: when, how, who)"),
        _("Proof that the client agreed to be texted, and that a STOP was obeyed"),
        _("Anonymised with the client"),
    ),
    Kept(
        _("SMS sent and received, their delivery and their cost"),
        _("The coaching thread itself"),
        _("Texts erased with the client; counts kept"),
    ),
    Kept(
        _("Raw provider notifications (webhooks)"),
        _("Proof of what the SMS provider sent us, and troubleshooting"),
        _("Deleted automatically after %(days)s days, or with the client"),
    ),
    Kept(
        _("Check-in answers and the numbers read from them"),
        _("To follow the client's progress (quotes, prices, confidence)"),
        _("Answers' text erased with the client; numbers kept without a name"),
    ),
    Kept(
        _("Categories of incoming SMS (thanks, win, struggle…)"),
        _("To show the coach what needs them first"),
        _("Kept without text"),
    ),
    Kept(
        _("Journal of wins and thanks"),
        _("To hand the credit back to the client, and for the closing"),
        _("Erased with the client"),
    ),
    Kept(
        _("Engagement stages, intentions and the coach's notes"),
        _("The coaching relationship"),
        _("Intentions and notes erased with the client; stages kept"),
    ),
    Kept(
        _("Transcripts you upload for analysis, and their reports"),
        _("Feedback on how a conversation served the other person"),
        _("Transcript dropped once analyzed; the client's name replaced when erased"),
    ),
    Kept(
        _("Audit log: who did what, when, on which record"),
        _("Accountability: who sent, changed, exported or erased what"),
        _("Kept with the practice; it never holds a client's name, number or text"),
    ),
    Kept(
        _("Coaches' accounts: name, e-mail, sign-ins and their address"),
        _("Signing in, and protecting the accounts"),
        _("Until the coach's account is removed"),
    ),
]
