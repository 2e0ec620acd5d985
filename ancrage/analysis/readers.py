"""Transcript readers: text, WebVTT, SRT, JSON, JSONL, CSV -> list[Utterance].

Files are read whole, after a size check: a file above the cap (default 50 MB, see
`DEFAULT_MAX_MB`) is refused with a clear message instead of exhausting memory.
Every problem raises AnalysisError with a message key and, where it helps, a line number.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .models import AnalysisError, Utterance

FORMATS = ("text", "vtt", "srt", "json", "jsonl", "csv")
DEFAULT_MAX_MB = 50.0
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".vtt": "vtt",
    ".srt": "srt",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
_CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_SPEAKER = r"[^\W\d_][\w .'’()\-]{0,39}?|\[?SPEAKER_\d+\]?"
_TEXT_LINE = re.compile(
    rf"^\s*(?:\[(?P<clock>{_CLOCK})\]\s*)?(?P<speaker>{_SPEAKER})\s*:\s*(?P<text>.*)$"
)
_PREFIX = re.compile(rf"^(?P<speaker>{_SPEAKER})\s*:\s+(?P<text>.+)$")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<speaker>[^>]+)>(?P<text>.*?)(?:</v>|$)", re.S)
_TAGS = re.compile(r"</?[^>]+>")
_TIMING = re.compile(rf"^\s*(?P<start>{_CLOCK})\s*-->\s*(?P<end>{_CLOCK})(?:\s+.*)?$")


def max_bytes_from_env() -> int:
    raw = os.environ.get("ANCRAGE_ANALYSIS_MAX_MB", "")
    try:
        return int(float(raw) * 1_000_000) if raw else int(DEFAULT_MAX_MB * 1_000_000)
    except ValueError:
        return int(DEFAULT_MAX_MB * 1_000_000)


def clock_to_seconds(clock: str) -> float:
    parts = clock.replace(",", ".").split(":")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), then cp1252; anything else is a clear error."""
    if b"\x00" in data[:4096]:
        raise AnalysisError("binary_file", path=source)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AnalysisError("undecodable", path=source)


def read_transcript(
    path: str | os.PathLike[str], fmt: str | None = None, max_bytes: int | None = None
) -> list[Utterance]:
    """Read a transcript file; `fmt` overrides the format detection."""
    file = Path(path)
    if not file.exists():
        raise AnalysisError("missing_file", path=str(file))
    if file.is_dir():
        raise AnalysisError("is_directory", path=str(file))
    limit = max_bytes if max_bytes is not None else max_bytes_from_env()
    size = file.stat().st_size
    if size > limit:
        raise AnalysisError("too_large", path=str(file), size_mb=size / 1e6, max_mb=limit / 1e6)
    text = decode(file.read_bytes(), str(file))
    return parse(text, fmt or detect_format(file.name, text), str(file))


def detect_format(name: str, text: str) -> str:
    ext = Path(name).suffix.lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    head = text.lstrip("\ufeff \t\r\n")
    first_lines = [line for line in head.splitlines()[:3] if line.strip()]
    if head.startswith("WEBVTT"):
        return "vtt"
    if len(first_lines) >= 2 and first_lines[0].strip().isdigit() and "-->" in first_lines[1]:
        return "srt"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return (
            "jsonl" if len(first_lines) > 1 and first_lines[1].lstrip().startswith("{") else "json"
        )
    header = first_lines[0].lower().replace(" ", "") if first_lines else ""
    if header.startswith("speaker,text") or header.startswith('"speaker","text"'):
        return "csv"
    return "text"


def parse(text: str, fmt: str, source: str = "<input>") -> list[Utterance]:
    if fmt not in FORMATS:
        raise AnalysisError("unknown_format", fmt=fmt, formats=", ".join(FORMATS))
    if not text.strip():
        raise AnalysisError("empty", path=source)
    parser = {
        "text": _parse_text,
        "vtt": _parse_vtt,
        "srt": _parse_srt,
        "json": _parse_json,
        "jsonl": _parse_jsonl,
        "csv": _parse_csv,
    }[fmt]
    utterances = [u for u in parser(text, source) if u.text.strip()]
    if not utterances:
        raise AnalysisError("empty", path=source)
    return utterances


def from_records(records: Iterable[Any], source: str = "<sms>") -> list[Utterance]:
    """Utterances from dicts, (speaker, text) pairs or Utterance objects (e.g. an SMS thread)."""
    out = []
    for number, record in enumerate(records, start=1):
        if isinstance(record, Utterance):
            out.append(record)
        elif isinstance(record, dict):
            out.append(_record_to_utterance(record, source, number))
        elif isinstance(record, (tuple, list)) and len(record) >= 2:
            out.append(Utterance(str(record[0]), str(record[1])))
        else:
            raise AnalysisError("bad_record", path=source, item=number)
    return [u for u in out if u.text.strip()]


def _record_to_utterance(record: dict[str, Any], source: str, number: int) -> Utterance:
    speaker, text = record.get("speaker"), record.get("text")
    if not isinstance(speaker, str) or not speaker.strip():
        raise AnalysisError("record_no_speaker", path=source, item=number)
    if not isinstance(text, str):
        raise AnalysisError("record_no_text", path=source, item=number)
    return Utterance(
        speaker.strip(),
        text.strip(),
        _seconds(record.get("start"), source, number),
        _seconds(record.get("end"), source, number),
    )


