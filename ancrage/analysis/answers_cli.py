"""`ancrage answer`: read one check-in answer typed by SMS and print it as one JSON object.

Never loads Django. Example:
  ancrage answer --kind number "trois devis partis"   -> {"kind": "number", "value": 3, ...}
"""

from __future__ import annotations

import argparse
import json

from .answers import KINDS, LANGS, read_answer

EXAMPLE = 'example: ancrage answer --kind money --lang en "$2,300"'


def main(argv: list[str]) -> int:
    parser = _parser()
    options = parser.parse_args(argv)
    if options.low > options.high:
        parser.error(f"--low {options.low} is above --high {options.high}: swap them")
    reading = read_answer(
        options.text, options.kind, options.lang, low=options.low, high=options.high
    )
    print(json.dumps(reading.as_json(), ensure_ascii=False))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ancrage answer",
        description="Read a check-in answer typed by SMS into a value (not understood: null).",
        epilog=EXAMPLE,
    )
    parser.add_argument("--kind", required=True, choices=KINDS, help="what the question asks")
    parser.add_argument("--lang", default="fr", choices=LANGS, help="language of the answer (fr)")
    parser.add_argument("--low", type=int, default=1, help="lowest mark of a scale (1)")
    parser.add_argument("--high", type=int, default=10, help="highest mark of a scale (10)")
    parser.add_argument("text", help="the answer as typed")
    return parser
