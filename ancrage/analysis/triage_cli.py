"""`ancrage triage [--lang auto|fr|en] [--explain] TEXT…`: one JSON object per text."""

from __future__ import annotations

import argparse
import json
import sys

from .triage import triage


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="ancrage triage",
        description="Triage SMS a client sent: gratitude, win, struggle, question, scheduling "
        'or other. Example: ancrage triage "Il a signé, merci encore !"',
    )
    parser.add_argument("texts", nargs="+", metavar="TEXT")
    parser.add_argument("--lang", choices=["auto", "fr", "en"], default="auto")
    parser.add_argument(
        "--explain", action="store_true", help="add the words that weighed most per category"
    )
    options = parser.parse_args(argv)
    for text in options.texts:
        result = triage(text, options.lang, explain=options.explain)
        out = result.as_json()
        if options.explain:
            out["weighed"] = {k: [[w, s] for w, s in v] for k, v in result.weighed.items()}
        print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