def _seconds(value: Any, source: str, number: int) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise AnalysisError("bad_time", path=source, item=number, value=value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return clock_to_seconds(value.strip()) if ":" in value else float(value)
        except ValueError:
            pass
    raise AnalysisError("bad_time", path=source, item=number, value=value)


def _parse_text(text: str, source: str) -> list[Utterance]:
    out: list[Utterance] = []
    parts: list[list[str]] = []  # joined once at the end: appending to a string is quadratic
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _TEXT_LINE.match(line)
        if match and match["text"].strip():
            start = clock_to_seconds(match["clock"]) if match["clock"] else None
            out.append(Utterance(_clean_speaker(match["speaker"]), match["text"].strip(), start))
            parts.append([out[-1].text])
        elif out:  # a continuation line belongs to the previous speaker
            parts[-1].append(line.strip())
    if not out:
        raise AnalysisError("no_speakers", path=source, fmt="text")
    return _joined(out, parts)


def _joined(utterances: list[Utterance], parts: list[list[str]]) -> list[Utterance]:
    for utterance, texts in zip(utterances, parts, strict=True):
        if len(texts) > 1:
            utterance.text = " ".join(text for text in texts if text)
    return utterances


def _clean_speaker(raw: str) -> str:
    return raw.strip().strip("[]").strip()


def _cue_blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks, each with the line number (1-based) where it starts."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _cue(lines: list[str], first_line: int, timing_at: int, source: str, fmt: str) -> Utterance:
    timing = _TIMING.match(lines[timing_at])
    if not timing:
        raise AnalysisError("malformed", path=source, fmt=fmt, line=first_line + timing_at)
    body = "\n".join(lines[timing_at + 1 :])
    speaker, words = _speaker_of(body)
    return Utterance(
        speaker or "",
        words,
        clock_to_seconds(timing["start"]),
        clock_to_seconds(timing["end"]),
    )


def _speaker_of(body: str) -> tuple[str | None, str]:
    voice = _VOICE.search(body)
    if voice:
        words = " ".join(_TAGS.sub("", m["text"]) for m in _VOICE.finditer(body))
        return voice["speaker"].strip(), " ".join(words.split())
    flat = " ".join(_TAGS.sub("", body).split())
    prefix = _PREFIX.match(flat)
    if prefix:
        return _clean_speaker(prefix["speaker"]), prefix["text"].strip()
    return None, flat


def _parse_vtt(text: str, source: str) -> list[Utterance]:
    blocks = _cue_blocks(text.lstrip("\ufeff"))
    if not blocks or not blocks[0][1][0].startswith("WEBVTT"):
        raise AnalysisError("malformed", path=source, fmt="vtt", line=1)
    cues = []
    for first_line, lines in blocks[1:]:
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_at = 0 if "-->" in lines[0] else 1  # an optional cue identifier comes first
        if timing_at >= len(lines):
            raise AnalysisError("malformed", path=source, fmt="vtt", line=first_line)
        cues.append(_cue(lines, first_line, timing_at, source, "vtt"))
    return _fill_speakers(cues, source, "vtt")


def _parse_srt(text: str, source: str) -> list[Utterance]:
    cues = []
    for first_line, lines in _cue_blocks(text.lstrip("\ufeff")):
        if not lines[0].strip().isdigit() or len(lines) < 2:
            raise AnalysisError("malformed", path=source, fmt="srt", line=first_line)
        cues.append(_cue(lines, first_line, 1, source, "srt"))
    return _fill_speakers(cues, source, "srt")


def _fill_speakers(cues: list[Utterance], source: str, fmt: str) -> list[Utterance]:
    """Cues without a speaker continue the previous speaker (Zoom splits long turns)."""
    if cues and not any(c.speaker for c in cues):
        raise AnalysisError("no_speakers", path=source, fmt=fmt)
    out: list[Utterance] = []
    parts: list[list[str]] = []
    for cue in cues:
        if cue.speaker:
            out.append(cue)
            parts.append([cue.text])
        elif out:
            parts[-1].append(cue.text)
            out[-1].end = cue.end
    return _joined(out, parts)


def _parse_json(text: str, source: str) -> list[Utterance]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnalysisError("malformed", path=source, fmt="json", line=exc.lineno) from None
    if isinstance(data, dict):
        data = data.get("utterances")
    if not isinstance(data, list):
        raise AnalysisError("json_shape", path=source)
    return [_record_to_utterance(_as_dict(r, source, i), source, i) for i, r in enumerate(data, 1)]


def _as_dict(record: Any, source: str, number: int) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise AnalysisError("bad_record", path=source, item=number)
    return record


def _parse_jsonl(text: str, source: str) -> list[Utterance]:
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise AnalysisError("malformed", path=source, fmt="jsonl", line=number) from None
        out.append(_record_to_utterance(_as_dict(record, source, number), source, number))
    return out


def _parse_csv(text: str, source: str) -> list[Utterance]:
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "speaker" not in fields or "text" not in fields:
        raise AnalysisError("csv_header", path=source, found=", ".join(fields))
    reader.fieldnames = fields
    out = []
    try:
        for row in reader:
            record = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
            out.append(_record_to_utterance(record, source, reader.line_num))
    except csv.Error:
        raise AnalysisError("malformed", path=source, fmt="csv", line=reader.line_num) from None
    return out
