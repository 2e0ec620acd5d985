"""Consent to receive SMS, per phone number within a practice.

An opt-out belongs to the number, not to the coachee row: editing a coachee's number
or creating a new coachee with an opted-out number never makes that number textable.

Layers, lowest first: `models` (the state and its history; string foreign keys, it
imports no other Ancrage app, so `coaching.models` can ask it) → `services` (record a
change, keep `Coachee.consent` in step) ← `messaging.optout` (keywords, provider reports)
and the admin.
"""
