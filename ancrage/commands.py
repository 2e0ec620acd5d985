"""What the CLI's own subcommands do; cli.py only parses arguments."""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coachee, Practice


class CliError(Exception):
    pass


def demo(options: argparse.Namespace) -> int:
    from ancrage.autonomy.demo import ensure_demo_autonomy
    from ancrage.checkins.demo import ensure_demo_checkins
    from ancrage.coaching.demo import DEMO_SLUG, ensure_demo, mark_history_handled
    from ancrage.inbox.demo import ensure_demo_inbox

    call_command("migrate", interactive=False, verbosity=0)
    login, password = ensure_demo()
    ensure_demo_checkins(Practice.objects.get(slug=DEMO_SLUG))
    ensure_demo_inbox(Practice.objects.get(slug=DEMO_SLUG))
    ensure_demo_autonomy(Practice.objects.get(slug=DEMO_SLUG))
    mark_history_handled(Practice.objects.get(slug=DEMO_SLUG))
    host = options.bind
    print(f"Ancrage démo / demo: http://{host}/")
    print(f"  identifiant / login: {login}")
    print(f"  mot de passe / password: {password}")
    print(f"  données / data: {settings.DATA_DIR}")
    if options.no_serve:
        return 0
    return serve(options)


def serve(options: argparse.Namespace) -> int:
    from ancrage.server import run_gunicorn

    _public_url_from_bind(options.bind)
    call_command("collectstatic", interactive=False, verbosity=0)
    with_worker = settings.EMBEDDED if options.with_worker is None else options.with_worker
    if with_worker:
        _start_worker_process()
    run_gunicorn(options.bind, options.workers, options.threads)
    return 0


def _public_url_from_bind(bind: str) -> None:
    """Without ANCRAGE_PUBLIC_URL, the address served is the public one: the webhook URLs
    shown and signed then carry the port of --bind, not 8000. Set before the worker starts
    (it inherits the environment) and before gunicorn forks (it inherits the settings)."""
    if os.environ.get("ANCRAGE_PUBLIC_URL") or bind.startswith(("unix:", "fd://")):
        return
    host, _sep, port = bind.rpartition(":")
    if host in ("", "0.0.0.0", "[::]", "::"):  # every interface: this machine answers locally
        host = "127.0.0.1"
    url = f"http://{host}:{port}" if host else f"http://127.0.0.1:{bind}"
    os.environ["ANCRAGE_PUBLIC_URL"] = settings.PUBLIC_BASE_URL = url


def _start_worker_process() -> None:
    worker = subprocess.Popen([sys.executable, "-m", "ancrage.cli", "worker"])

    def stop() -> None:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=10)

    atexit.register(stop)


def worker(options: argparse.Namespace) -> int:
    """One worker loop (ancrage.workers), or several as child processes sharing the queue."""
    if options.processes > 1:
        child = [sys.executable, "-m", "ancrage.cli", "worker"] + (
            ["--batch"] if options.batch else []
        )
        procs = [subprocess.Popen(child) for _ in range(options.processes)]
        return max(p.wait() for p in procs)
    from ancrage.workers.loop import WorkerLoop

    # Tasks, SMS dispatch, inbound handlers, and the sweep that heals after crashes.
    return WorkerLoop(batch=options.batch).run()


def _practice(slug: str | None) -> Practice:
    if slug:
        practice = Practice.objects.filter(slug=slug).first()
        if practice is None:
            raise CliError(_("no practice with slug “%(slug)s”") % {"slug": slug})
        return practice
    practices = list(Practice.objects.all()[:2])
    if len(practices) != 1:
        raise CliError(_("several practices exist (or none): name one with --practice SLUG"))
    return practices[0]


def _coachee(slug: str | None, raw_phone: str) -> Coachee:
    """The coachee with that number in the practice, or a CliError saying what is wrong."""
    from ancrage.lib.phone import InvalidPhoneNumber, to_e164

    practice = _practice(slug)
    try:
        phone = to_e164(raw_phone)
    except InvalidPhoneNumber:
        raise CliError(
            _(
                "“%(value)s” is not a valid phone number. Example: 06 12 34 56 78 or +44 7700 900123."
            )
            % {"value": raw_phone}
        ) from None
    coachee = practice.coachees.filter(phone=phone).first()
    if coachee is None:
        raise CliError(
            _("no client with number %(phone)s in %(practice)s")
            % {"phone": phone, "practice": practice}
        )
    return coachee


def sms_send(options: argparse.Namespace) -> int:
    from ancrage.messaging.services import CannotSend, queue_message

    try:
        coachee = _coachee(options.practice, options.to)
        message = queue_message(coachee, options.text)
    except (CliError, CannotSend) as error:
        return _fail(str(error))
    print(
        _("queued message %(id)s to %(name)s (%(segments)s SMS, %(encoding)s)")
        % {
            "id": message.pk,
            "name": coachee,
            "segments": message.segments,
            "encoding": message.encoding,
        }
    )
    return 0


def sms_receive(options: argparse.Namespace) -> int:
    from ancrage.messaging.services import CannotSend, simulate_inbound

    try:
        message = simulate_inbound(_practice(options.practice), options.sender, options.text)
    except (CliError, CannotSend) as error:
        return _fail(str(error))
    print(
        _("received message %(id)s from %(name)s (%(phone)s)")
        % {"id": message.pk, "name": message.coachee, "phone": message.coachee.phone}
    )
    return 0


def _fail(text: str) -> int:
    # One language per run: the messages of services (CannotSend) follow the same activation.
    print(_("error: %(text)s") % {"text": text}, file=sys.stderr)
    return 2


def checkins_due(options: argparse.Namespace) -> int:
    """What the scheduler would send at --now: planned in a transaction rolled back after."""
    from django.db import transaction

    from ancrage.checkins.services import preview_due

    try:
        now = _aware(options.now)
        practice = _practice(options.practice) if options.practice else None
    except (CliError, ValueError) as error:
        return _fail(str(error))
    with transaction.atomic():
        lines = preview_due(now, practice)
        transaction.set_rollback(True)
    for line in lines:
        print(line)
    print(f"{len(lines)} check-in(s) due at {now.isoformat(timespec='minutes')}")
    return 0


def _aware(text: str | None) -> dt.datetime:
    from django.utils import timezone

    if not text:
        return timezone.now()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            _("--now “%(value)s” is not an ISO date-time, e.g. 2026-12-07T09:00+01:00")
            % {"value": text}
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.get_current_timezone())
    return moment


def replies_suggest(options: argparse.Namespace) -> int:
    """JSON reply suggestions for the latest inbound SMS of the coachee with that number."""
    import json

    from ancrage.inbox.services import NothingToAnswer, suggest_replies

    try:
        coachee = _coachee(options.practice, options.sender)
        category, replies = suggest_replies(coachee)
    except CliError as error:
        return _fail(str(error))
    except NothingToAnswer:
        return _fail(
            _("%(name)s has sent no SMS yet: there is nothing to reply to") % {"name": coachee}
        )
    out = {"category": category, "suggestions": [reply.as_json() for reply in replies]}
    print(json.dumps(out, ensure_ascii=False))
    return 0
