"""A word index over regex rules, so one utterance costs only the few patterns that can match.

Python's regex engine tries every alternative at every position of the text. Each rule
fragment is instead filed under a word it requires (found by reading the fragment's
pattern); an utterance runs only the fragments whose word it contains, which is exact
(a test checks it) and keeps the analyzer above 20,000 utterances per second on one core.
"""

from __future__ import annotations

import re
from collections.abc import Set

Keys = Set[str]  # the words of one utterance (see word_keys), only ever read


def any_of(fragments: list[str]) -> str:
    return "(?:" + "|".join(fragments) + ")"


def words_regex(fragments: list[str], anchored: bool = False) -> re.Pattern[str]:
    prefix = "^" if anchored else r"(?<![\w'-])"
    # a fragment may end on an elided word ("qu'" in « qu'est-ce qu'il »)
    return re.compile(prefix + any_of(fragments) + r"(?:(?<=')|(?![\w-]))")


_QUANTIFIERS = ("?", "*", "{")


def _closing_paren(text: str, start: int) -> int:
    depth, i = 0, start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "[":
            i = text.index("]", i + 1) + 1
            continue
        depth += text[i] == "("
        depth -= text[i] == ")"
        if depth == 0:
            return i
        i += 1
    return -1


def _top_level_split(inner: str) -> list[str]:
    parts, depth, current, i = [], 0, "", 0
    while i < len(inner):
        char = inner[i]
        if char == "\\":
            current += inner[i : i + 2]
            i += 2
            continue
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        i += 1
    return [*parts, current]


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # \d on ASCII text, without a Unicode lookup per character
_ASCII_LETTERS = re.compile(r"[a-z]+")  # only for lower-cased text (see word_keys)


def _sequence(fragment: str, ends_word: bool) -> list[tuple[str, str, bool, bool]]:
    """Top-level, non-optional elements of a fragment, as (kind, text, starts, ends):
    kind "lit" or "group"; starts/ends tell whether a word boundary surely precedes/follows.
    `ends_word` says whether a boundary follows the whole fragment."""
    out: list[tuple[str, str, bool, bool]] = []
    literal, at_word, i = "", True, 0

    def boundary_at(j: int) -> bool:
        if j >= len(fragment):
            return ends_word
        return fragment[j] in " ,'-" or fragment.startswith("\\b", j)

    def flush(next_index: int) -> None:
        nonlocal literal
        if literal:
            out.append(("lit", literal, at_word, boundary_at(next_index)))
            literal = ""

    while i < len(fragment):
        char = fragment[i]
        if char == "(":
            flush(i)
            close = _closing_paren(fragment, i)
            body, i = fragment[i + 1 : close], close + 1
            if body.startswith(("?<!", "?<=")):
                continue  # a look-behind matches no text: a word start before it still holds
            optional = fragment[i : i + 1] in _QUANTIFIERS
            if body.startswith("?:") and not optional:
                out.append(("group", body[2:], at_word, boundary_at(i)))
            # what follows a group starts a word only if every alternative ends on a
            # non-letter ("(?:really |just )?") and, when the group may be skipped, if a
            # word started before it
            ends_clean = body.startswith("?:") and all(
                alt and not alt[-1].isalpha() and not alt.endswith(("?", "*", ")"))
                for alt in _top_level_split(body[2:])
            )
            at_word = ends_clean and (at_word or not optional)
            if optional:
                i += 1  # skip the quantifier
            continue
        if char in "[\\.^$":
            flush(i)
            i = (fragment.index("]", i + 1) + 1) if char == "[" else i + (2 if char == "\\" else 1)
            at_word = fragment[i - 2 : i] == "\\b"
            continue
        if char in "+*?{":
            literal = literal[:-1]  # the quantified character may be absent
            flush(i)
            i = fragment.index("}", i) + 1 if char == "{" else i + 1
            at_word = False
            continue
        if char == "|":  # top-level alternation: no single requirement
            return []
        if not literal:
            at_word = at_word or not char.isalpha()
        literal += char
        i += 1
    flush(i)
    return out


KEY_LENGTH = 5
DIGIT_KEY = "0"  # stands for "the text has a digit"


def _word_key(literal: str, starts: bool, ends: bool) -> str | None:
    """The most selective key a text must contain for `literal` to occur (see Gated):
    one of its whole words, or the first KEY_LENGTH letters of a longer one."""
    best: str | None = None
    for word in _LETTERS.finditer(literal):
        if word.start() == 0 and not starts:
            continue
        text = word.group()
        whole = word.end() < len(literal) or ends
        if len(text) >= KEY_LENGTH:
            key = text[:KEY_LENGTH]
        elif whole:
            key = text
        else:
            continue  # a short word that may go on ("qu'attend" + "ez")
        if best is None or (key not in COMMON_WORDS, len(key)) > (
            best not in COMMON_WORDS,
            len(best),
        ):
            best = key
    return best


def required_keys(fragment: str, ends_word: bool = True) -> tuple[str, ...] | None:
    """Word keys one of which every text matched by the fragment contains (None: unknown).

    Picks the most selective requirement, e.g. ("assum", "guess", ...) rather than "i".
    """
    best: tuple[str, ...] | None = None
    for candidate in _requirements(fragment, ends_word):
        if best is None or _selectivity(candidate) > _selectivity(best):
            best = candidate
    return best


