"""Language modules (data only), looked up lazily by code."""

from __future__ import annotations

import importlib
from types import ModuleType

SUPPORTED = ("fr", "en")


def get(code: str) -> ModuleType:
    """Return the lexicon module for `code` ("fr" or "en")."""
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language: {code}")
    return importlib.import_module(f"{__name__}.{code}")
