"""The worker process: Django Tasks from the database queue, the SMS dispatcher, inbound
handlers, and the healing of what dead workers left behind (see docs/dispatch.md)."""
