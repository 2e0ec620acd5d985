"""SMS encodings and segment counts: what a message will cost before it is sent.

GSM-7 (the `gsm0338` codec) packs 160 septets in one SMS, 153 per part once
concatenated; extension characters such as € take two septets and are never
split across parts. Any other character (ê, ç, œ, ’, « », emoji…) turns the
whole message into UCS-2: 70 UTF-16 units, 67 per part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

GSM7 = "GSM-7"
UCS2 = "UCS-2"
MAX_SEGMENTS = 10  # beyond this, carriers may drop or truncate a concatenated SMS

_LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}

# Typographic punctuation that forces UCS-2 although a plain equivalent exists.
# Accented letters are never touched: "ê" stays "ê", even though it costs more.
TYPOGRAPHY_FIXES = {
    "\u2019": "'",  # ’
    "\u2018": "'",  # ‘
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2026": "...",  # …
    "\u00a0": " ",  # non-breaking space
    "\u202f": " ",  # narrow non-breaking space (before ; : ! ? in French)
    "\u2009": " ",  # thin space
    "\u2013": "-",  # –
    "\u2014": "-",  # —
}


_FIXES = str.maketrans(TYPOGRAPHY_FIXES)


@dataclass(frozen=True)
class SmsCost:
    encoding: str  # GSM7 or UCS2
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    ucs2_chars: tuple[str, ...]  # the distinct characters that force UCS-2, in order
    fixable_chars: tuple[str, ...]  # those among them that fix_typography() would replace

    @property
    def too_long(self) -> bool:
        return self.segments > MAX_SEGMENTS

    @property
    def per_segment(self) -> int:
        single, multi = _LIMITS[self.encoding]
        return single if self.segments <= 1 else multi


@lru_cache(maxsize=4096)  # a few hundred distinct characters in practice; the codec is slow
def _gsm_width(char: str) -> int | None:
    """Septets for one character in GSM-7, or None when it is not encodable."""
    try:
        return len(char.encode("gsm03.38"))
    except UnicodeEncodeError:
        return None


def _ucs2_width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _count_segments(widths: list[int], single: int, multi: int) -> int:
    total = sum(widths)
    if total == 0:
        return 0
    if total <= single:
        return 1
    segments, used = 1, 0
    for width in widths:  # a character (escape pair, surrogate pair) never straddles two parts
        if used + width > multi:
            segments, used = segments + 1, 0
        used += width
    return segments


def sms_cost(body: str) -> SmsCost:
    """Encoding, size and number of SMS parts for `body`."""
    gsm_widths = [_gsm_width(c) for c in body]
    blockers = tuple(dict.fromkeys(c for c, w in zip(body, gsm_widths, strict=True) if w is None))
    if not blockers:
        widths = [w for w in gsm_widths if w is not None]
        encoding = GSM7
    else:
        widths = [_ucs2_width(c) for c in body]
        encoding = UCS2
    single, multi = _LIMITS[encoding]
    return SmsCost(
        encoding=encoding,
        units=sum(widths),
        segments=_count_segments(widths, single, multi),
        ucs2_chars=blockers,
        fixable_chars=tuple(c for c in blockers if c in TYPOGRAPHY_FIXES),
    )


_GUILLEMETS = re.compile(r"«[\s\u00a0\u202f]*|[\s\u00a0\u202f]*»")


def fix_typography(body: str) -> str:
    """Replace typographic punctuation by plain equivalents; never touch letters.

    French guillemets carry their own inner spaces: « Génial » becomes "Génial".
    """
    return _GUILLEMETS.sub('"', body).translate(_FIXES)
