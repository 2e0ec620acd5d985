"""Two-way SMS: messages, providers, webhooks, sending, opt-out, quiet hours.

Imports run one way, lowest first (tests/messaging/test_layering.py checks every import,
those inside functions too): `providers/` turn our messages into API calls and webhooks
into plain data, and know nothing of the database (except the simulator, whose handset
is a table); `models`, `errors`; then the services: `outbound` (what may be sent,
queuing it), `optout` (STOP/START/HELP, which queue replies), `inbound` (storing inbound
SMS and delivery reports once), `multipart` and `webhooks` (verify, keep the raw payload,
record); then the worker side: `dispatch` (claims queued rows from the Message table,
sends concurrently at each account's rate, fair across practices), `reconcile` (asks the
provider about a dead worker's interrupted sends) and `chores` (inbound handlers, report
retries, the sweep), with `tasks` only for old queue rows; at the top
`services` (the facade other apps import), forms and views.
"""
