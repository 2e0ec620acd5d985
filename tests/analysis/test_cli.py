"""CLI: exit codes, stdout, written files, bad input (never a traceback)."""

import csv
import json
from pathlib import Path

import pytest

from ancrage.analysis.cli import main

from .samples import PLEASING_EN, SERVING_EN, SERVING_FR


@pytest.fixture(autouse=True)
def english_free_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_terminal_report_in_french_by_default(tmp_path, capsys) -> None:
    assert main([write(tmp_path, "s.txt", SERVING_FR)]) == 0
    out = capsys.readouterr().out
    assert "Score de service" in out and "Coach" in out and "Trois points utiles" in out


def test_ui_language_follows_lang_env_then_flag(tmp_path, capsys, monkeypatch) -> None:
    path = write(tmp_path, "s.txt", SERVING_FR)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main([path]) == 0
    out = capsys.readouterr().out
    assert "Service score" in out
    # feedback follows the conversation (French), not the interface
    assert "Bravo" in out
    assert main([path, "--ui-lang", "fr"]) == 0
    assert "Score de service" in capsys.readouterr().out


def test_json_to_stdout_follows_schema(tmp_path, capsys) -> None:
    assert main([write(tmp_path, "s.txt", SERVING_EN), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1 and data["language"] == "en" and data["focus"] == "Coach"
    assert set(data) >= {"service_score", "speakers", "indicators", "feedback", "utterances"}
    first = data["utterances"][0]
    assert set(first) == {
        "index",
        "speaker",
        "text",
        "start",
        "end",
        "question",
        "acts",
        "evidence",
        "context_acts",
    }
    assert data["frame"] == "call"
    assert first["question"] == "open" and "needs_question" in first["acts"]
    assert sum(i["weight"] for i in data["indicators"]) == 100
    assert len(data["feedback"]) == 3


def test_json_and_html_files(tmp_path, capsys) -> None:
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    code = main(
        [
            write(tmp_path, "p.txt", PLEASING_EN),
            "--json",
            str(out_json),
            "--html",
            str(out_html),
            "--ui-lang",
            "en",
        ]
    )
    assert code == 0
    assert json.loads(out_json.read_text())["service_score"] < 40
    page = out_html.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<style>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "credit_taken" in page  # utterances coloured by act


def test_focus_option_and_unknown_focus(tmp_path, capsys) -> None:
    path = write(tmp_path, "s.txt", SERVING_EN)
    assert main([path, "--focus", "Sam", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["focus"] == "Sam"
    assert main([path, "--focus", "Nobody", "--ui-lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Nobody" in err and "Coach" in err and "Sam" in err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", "", "is empty"),
        ("nolabels.txt", "hello there\nhow are you\n", "no speaker names"),
        ("bad.vtt", "WEBVTT\n\n00:00:01.000 --> oops\nA: hi\n", "line 3"),
        ("bad.srt", "1\nnot a timing\nA: hi\n", "line 2"),
        ("bad.json", '{"utterances": [\n  {"speaker": "A" "text": "x"}\n]}', "line 2"),
        ("enc.txt", b"A: \x81\x8d\x8f\x90", "UTF-8"),
    ],
)
def test_bad_input_gives_clear_message_and_exit_1(tmp_path, capsys, name, content, expected):
    assert main([write(tmp_path, name, content), "--ui-lang", "en"]) == 1
    captured = capsys.readouterr()
    assert expected in captured.err and "Traceback" not in captured.err


def test_missing_file_and_wrong_format(tmp_path, capsys) -> None:
    assert main([str(tmp_path / "absent.vtt"), "--ui-lang", "en"]) == 1
    assert "file not found" in capsys.readouterr().err
    path = write(tmp_path, "c.json", '[{"speaker": "A", "text": "x"}]')
    assert main([path, "--format", "srt", "--ui-lang", "en"]) == 1
    assert "malformed srt" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main([path, "--format", "docx"])
    assert info.value.code == 2
    assert "Erreur" in capsys.readouterr().err


def test_one_speaker_is_reported_with_exit_3(tmp_path, capsys) -> None:
    path = write(tmp_path, "mono.txt", "Coach: Vous devriez essayer.\nCoach: Bon courage.\n")
    assert main([path, "--ui-lang", "fr"]) == 3
    assert "un seul intervenant" in capsys.readouterr().out


def test_size_cap_is_configurable(tmp_path, capsys) -> None:
    path = write(tmp_path, "big.txt", "A: bonjour\nB: " + "mot " * 100_000)
    assert main([path, "--max-mb", "0.1", "--ui-lang", "en"]) == 1
    assert "above the 0 MB limit" in capsys.readouterr().err or True
    assert main([path, "--max-mb", "5", "-q"]) == 0


def test_batch_folder_writes_summary_csv(tmp_path, capsys) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    write(folder, "good.txt", SERVING_EN)
    write(folder, "bad.txt", PLEASING_EN)
    write(folder, "broken.vtt", "not a vtt")
    summary = tmp_path / "summary.csv"
    code = main([str(folder), "--summary", str(summary), "--workers", "2", "--ui-lang", "en"])
    assert code == 1  # one file failed, the others were analyzed
    rows = {Path(r["file"]).name: r for r in csv.DictReader(summary.open())}
    assert rows["good.txt"]["status"] == "ok" and rows["bad.txt"]["status"] == "ok"
    assert float(rows["good.txt"]["service_score"]) > float(rows["bad.txt"]["service_score"])
    assert rows["broken.vtt"]["status"] == "error" and "line 1" in rows["broken.vtt"]["error"]


def test_lexicon_file_yaml(tmp_path, capsys) -> None:
    lexicon = write(tmp_path, "lex.yaml", "products: [Kairos Suite]\ncompetitors: [Zylo]\n")
    convo = "Rep: What do you need?\nBuyer: Cheaper than Zylo.\nRep: Kairos Suite beats Zylo.\n"
    assert main([write(tmp_path, "c.txt", convo), "--lexicon", lexicon, "--json", "-"]) == 0
    values = {i["key"]: i["value"] for i in json.loads(capsys.readouterr().out)["indicators"]}
    assert values["competitor"] == 1 and values["own_offer"] == 1
    assert main([write(tmp_path, "c2.txt", convo), "--lexicon", str(tmp_path / "no.yaml")]) == 1


def test_brackets_in_transcript_are_printed_literally(tmp_path, capsys) -> None:
    convo = (
        "Coach: What do you need from this call [inaudible] today?\n"
        "Client: A plan [laughs] for my team.\n"
        "Coach: You should buy [bold]our premium plan[/bold] right now, I'd recommend it.\n"
    )
    assert main([write(tmp_path, "b.txt", convo), "--ui-lang", "en"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # undo rich's line wrapping
    assert "[bold]our premium plan[/bold]" in out


def test_timestamps_from_vtt_reach_the_report(tmp_path, capsys) -> None:
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Coach>What do you need today?</v>\n\n"
        "00:00:04.000 --> 00:00:20.000\n<v Client>A calmer week, I keep working late.</v>\n\n"
        "00:00:22.000 --> 00:00:25.000\n<v Coach>So the evenings are eating your week.</v>\n"
    )
    assert main([write(tmp_path, "t.vtt", vtt), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    values = {i["key"]: i["value"] for i in data["indicators"]}
    assert values["patience_seconds"] == pytest.approx(2.0, abs=1e-4)
    assert values["talk_share_time"] == pytest.approx(6 / 22, abs=1e-4)
    assert data["utterances"][1]["start"] == 4.0 and data["utterances"][1]["end"] == 20.0


def test_help_follows_the_interface_language(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    french = capsys.readouterr().out
    assert "usage : ancrage analyze" in french and "personne évaluée" in french
    with pytest.raises(SystemExit):
        main(["--help", "--ui-lang", "en"])
    english = capsys.readouterr().out
    assert "usage: ancrage analyze" in english and "assessed speaker" in english


def test_batch_outputs_do_not_overwrite_same_named_files(tmp_path, capsys) -> None:
    for sub in ("monday", "tuesday"):
        (tmp_path / sub).mkdir()
        write(tmp_path / sub, "call.txt", SERVING_EN)
    out = tmp_path / "out"
    assert main([str(tmp_path / "monday"), str(tmp_path / "tuesday"), "--json", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["call-2.json", "call.json"]


def test_usage_errors_are_translated(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    assert "arguments obligatoires manquants" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["call.txt", "--lang", "de", "--ui-lang", "en"])
    assert "invalid choice" in capsys.readouterr().err


def test_quiet_run_still_warns_about_a_single_speaker(tmp_path, capsys) -> None:
    path = write(tmp_path, "mono.txt", "Coach: Bonjour, je vous écoute.\n")
    assert main([path, "-q", "--ui-lang", "en"]) == 3
    captured = capsys.readouterr()
    assert captured.out == "" and "only one speaker" in captured.err
