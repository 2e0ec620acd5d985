"""Command line: `python -m ancrage.analysis FILE... [options]` (the app's `ancrage analyze`).

Exit codes: 0 analysed; 1 input error (message on stderr); 2 usage error; 3 analysed with a
warning (one speaker only); 4 unexpected internal error (reported without a traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from rich.console import Console

from .engine import analyze
from .models import AnalysisError, Report
from .readers import FORMATS, max_bytes_from_env
from .report import print_report, to_json
from .score import FRAMES
from .ui import message, ui_language

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_WARNING, EXIT_INTERNAL = 0, 1, 2, 3, 4


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in the interface language, exit code 2."""

    ui = "fr"

    def error(self, text: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if self.ui == "fr":
            for english, french in _ARGPARSE_FR:
                text = text.replace(english, french)
        self.exit(EXIT_USAGE, f"{message(self.ui, 'error')}{_colon(self.ui)} {text}\n")


# argparse's own messages, in French when the interface is French
_ARGPARSE_FR = (
    ("the following arguments are required", "arguments obligatoires manquants"),
    ("unrecognized arguments", "arguments inconnus"),
    ("invalid choice", "choix invalide"),
    ("choose from", "choisir parmi"),
    ("expected one argument", "une valeur est attendue"),
    ("invalid float value", "nombre invalide"),
    ("invalid int value", "entier invalide"),
    (": ", " : "),
)


def _colon(ui: str) -> str:
    return " :" if ui == "fr" else ":"  # French typography: a space before the colon


class _Formatter(argparse.HelpFormatter):
    """Help layout whose "usage:" prefix follows the interface language."""

    usage_prefix = "usage: "

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix or self.usage_prefix)


def build_parser(ui: str) -> argparse.ArgumentParser:
    def formatter(prog: str) -> argparse.HelpFormatter:
        help_formatter = _Formatter(prog)
        help_formatter.usage_prefix = message(ui, "usage_prefix")
        return help_formatter

    parser = _Parser(
        prog="ancrage analyze",
        description=message(ui, "prog_description"),
        formatter_class=formatter,
        add_help=False,
        epilog=message(ui, "epilog"),
    )
    parser.ui = ui
    parser._positionals.title = message(ui, "positionals")
    parser._optionals.title = message(ui, "optionals")
    parser.add_argument("-h", "--help", action="help", help=message(ui, "help_help"))
    parser.add_argument("paths", nargs="+", metavar="PATH", help=message(ui, "help_paths"))
    parser.add_argument("--focus", metavar="SPEAKER", help=message(ui, "help_focus"))
    parser.add_argument(
        "--lang", choices=("auto", "fr", "en"), default="auto", help=message(ui, "help_lang")
    )
    parser.add_argument("--format", dest="fmt", choices=FORMATS, help=message(ui, "help_format"))
    parser.add_argument("--lexicon", metavar="FILE", help=message(ui, "help_lexicon"))
    parser.add_argument(
        "--frame", choices=("auto", *FRAMES), default="auto", help=message(ui, "help_frame")
    )
    parser.add_argument("--json", metavar="OUT", help=message(ui, "help_json"))
    parser.add_argument("--html", metavar="OUT", help=message(ui, "help_html"))
    parser.add_argument("--summary", metavar="CSV", help=message(ui, "help_summary"))
    parser.add_argument("--ui-lang", choices=("fr", "en"), help=message(ui, "help_ui_lang"))
    parser.add_argument("--max-mb", type=float, metavar="MB", help=message(ui, "help_max_mb"))
    parser.add_argument("--workers", type=int, metavar="N", help=message(ui, "help_workers"))
    parser.add_argument("--dask", metavar="ADDRESS", help=message(ui, "help_dask"))
    parser.add_argument("-q", "--quiet", action="store_true", help=message(ui, "help_quiet"))
    return parser


def _pre_ui(argv: list[str]) -> str | None:
    """Read --ui-lang before argparse so that --help itself is translated."""
    for i, arg in enumerate(argv):
        if arg.startswith("--ui-lang="):
            return arg.split("=", 1)[1]
        if arg == "--ui-lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ui = ui_language(_pre_ui(argv))
    args = build_parser(ui).parse_args(argv)
    try:
        from .batch import expand_paths, run_batch

        files = expand_paths(args.paths)
        if args.dask:
            from .distributed import run_dask

            return run_dask(files, args, ui)
        if len(files) > 1 or args.summary or any(Path(p).is_dir() for p in args.paths):
            return run_batch(files, args, ui)
        return _run_single(files[0], args, ui)
    except AnalysisError as exc:
        _error(ui, message(ui, exc.key, **exc.params))
        return EXIT_INPUT
    except OSError as exc:
        _error(ui, f"{exc.strerror or exc}: {exc.filename or ''}")
        return EXIT_INPUT
    except Exception as exc:  # last resort: a clear line rather than a traceback
        _error(ui, f"internal error ({type(exc).__name__}: {exc})")
        return EXIT_INTERNAL


def _error(ui: str, text: str) -> None:
    # plain write: no wrapping, so scripts and users can grep the whole message
    sys.stderr.write(f"{message(ui, 'error')}{_colon(ui)} {text}\n")


def max_bytes(args: argparse.Namespace) -> int:
    return int(args.max_mb * 1_000_000) if args.max_mb else max_bytes_from_env()


def analyze_file(path: str, args: argparse.Namespace) -> Report:
    return analyze(
        path,
        focus=args.focus,
        lang=args.lang,
        lexicon=args.lexicon,
        fmt=args.fmt,
        max_bytes=max_bytes(args),
        frame=getattr(args, "frame", "auto"),
    )


def _run_single(path: str, args: argparse.Namespace, ui: str) -> int:
    report = analyze_file(path, args)
    out = Console(highlight=False)
    if args.json == "-":
        sys.stdout.write(to_json(report, ui) + "\n")
    elif not args.quiet:
        print_report(report, ui, out)
    write_outputs(report, args.json if args.json != "-" else None, args.html, ui)
    if args.json and args.json != "-" and not args.quiet:
        out.print(message(ui, "written", path=args.json))
    if args.html and not args.quiet:
        out.print(message(ui, "written", path=args.html))
    if report.warnings and (args.json == "-" or args.quiet):  # else shown in the report
        for key in report.warnings:
            sys.stderr.write(f"{message(ui, 'warning')}{_colon(ui)} {message(ui, key)}\n")
    return EXIT_WARNING if report.warnings else EXIT_OK


def write_outputs(report: Report, json_out: str | None, html_out: str | None, ui: str) -> None:
    from .html_report import to_html

    for target, render in (
        (json_out, lambda: to_json(report, ui)),
        (html_out, lambda: to_html(report, ui)),
    ):
        if not target:
            continue
        try:
            Path(target).write_text(render() + "\n", encoding="utf-8")
        except OSError as exc:
            raise AnalysisError(
                "cannot_write", path=target, reason=exc.strerror or str(exc)
            ) from None


if __name__ == "__main__":
    sys.exit(main())
