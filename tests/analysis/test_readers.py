"""Every input format, including Zoom/Teams/Meet/Whisper-style WebVTT, and bad input."""

import json
from pathlib import Path

import pytest

from ancrage.analysis import AnalysisError, read_transcript
from ancrage.analysis.readers import detect_format

ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.500
Claire Martin: Bonjour, qu'attendez-vous de cet appel ?

2
00:00:05.000 --> 00:00:09.000
Paul Durand: Je voudrais comprendre vos tarifs.

3
00:00:09.200 --> 00:00:12.000
Paul Durand: Et savoir si l'essai est gratuit.
"""

TEAMS_VTT = """WEBVTT

3f1c2a9e-1/12-0
00:00:00.500 --> 00:00:03.200
<v Claire Martin>What do you need from this call?</v>

3f1c2a9e-2/8-0
00:00:03.900 --> 00:00:08.000
<v Paul Durand>A clear view of the pricing.</v>
"""

MEET_VTT = """WEBVTT

00:00:00.000 --> 00:00:02.000
Claire Martin: How can I help?

00:00:02.500 --> 00:00:05.000
Paul Durand: I need a quote.
"""

WHISPERX_VTT = """WEBVTT

00:01.000 --> 00:03.000
[SPEAKER_00]: So what brings you here?

00:03.500 --> 00:06.000
[SPEAKER_01]: My sleep, mostly.
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
Claire: Qu'est-ce qui vous amène ?

2
00:00:03,500 --> 00:00:06,250
Paul: Mon sommeil.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_zoom_vtt_keeps_speakers_and_times(tmp_path: Path) -> None:
    utts = read_transcript(write(tmp_path, "zoom.vtt", ZOOM_VTT))
    assert [u.speaker for u in utts] == ["Claire Martin", "Paul Durand", "Paul Durand"]
    assert utts[0].start == 1.0 and utts[0].end == 4.5
    assert utts[1].text == "Je voudrais comprendre vos tarifs."


def test_teams_vtt_voice_tags(tmp_path: Path) -> None:
    utts = read_transcript(write(tmp_path, "teams.vtt", TEAMS_VTT))
    assert [(u.speaker, u.text) for u in utts] == [
        ("Claire Martin", "What do you need from this call?"),
        ("Paul Durand", "A clear view of the pricing."),
    ]
    assert utts[1].start == 3.9


def test_meet_vtt_without_cue_ids(tmp_path: Path) -> None:
    utts = read_transcript(write(tmp_path, "meet.vtt", MEET_VTT))
    assert [u.speaker for u in utts] == ["Claire Martin", "Paul Durand"]
    assert utts[1].end == 5.0


def test_whisper_diarized_vtt_minutes_only_timestamps(tmp_path: Path) -> None:
    utts = read_transcript(write(tmp_path, "whisper.vtt", WHISPERX_VTT))
    assert [u.speaker for u in utts] == ["SPEAKER_00", "SPEAKER_01"]
    assert utts[1].start == 3.5


def test_srt_with_name_prefixes(tmp_path: Path) -> None:
    utts = read_transcript(write(tmp_path, "call.srt", SRT))
    assert [(u.speaker, u.start, u.end) for u in utts] == [
        ("Claire", 1.0, 3.0),
        ("Paul", 3.5, 6.25),
    ]


def test_plain_text_with_clock_and_continuation_lines(tmp_path: Path) -> None:
    text = "[00:01:05] Coach: Bonjour.\nComment allez-vous ?\n[00:01:09] Client: Bien.\n"
    utts = read_transcript(write(tmp_path, "call.txt", text))
    assert utts[0].text == "Bonjour. Comment allez-vous ?"
    assert utts[0].start == 65.0 and utts[1].speaker == "Client"


@pytest.mark.parametrize("wrapped", [True, False])
def test_json_object_or_list(tmp_path: Path, wrapped: bool) -> None:
    items = [
        {"speaker": "A", "text": "Hello?", "start": 0, "end": 1.5},
        {"speaker": "B", "text": "Hi"},
    ]
    data = {"utterances": items} if wrapped else items
    utts = read_transcript(write(tmp_path, "c.json", json.dumps(data)))
    assert [(u.speaker, u.end) for u in utts] == [("A", 1.5), ("B", None)]


