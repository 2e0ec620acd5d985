"""The shipped triage weights are exactly what the training script makes from the repo's data:
anyone can rebuild them, and nobody can edit them by hand unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ancrage.analysis.triage import CATEGORIES, WEIGHTS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "training" / "train_triage.py"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> dict:
    pytest.importorskip("sklearn", reason="the `dev` extra trains the triage model")
    out = tmp_path_factory.mktemp("triage") / "triage.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True, text=True, timeout=600, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stdout
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped() -> dict:
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def test_the_training_script_rebuilds_the_shipped_weights(rebuilt, shipped):
    assert rebuilt == shipped


def test_the_rebuilt_model_has_the_same_labels_thresholds_and_features(rebuilt, shipped):
    assert rebuilt["labels"] == shipped["labels"] == list(CATEGORIES)
    assert rebuilt["thresholds"] == shipped["thresholds"]
    assert rebuilt["bias"] == shipped["bias"]
    assert rebuilt["features"].keys() == shipped["features"].keys()
    assert rebuilt["features"]["w:merci"] == shipped["features"]["w:merci"]


def test_the_held_out_writer_never_trains_the_model(rebuilt):
    assert "writer_d" not in rebuilt["trained_on"]["writers"]
    assert len(rebuilt["trained_on"]["writers"]) >= 2
