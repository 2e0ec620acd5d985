"""`ancrage analyze FOLDER --dask ADDRESS`: the local batch's results, computed on a real Dask
cluster (two worker processes on loopback, started once for the module)."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")  # the extra "dask", part of "dev"

from ancrage.analysis import distributed as dask_batch  # noqa: E402
from ancrage.analysis.cli import main  # noqa: E402

# a second scheduler on this machine (the zero-worker one below, another test run) finds the
# HTTP port 8787 taken and says so: it then binds another loopback port
pytestmark = pytest.mark.filterwarnings("ignore:Port 8787 is already in use")

# Four short conversations written for this test, one per format the reader detects.
FRENCH_TEXT = """\
Coach: Bonjour Inès. De quoi as-tu besoin aujourd'hui ?
Inès: Je voudrais arrêter de dire oui à toutes les réunions du jeudi.
Coach: Si je te suis bien, le jeudi te vide de ton énergie.
Inès: Oui, et je n'ose pas refuser devant mon équipe.
Coach: Qu'est-ce qui rendrait un refus possible pour toi ?
Inès: Proposer un autre créneau, je crois. Merci, tu m'aides beaucoup !
Coach: C'est toi qui as trouvé le créneau, pas moi.
"""

ENGLISH_VTT = """\
WEBVTT

00:00:00.000 --> 00:00:04.000
<v Rep>Hi! Great weekend? Our Kairos Suite is the best on the market, honestly.</v>

00:00:05.000 --> 00:00:07.000
<v Buyer>Maybe.</v>

00:00:08.000 --> 00:00:15.000
<v Rep>I guess you already hate your provider. You should buy our premium plan today.</v>

00:00:16.000 --> 00:00:18.000
<v Buyer>We'll see.</v>
"""

FRENCH_SRT = """\
1
00:00:00,000 --> 00:00:03,000
Manon: Qu'attendez-vous de cette séance ?

2
00:00:04,000 --> 00:00:09,000
Paul: Un plan pour reprendre le sport sans me blesser.

