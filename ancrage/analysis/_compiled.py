"""Use the mypyc-compiled hot modules only when they were built from the current sources.

`scripts/compile_analyzer.py` (run by `make setup`) builds index, normalize, acts, learned_acts and engine as C extensions
beside their .py files, and Python then imports the extension first. After a source is
edited (or a checkout changes it) the extension is stale: the sources are loaded instead,
so the analyzer never runs old rules. ANCRAGE_ANALYSIS_PURE=1 forces the sources.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

HOT_MODULES = ("index", "normalize", "acts", "learned_acts", "engine")  # acts imports the first two
_HERE = Path(__file__).resolve().parent


def is_compiled() -> bool:
    """True when the compiled acts module is the one in use."""
    module = sys.modules.get(f"{__package__}.acts")
    return module is not None and not str(module.__file__).endswith(".py")


def prefer_fresh_sources() -> None:
    if os.environ.get("ANCRAGE_ANALYSIS_PURE") != "1" and not any(map(_stale, HOT_MODULES)):
        return
    for name in HOT_MODULES:
        full_name = f"{__package__}.{name}"
        spec = importlib.util.spec_from_file_location(full_name, _HERE / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[full_name] = module
        spec.loader.exec_module(module)


def _stale(name: str) -> bool:
    source = (_HERE / f"{name}.py").stat().st_mtime
    return any(built.stat().st_mtime < source for built in _HERE.glob(f"{name}.*.so"))