def test_jsonl(tmp_path: Path) -> None:
    lines = '{"speaker": "A", "text": "Bonjour ?"}\n{"speaker": "B", "text": "Oui", "start": 2}\n'
    utts = read_transcript(write(tmp_path, "c.jsonl", lines))
    assert utts[1].start == 2.0


def test_csv_with_times(tmp_path: Path) -> None:
    text = 'speaker,text,start,end\nA,"Bonjour, ça va ?",0,2\nB,Oui,2.5,3\n'
    utts = read_transcript(write(tmp_path, "c.csv", text))
    assert utts[0].text == "Bonjour, ça va ?" and utts[1].start == 2.5


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (ZOOM_VTT, "vtt"),
        (SRT, "srt"),
        ('[{"speaker": "A", "text": "x"}]', "json"),
        ('{"speaker": "A", "text": "x"}\n{"speaker": "B", "text": "y"}\n', "jsonl"),
        ("speaker,text\nA,x\n", "csv"),
        ("A: x\nB: y\n", "text"),
    ],
)
def test_format_is_detected_from_content_without_extension(content: str, fmt: str) -> None:
    assert detect_format("transcript", content) == fmt


def test_utf8_bom_and_cp1252_are_decoded(tmp_path: Path) -> None:
    bom = read_transcript(write(tmp_path, "a.txt", "\ufeffA: Déjà vu ?\nB: Oui".encode()))
    cp = read_transcript(write(tmp_path, "b.txt", "A: Déjà vu ?\nB: Oui".encode("cp1252")))
    assert bom[0].speaker == "A" and bom[0].text == "Déjà vu ?"
    assert cp[0].text == "Déjà vu ?"


@pytest.mark.parametrize(
    ("name", "content", "key", "line"),
    [
        ("empty.txt", "", "empty", None),
        ("blank.txt", "  \n\n", "empty", None),
        ("nolabels.txt", "bonjour comment ça va\nbien merci\n", "no_speakers", None),
        ("bad.vtt", "WEBVTT\n\n00:00:01.000 --> nonsense\nA: hi\n", "malformed", 3),
        ("nohead.vtt", "00:00:01.000 --> 00:00:02.000\nA: hi\n", "malformed", 1),
        ("whisper.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nhello there\n", "no_speakers", None),
        ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\nx\nB: yo\n", "malformed", 5),
        ("bad.json", '{"utterances": [\n{"speaker": "A",\n "text": }\n]}', "malformed", 3),
        ("bad.jsonl", '{"speaker": "A", "text": "x"}\n{oops}\n', "malformed", 2),
        ("nospk.json", '[{"text": "x"}]', "record_no_speaker", None),
        ("shape.json", '{"lines": []}', "json_shape", None),
        ("bad.csv", "who,what\nA,x\n", "csv_header", None),
        ("bin.txt", b"A: \x00\x01\x02", "binary_file", None),
        ("undecodable.txt", b"A: caf\x81\x8d\x8f\x90\x9d", "undecodable", None),
    ],
)
def test_bad_input_raises_specific_error(
    tmp_path: Path, name: str, content: str | bytes, key: str, line: int | None
) -> None:
    with pytest.raises(AnalysisError) as info:
        read_transcript(write(tmp_path, name, content))
    assert info.value.key == key
    if line is not None:
        assert info.value.params["line"] == line


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError) as info:
        read_transcript(tmp_path / "nope.vtt")
    assert info.value.key == "missing_file"


def test_size_cap_refuses_large_files(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "A: " + "mot " * 5000)
    with pytest.raises(AnalysisError) as info:
        read_transcript(path, max_bytes=1000)
    assert info.value.key == "too_large"


def test_wrong_forced_format_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "c.json", '[{"speaker": "A", "text": "x"}]')
    with pytest.raises(AnalysisError) as info:
        read_transcript(path, fmt="vtt")
    assert info.value.key == "malformed"