3
00:00:10,000 --> 00:00:13,000
Manon: Vous voulez donc avancer prudemment. Par où commencer ?
"""

ENGLISH_JSON = """\
{"utterances": [
  {"speaker": "Coach", "text": "What would make this week a good one for you?"},
  {"speaker": "Sam", "text": "Finishing the report without working late."},
  {"speaker": "Coach", "text": "So evenings matter to you. What gets in the way?"},
  {"speaker": "Sam", "text": "Meetings. Thank you, that helps."}
]}
"""

LEXICON = "products: [Kairos Suite]\ncompetitors: [Zylo]\n"


@pytest.fixture(autouse=True)
def french_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def folder(tmp_path: Path, *bad: tuple[str, str | bytes]) -> Path:
    calls = tmp_path / "calls"
    calls.mkdir()
    files = [
        ("inès.txt", FRENCH_TEXT),
        ("rep.vtt", ENGLISH_VTT),
        ("séance.srt", FRENCH_SRT),
        ("week.json", ENGLISH_JSON),
        *bad,
    ]
    for name, content in files:
        if isinstance(content, bytes):
            (calls / name).write_bytes(content)
        else:
            (calls / name).write_text(content, encoding="utf-8")
    return calls


def run(calls: Path, out: Path, *options: str) -> tuple[int, list[dict[str, str]]]:
    summary = out / "summary.csv"
    code = main(
        [str(calls), "--summary", str(summary), "--json", str(out), "--html", str(out), *options]
    )
    return code, list(csv.DictReader(summary.open(encoding="utf-8")))


def test_the_cluster_gives_the_local_batch_results(tmp_path, scheduler, capsys) -> None:
    calls = folder(tmp_path)
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text(LEXICON, encoding="utf-8")
    options = ("--lexicon", str(lexicon), "--ui-lang", "en")
    local, remote = tmp_path / "local", tmp_path / "remote"
    local.mkdir()
    remote.mkdir()
    local_code, local_rows = run(calls, local, *options, "--workers", "1")
    local_out = capsys.readouterr()
    remote_code, remote_rows = run(calls, remote, *options, "--dask", scheduler)
    remote_out = capsys.readouterr()

    assert local_code == remote_code == 0
    assert [Path(r["file"]).name for r in remote_rows] == [
        "inès.txt",
        "rep.vtt",
        "séance.srt",
        "week.json",
    ]
    assert remote_rows == local_rows
    assert {r["language"] for r in remote_rows} == {"fr", "en"}
    # every JSON and HTML report, byte for byte (the source path, the lexicon's own_offer…)
    written = sorted(p.name for p in local.iterdir())
    assert sorted(p.name for p in remote.iterdir()) == written and len(written) == 9
    for name in written:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
    assert '"source": "' + str(calls / "rep.vtt") in (remote / "rep.json").read_text()
    # the same terminal table (then "Summary written to …", each its own path)
    assert remote_out.out.replace(str(remote), str(local)) == local_out.out
    assert remote_out.err == local_out.err  # "4 conversation(s) analyzed, 0 failed"


def test_a_bad_file_gets_its_own_error_and_the_others_go_on(tmp_path, scheduler, capsys) -> None:
    calls = folder(
        tmp_path,
        ("broken.csv", "who,said\nCoach,hello\n"),  # refused on the worker (header)
        ("binary.txt", b"Coach: \x00\x01\x02"),  # refused on the client (NUL bytes)
    )
    local, remote = tmp_path / "local", tmp_path / "remote"
    local.mkdir()
    remote.mkdir()
    local_code, local_rows = run(calls, local, "--workers", "1", "--ui-lang", "en")
    remote_code, remote_rows = run(calls, remote, "--dask", scheduler, "--ui-lang", "en")
    assert local_code == remote_code == 1
    assert remote_rows == local_rows
    status = {Path(r["file"]).name: (r["status"], r["error"]) for r in remote_rows}
    assert status["broken.csv"][0] == "error" and "expected CSV header" in status["broken.csv"][1]
    assert status["binary.txt"][0] == "error" and "NUL bytes" in status["binary.txt"][1]
    assert [s for s, _ in status.values()].count("ok") == 4
    assert "4 conversation(s) analyzed, 2 failed" in capsys.readouterr().err


def test_progress_bar_on_a_terminal_only(tmp_path, scheduler, capsys, monkeypatch) -> None:
    calls = folder(tmp_path)
    quiet = ("--dask", scheduler, "--ui-lang", "en", "-q")
    # stderr is not a terminal here (captured): no bar, only the final count
    assert main([str(calls), *quiet]) == 0
    assert capsys.readouterr().err == "4 conversation(s) analyzed, 0 failed\n"
    # rich treats stderr as a terminal when TTY_COMPATIBLE=1: the bar is drawn (and erased)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert main([str(calls), "--dask", scheduler, "--ui-lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "Analyzing" in err and "100%" in err
    # ...but not under --quiet
    assert main([str(calls), *quiet]) == 0
    assert "Analyzing" not in capsys.readouterr().err


def test_workers_without_the_same_ancrage_are_refused(tmp_path, scheduler, capsys, monkeypatch):
    calls = folder(tmp_path)
    monkeypatch.setattr(dask_batch, "_local_version", lambda: "9.9.9")
    assert main([str(calls), "--dask", scheduler, "--ui-lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: the cluster's workers have ancrage ")
    assert "this machine ancrage 9.9.9" in err and "pip install 'ancrage[dask]'" in err
    # a distribution the workers do not have: each worker really answers "not installed"
    monkeypatch.setattr(dask_batch, "DISTRIBUTION", "ancrage-not-installed-anywhere")
    assert main([str(calls), "--dask", scheduler]) == 1
    err = capsys.readouterr().err
    assert "ancrage n'est pas installé sur 2 worker(s)" in err and "ancrage 9.9.9" in err
    assert "pip install 'ancrage[dask]'" in err


def test_a_scheduler_without_workers_is_reported(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(dask_batch, "CONNECT_SECONDS", 1.0)
    calls = folder(tmp_path)
    with distributed.LocalCluster(
        n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None
    ) as empty:
        assert main([str(calls), "--dask", empty.scheduler_address, "--ui-lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "no worker is connected to the scheduler" in err and "dask worker" in err


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_scheduler_is_one_clear_line(tmp_path) -> None:
    """A real `ancrage analyze` process: nothing listens at the address (loopback)."""
    calls = folder(tmp_path)
    address = f"tcp://127.0.0.1:{_unused_port()}"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "ancrage.cli", "analyze", str(calls), "--dask", address],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **{k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")},
            "LANG": "en_US.UTF-8",
        },
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: Dask scheduler unreachable at {address} (no answer within 5 s): check the "
        "address and that `dask scheduler` is running there\n"
    )
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert time.monotonic() - started < 20


def test_a_malformed_address_and_a_missing_extra(tmp_path, capsys, monkeypatch) -> None:
    calls = folder(tmp_path)
    assert main([str(calls), "--dask", "127.0.0.1"]) == 1
    assert capsys.readouterr().err == (
        "Erreur : adresse Dask invalide « 127.0.0.1 » (missing port number in address "
        "'127.0.0.1') ; attendu : tcp://hôte:8786\n"
    )
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    assert main([str(calls), "--dask", "tcp://127.0.0.1:8786", "--ui-lang", "en"]) == 1
    assert capsys.readouterr().err == (
        "Error: --dask needs the Dask extra, missing from this installation: "
        "pip install 'ancrage[dask]'\n"
    )
