"""The mypyc-compiled analyzer must label exactly like its Python sources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .samples import PLEASING_EN, PLEASING_FR, SERVING_EN, SERVING_FR

ROOT = Path(__file__).resolve().parents[2]
LABEL_ALL = """
import json, sys
import ancrage.analysis.acts as acts
from ancrage.analysis import analyze
from ancrage.analysis.readers import parse
from ancrage.analysis._compiled import is_compiled
out = {"compiled": is_compiled(), "file": acts.__file__, "labels": []}
for text in json.loads(sys.stdin.read()):
    report = analyze(parse(text, "text"), lang="auto")
    out["labels"].append([[u.question, u.acts] for u in report.utterances])
print(json.dumps(out))
"""


def _label(samples: list[str], pure: bool) -> dict:
    env = {**os.environ, "ANCRAGE_ANALYSIS_PURE": "1" if pure else "0", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", LABEL_ALL],
        input=json.dumps(samples),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout)


def test_the_compiled_analyzer_labels_like_the_sources() -> None:
    samples = [SERVING_FR, PLEASING_FR, SERVING_EN, PLEASING_EN]
    compiled = _label(samples, pure=False)
    if not compiled["compiled"]:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI=true: `make setup` must compile the analyzer (scripts/compile_analyzer.py)"
            )
        pytest.skip("analyzer not compiled here: run scripts/compile_analyzer.py")
    pure = _label(samples, pure=True)
    assert pure["file"].endswith("acts.py") and not pure["compiled"]
    assert compiled["labels"] == pure["labels"]
    assert any(acts for conversation in pure["labels"] for _q, acts in conversation)
