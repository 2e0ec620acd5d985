"""Compile the analyzer's hot modules with mypyc (C extensions beside their sources).

    python scripts/compile_analyzer.py          # `make setup` runs it

The analyzer stays pure Python: without a C compiler this prints why and exits 0, and
`ancrage.analysis` then runs the .py sources (about 1.3-1.5x slower). A compiled module
older than its source is never used (see ancrage/analysis/_compiled.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOT_MODULES = [
    "ancrage/analysis/index.py",
    "ancrage/analysis/normalize.py",
    "ancrage/analysis/acts.py",
    "ancrage/analysis/learned_acts.py",
    "ancrage/analysis/engine.py",
]


def main() -> int:
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as exc:
        print(f"analyzer not compiled (pure Python): {exc}")
        return 0
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as build:
        # separate=True gives each module its own library inside the package, nothing at the root
        # the project config loads the Django plugin: these pure-Python modules need none
        options = ["--config-file", os.devnull, "--ignore-missing-imports", *HOT_MODULES]
        extensions = mypycify(options, separate=True, target_dir=f"{build}/c")
        argv = ["--quiet", "build_ext", "--inplace", "-t", f"{build}/tmp", "-b", f"{build}/lib"]
        try:
            setup(name="ancrage-analysis-compiled", ext_modules=extensions, script_args=argv)
        except (SystemExit, Exception) as exc:  # no compiler, missing headers...
            print(f"analyzer not compiled (pure Python): {exc}")
            return 0
    print("analyzer compiled with mypyc: " + ", ".join(HOT_MODULES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
