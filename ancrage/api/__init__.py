"""The JSON API (django-ninja) at /api/, with its OpenAPI document and per-coach tokens.

Layers, lowest first: models.py (ApiToken) and tokens.py (issue, find, revoke) know nothing
of HTTP; auth.py, throttles.py and errors.py plug them into ninja; schemas.py says what goes
in and out; the endpoint modules (coachees, messages, checkins, journal, analysis) read
through scope.py, which starts every query from the token's practice, and call the apps'
own services (a message is queued by ancrage.messaging.services, as the composer does);
api.py assembles them. views.py is the page where a coach creates and revokes tokens.
"""