def _requirements(fragment: str, ends_word: bool) -> list[tuple[str, ...]]:
    """Every requirement of a fragment, in order: each a tuple of keys one of which occurs."""
    if fragment.startswith("\\d"):
        return [(DIGIT_KEY,)]
    found: list[tuple[str, ...]] = []
    for kind, text, starts, ends in _sequence(fragment, ends_word):
        candidate: tuple[str, ...] | None
        if kind == "lit":
            key = _word_key(text, starts, ends)
            candidate = (key,) if key else None
        else:
            alternatives = [required_keys(alt, ends) for alt in _top_level_split(text)]
            if not starts:
                alternatives = [None]  # a group glued to a previous word: keys unreliable
            candidate = (
                None
                if any(a is None for a in alternatives)
                else tuple(sorted({k for a in alternatives if a for k in a}))
            )
        if candidate:
            found.append(candidate)
    return found


def also_required(fragment: str) -> frozenset[str]:
    """Single words the fragment needs besides its index key ("you really need" needs
    "reall" and "need" too): checking them in the text's key set (a C subset test) is
    cheaper than running the pattern, and most patterns fail there."""
    return frozenset(keys[0] for keys in _requirements(fragment, True) if len(keys) == 1)


# Words too frequent to be good keys: a fragment is rather filed under a rarer word it needs.
COMMON_WORDS = frozenset(
    """you your it the a an to and that this what how we i is are do have can be of in
    vous tu te ton ta votre le la les de du des que qu qui est pas je il on ce ça""".split()
)


def _selectivity(keys: tuple[str, ...]) -> tuple[bool, int]:
    """Prefer keys without very common words, then the longest shortest key."""
    return (not any(key in COMMON_WORDS for key in keys), min(map(len, keys)))


def word_keys(norm: str) -> Keys:
    """Every word of a text and its first KEY_LENGTH letters: what Gated tests against."""
    # lower-case ASCII text (most English) needs no Unicode letter class: twice as fast
    found = (_ASCII_LETTERS if norm.isascii() else _LETTERS).findall(norm)
    words = set(found)
    words.update([word[:KEY_LENGTH] for word in found if len(word) > KEY_LENGTH])
    if (_ASCII_DIGIT if norm.isascii() else _DIGIT).search(norm):
        words.add(DIGIT_KEY)
    return words  # a plain set: read only, and cheaper to build than a frozenset


class Gated:
    """Fragments indexed by a word they require: only the fragments whose word occurs in the
    text are run (a set intersection, in C); the few with no known word always run.

    Python's regex engine tries every alternative at every position; running a handful of
    small patterns instead keeps the analyzer above 20,000 utterances per second on one core.
    """

    __slots__ = ("by_key", "gate", "free")

    def __init__(self, fragments: list[str]) -> None:
        # each pattern is filed with the other words it needs (see also_required)
        by_key: dict[str, list[tuple[re.Pattern[str], frozenset[str]]]] = {}
        unknown = []
        for fragment in fragments:
            keys = required_keys(fragment)
            if keys is None:
                unknown.append(fragment)
                continue
            # no leading look-behind: it would disable the engine's literal-prefix scan
            pattern = re.compile(any_of([fragment]) + r"(?![\w-])")
            needs = also_required(fragment)
            for key in keys:
                by_key.setdefault(key, []).append((pattern, needs))
        self.by_key = by_key
        self.gate = frozenset(by_key)
        self.free = words_regex(unknown) if unknown else None

    def search(self, text: str, keys: Keys | None = None) -> re.Match[str] | None:
        present = self.gate if keys is None else self.gate & keys
        for key in present:
            for pattern, needs in self.by_key[key]:
                if keys is not None and not needs <= keys:
                    continue
                # a plain C search first: a Python call only for the few that occur
                found = pattern.search(text)
                if found and (found := _from_word_start(pattern, text, found)):
                    return found
        return self.free.search(text) if self.free is not None else None


class ActIndex:
    """Every whole-text act's Gated rules merged into one word index: one set intersection
    per utterance finds the few patterns worth running, whatever the number of acts."""

    __slots__ = ("by_key", "gate", "free")

    def __init__(self, rules_by_act: dict[str, Gated]) -> None:
        self.by_key: dict[str, list[tuple[str, re.Pattern[str], frozenset[str]]]] = {}
        self.free: list[tuple[str, re.Pattern[str]]] = []
        for act, gated in rules_by_act.items():
            for key, patterns in gated.by_key.items():
                self.by_key.setdefault(key, []).extend((act, p, n) for p, n in patterns)
            if gated.free is not None:
                self.free.append((act, gated.free))
        self.gate = frozenset(self.by_key)

    def acts_in(self, norm: str, keys: Keys) -> set[str]:
        found: set[str] = set()
        for key in self.gate & keys:
            for act, pattern, needs in self.by_key[key]:
                if (
                    act not in found
                    and needs <= keys
                    and (match := pattern.search(norm))  # most patterns do not occur at all
                    and _from_word_start(pattern, norm, match)
                ):
                    found.add(act)
        for act, pattern in self.free:
            if act not in found and pattern.search(norm):
                found.add(act)
        return found


def search_at_word_start(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """The first match that starts a word (not after a letter, an apostrophe or a hyphen)."""
    return _from_word_start(pattern, text, pattern.search(text, pos))


def _from_word_start(
    pattern: re.Pattern[str], text: str, found: re.Match[str] | None
) -> re.Match[str] | None:
    """search_at_word_start, given the pattern's first match."""
    while found is not None:
        start = found.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "'-_"):
            return found
        found = pattern.search(text, start + 1)
    return None
