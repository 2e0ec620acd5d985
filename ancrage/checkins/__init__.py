"""Check-ins: programs of questions sent on a cadence, answers read into numbers, curves.

Layers, lowest first (imports only run downwards):
  cadence.py     pure date arithmetic: which local dates a rule falls on, and when that is in UTC
  models.py      definitions (metrics, programs, questions) apart from state (enrolments,
                 check-ins, answers, values)
  starter.py     the metrics and programs every practice starts with (FR/EN)
  services.py    planning and sending check-ins, through messaging.services
  answering.py   an inbound SMS routed to the check-in waiting for it, read by
                 ancrage.analysis.answers (Django-free), values stored, next question asked
  progress.py    metric series per week, the practice overview
  tasks.py       the periodic scheduler; views.py, forms.py: the coach's pages
"""
