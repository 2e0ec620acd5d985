"""Autonomy per engagement: how reliance on the coach evolves, and the closing view.

Layers, lowest first: figures.py and taper.py (pure, no Django), acts.py (the analyzer's
public API, no Django), loading.py (reads messages, check-ins and metric values), readings.py
(sentences in the coach's language), services.py (puts them together; changes a cadence
through ancrage.checkins.services), closing.py (the closing view's data), then views.py and
templatetags/ (parse, call, render).
Nothing is stored: every figure is computed from what Ancrage already keeps.
"""
