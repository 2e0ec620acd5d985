"""A small reader of gettext .po files (no polib pinned): entries with their flags."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

FRENCH_PO = Path(__file__).resolve().parents[1] / "ancrage/locale/fr/LC_MESSAGES/django.po"


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values()) and "fuzzy" not in self.flags

    @property
    def where(self) -> str:
        return ", ".join(self.references[:3]) or "?"


def read_po(path: Path = FRENCH_PO) -> list[Entry]:
    """Every live entry (obsolete `#~` ones skipped), the header included as msgid ""."""
    entries: list[Entry] = []
    entry = Entry()
    key: tuple[str, int] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if key is not None:
                entries.append(entry)
            entry, key = Entry(), None
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#:"):
            entry.references.extend(line[2:].split())
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, key, ast.literal_eval(line))
        else:
            word, _, rest = line.partition(" ")
            key = _key(word)
            _append(entry, key, ast.literal_eval(rest), start=True)
    return entries


def _key(word: str) -> tuple[str, int]:
    if word.startswith("msgstr["):
        return ("msgstr", int(word[7:-1]))
    return (word, 0)


def _append(entry: Entry, key: tuple[str, int] | None, text: str, start: bool = False) -> None:
    if key is None:
        raise ValueError(f"continuation line outside an entry: {text!r}")
    name, index = key
    if name == "msgstr":
        entry.msgstr[index] = ("" if start else entry.msgstr.get(index, "")) + text
    elif name == "msgctxt":
        entry.msgctxt = ("" if start else entry.msgctxt or "") + text
    else:
        setattr(entry, name, ("" if start else getattr(entry, name)) + text)
