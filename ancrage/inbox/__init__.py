"""The inbox: every inbound SMS triaged, a journal of wins and thanks, replies that hand
the credit back, a check of the coach's draft, a ray of sunshine by e-mail.

Layers, lowest first (imports only run downwards):
  models.py       triage of a message, journal entries, the coach's e-mail preference
  suggestions.py  reply templates filled from the coachee's own data (FR/EN), no I/O
  drafts.py       what a draft does (question, credit taken or handed back, advice), by the analyzer
  services.py     triaging inbound SMS, the journal, the inbox listing, suggestions for a coachee
  notify.py       e-mails to the coach (immediate or digest, outside the coach's quiet hours)
  handlers.py     the inbound hook messaging calls; tasks.py the digest; views.py the pages
"""
