"""The `ancrage` command: demo, serve, worker, sms, analyze, and every Django command.

Examples:
  ancrage demo                                   set up a demo practice and serve it
  ancrage serve --bind 0.0.0.0:8000 --workers 4  production HTTP server
  ancrage worker                                 a background worker (run several)
  ancrage sms send --to "06 12 34 56 78" "Bonjour !"
  ancrage sms receive --from "+33 6 12 34 56 78" "Merci !"
  ancrage checkins due --now 2026-12-07T09:00+01:00  check-ins that would go out then
  ancrage analyze call.vtt --json report.json    conversation analysis (no Django needed)
  ancrage triage "Il a signé, merci encore !"     triage an SMS as JSON (no Django)
  ancrage replies suggest --from "06 12 34 56 78"  replies to a client's latest SMS
  ancrage answer --kind number "trois devis"     read one check-in answer as JSON (no Django)
  ancrage migrate | createsuperuser | ...        Django's management commands
"""

from __future__ import annotations

import argparse
import os
import sys

OWN_COMMANDS = {"demo", "serve", "worker", "sms", "checkins", "replies"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "analyze":  # the analyzer never loads Django
        from ancrage.analysis.cli import main as analyze_main

        return analyze_main(args[1:])
    if args and args[0] == "triage":  # the triage model needs no Django either
        from ancrage.analysis.triage_cli import main as triage_main

        return triage_main(args[1:])
    if args and args[0] == "answer":  # reading one SMS answer never loads Django either
        from ancrage.analysis.answers_cli import main as answer_main

        return answer_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    if not args or args[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    if args[0] not in OWN_COMMANDS:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["ancrage", *args])
        return 0
    import django

    django.setup()
    from django.utils import translation

    parser = _parser()
    options = parser.parse_args(args)
    with translation.override(_users_language()):
        return int(options.run(options) or 0)


def _users_language() -> str:
    """French or English for the whole run, from the shell's locale (LANG=en_GB.UTF-8 gives
    English), else the site's language: errors never mix the two."""
    from django.conf import settings

    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = os.environ.get(variable, "")[:2].lower()
        if code in dict(settings.LANGUAGES):
            return code
        if code:  # the first one set decides, as for any program (C.UTF-8: the default)
            break
    return settings.LANGUAGE_CODE


def _parser() -> argparse.ArgumentParser:
    from ancrage import commands

    parser = argparse.ArgumentParser(prog="ancrage", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="migrate, create the demo practice, serve it")
    _serve_options(demo)
    demo.add_argument("--no-serve", action="store_true", help="set up only, do not serve")
    demo.set_defaults(run=commands.demo)

    serve = sub.add_parser("serve", help="production HTTP server (gunicorn) with static files")
    _serve_options(serve)
    serve.set_defaults(run=commands.serve)

    worker = sub.add_parser("worker", help="run background tasks (SMS sending, delivery reports)")
    worker.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    worker.add_argument("--batch", action="store_true", help="run what is queued, then exit")
    worker.set_defaults(run=commands.worker)

    sms = sub.add_parser("sms", help="send or simulate SMS from the command line")
    sms_sub = sms.add_subparsers(dest="sms_command", required=True)
    send = sms_sub.add_parser("send", help="queue an SMS to a coachee (by phone number)")
    send.add_argument("--to", required=True, help='coachee phone, e.g. "06 12 34 56 78"')
    send.add_argument("text")
    send.add_argument("--practice", help="practice slug (default: the only practice)")
    send.set_defaults(run=commands.sms_send)
    receive = sms_sub.add_parser("receive", help="simulate an SMS received from a phone")
    receive.add_argument("--from", dest="sender", required=True, help='e.g. "+33 6 12 34 56 78"')
    receive.add_argument("text")
    receive.add_argument("--practice", help="practice slug (default: the only practice)")
    receive.set_defaults(run=commands.sms_receive)

    checkins = sub.add_parser("checkins", help="check-ins: what goes out when")
    checkins_sub = checkins.add_subparsers(dest="checkins_command", required=True)
    due = checkins_sub.add_parser(
        "due",
        help="list the check-ins that would be sent at a moment (changes nothing)",
        description="Example: ancrage checkins due --now 2026-12-07T09:00+01:00",
    )
    due.add_argument("--now", help="ISO date-time with its offset (default: now)")
    due.add_argument("--practice", help="practice slug (default: every practice)")
    due.set_defaults(run=commands.checkins_due)

    replies = sub.add_parser("replies", help="reply suggestions for a client's latest SMS")
    replies_sub = replies.add_subparsers(dest="replies_command", required=True)
    suggest = replies_sub.add_parser(
        "suggest",
        help="print JSON suggestions for the latest SMS of the client with this number",
        description='Example: ancrage replies suggest --from "06 12 34 56 78"',
    )
    suggest.add_argument("--from", dest="sender", required=True, help='e.g. "06 12 34 56 78"')
    suggest.add_argument("--practice", help="practice slug (default: the only practice)")
    suggest.set_defaults(run=commands.replies_suggest)
    return parser


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bind", default="127.0.0.1:8000", help="address:port (default %(default)s)"
    )
    parser.add_argument("--workers", type=int, default=2, help="HTTP worker processes")
    parser.add_argument(
        "--threads", type=int, default=8, help="threads per worker process (default %(default)s)"
    )
    parser.add_argument(
        "--with-worker",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also run a task worker (default: yes in the embedded SQLite mode)",
    )


if __name__ == "__main__":
    sys.exit(main())
