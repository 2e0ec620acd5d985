"""Normalised text: what people type and what speech recognition writes, made into the words
the rules are written for (typed elisions and shortcuts, SMS English, stutters, emoji), then
split into sentences with their final mark."""

from __future__ import annotations

import re
import unicodedata

_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*|[.!?…]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "\u00a0": " "})
_APOSTROPHES_PAIRS = (("’", "'"), ("ʼ", "'"), ("‘", "'"), ("\u00a0", " "))
_WORDS = re.compile(r"[^\W\d_]+")


# The accents (combining marks) among U+0300-U+036F, and any character that is neither ASCII nor
# one of them: a text decomposed into ASCII letters and these marks (all French) folds by
# dropping its non-ASCII characters, in C, instead of a combining() call per character.
_ACCENT_MARKS = "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c)))
_NOT_ASCII_NOR_ACCENT = re.compile("[^\x00-\x7f" + _ACCENT_MARKS + "]")


def fold_accents(text: str) -> str:
    """« réussite » -> « reussite »: the letters without their accents."""
    decomposed = unicodedata.normalize("NFD", text)
    if decomposed.isascii():
        return decomposed
    if _NOT_ASCII_NOR_ACCENT.search(decomposed) is None:
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _destutter(word: str) -> str:
    """ "what-what", "wh-what", "i-i" -> one word; "avez-vous" is left alone."""
    if any(c.isdigit() for c in word):
        return word  # "1-10", « 3-4 devis »: a range, not a stutter
    parts = word.split("-")
    kept = [
        p
        for p, nxt in zip(parts, parts[1:], strict=False)
        if not (p and (p == nxt or (len(p) <= 4 and nxt.startswith(p))))
    ]
    return "-".join([*kept, parts[-1]])


# Typed French without apostrophes (« c est », « j ai », « qu est ce »): the elided word is one
# letter (or "qu") before a vowel, which is never a word of its own in French.
_FR_UNELIDED = frozenset("c j l m n s t d qu".split())
_FR_ELISION = re.compile(r"(?<![\w'-])(c|j|l|m|n|s|t|d|qu) (?=[aeiouyhàâäéèêëîïôöûù])")
_FR_SPACED_APOSTROPHE = re.compile(r"(?<![\w'])([cdjlmnst]|\w*qu)' (?=\w)")
_FR_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=(?:ce|t|je|tu|il|elle|on|nous|vous|ils|elles)\b)")
# An imperative and its pronoun typed without the hyphen (« dis moi », « tiens moi au courant »),
# never after a subject (« tu dis moi je… »).
_FR_IMPERATIVE_MOI = re.compile(
    r"(?<![\w'-])(?<!je )(?<!tu )(?<!il )(?<!elle )(?<!on )(?<!nous )(?<!vous )"
    r"(dis|dites|raconte|racontez|explique|expliquez|parle|parlez|décris|décrivez|tiens|tenez|"
    r"envoie|envoyez|rappelle|rappelez|préviens|prévenez|donne|donnez|montre|montrez|laisse|"
    r"laissez|écris|écrivez|appelle|appelez|redis|redites) (moi|nous)(?![\w'-])"
)
_FR_IMPERATIVE_WORDS = frozenset(("moi", "nous"))
# French SMS shortcuts: the words the rules are written for (« jsp si t as vu », « pk tu hésites »)
_FR_SMS = {
    "jsp": "je sais pas",
    "jsais": "je sais",
    "chui": "je suis",
    "stp": "s'il te plaît",
    "svp": "s'il vous plaît",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "bcp": "beaucoup",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "tkt": "t'inquiète",
    "dac": "d'accord",
    "mtn": "maintenant",
    "ptet": "peut-être",
    "ya": "il y a",
    "cv": "ça va",
    "qd": "quand",
    "jte": "je te",
    "jvous": "je vous",
    "jsuis": "je suis",
    "pcq": "parce que",
    "pck": "parce que",
    "psk": "parce que",
    "tjs": "toujours",
    "koi": "quoi",
}
_FR_SMS_PATTERN = re.compile(r"(?<![\w'-])(?:" + "|".join(_FR_SMS) + r")(?![\w'-])")
# « c vrai », « c pour qd »: a lone c before a consonant is « c'est » (« c est » is elided later)
_FR_C_EST = re.compile(r"(?<![\w'-])c (?![aeiouyhàâäéèêëîïôöûù])")
# « où » typed without its accent, where « ou » (or) cannot stand: « d'ou », « t'en es ou »,
# « t'es ou ». Anywhere else « ou » stays « ou ».
_FR_WHERE_UNACCENTED = re.compile(
    r"(?<![\w'-])(d'|(?:en|t'en) (?:es|est|êtes|etes|sont|suis|sommes) |t'es |tu es )ou(?![\w'-])"
)
# emoji and pictographs: no word, no punctuation (« bravo 👏 raconte moi » asks)
# applause: the one emoji that says something the rules read (praise)
_APPLAUSE = re.compile("\U0001f44f+")  # 👏 (not 🙌, which also cheers one's own method)
_APPLAUSE_WORD = {"fr": " bravo ", "en": " well done "}
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]+")
# SMS English ("did u send it", "whats up", "wanna", "im", "dont"): the full words the rules
# are written for. Contractions that are also words ("its", "well", "were", "ill") are left.
_EN_SMS = {
    "u": "you",
    "ur": "your",
    "whats": "what's",
    "wanna": "want to",
    "gonna": "going to",
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "dont": "don't",
    "cant": "can't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "wont": "won't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "youre": "you're",
    "youve": "you've",
    "youll": "you'll",
    "youd": "you'd",
    "thats": "that's",
    "theyre": "they're",
    "hows": "how's",
    "lets": "let's",
    "ull": "you'll",
    "theyll": "they'll",
    "shes": "she's",
    "hes": "he's",
    "r": "are",
    "n": "and",  # "who got the offer n how'd u choose"
}


def _typed_words(text: str, words: list[str], code: str) -> tuple[str, list[str]]:
    """Undo SMS typing shortcuts; a cheap test first, so most texts cost nothing."""
    if code == "fr":
        return _typed_french(text, words)
    if code == "en":
        # a set test over the words, in C: most texts have no shortcut (a regex search, with its
        # look-behind tried at every character, cost more than the words' stripping)
        bare = [w.rstrip(".,!?;:") for w in words]  # "that was all u." is typed too
        if _EN_SMS.keys().isdisjoint(bare):
            return text, words
        return text, [
            _EN_SMS[b] + w[len(b) :] if b in _EN_SMS else w
            for w, b in zip(words, bare, strict=True)
        ]
    return text, words


def _typed_french(text: str, words: list[str]) -> tuple[str, list[str]]:
    """Spaced elisions, SMS shortcuts, imperatives without their hyphen, elisions without
    their apostrophe, in that order (« jsp » holds « je », « qu est ce » needs its apostrophe)."""
    if "' " in text or " - " in text:
        # spaced elision and hyphen (« qu' est - ce », « l' adresse »), as some keyboards type
        text = _FR_SPACED_HYPHEN.sub("-", _FR_SPACED_APOSTROPHE.sub(r"\1'", text))
        words = text.split()
    if _FR_SMS_PATTERN.search(text):
        text = _FR_SMS_PATTERN.sub(lambda m: _FR_SMS[m.group()], text)
        words = text.split()
    if "c" in words:
        text = _FR_C_EST.sub("c'est ", text)
        words = text.split()
    if not _FR_IMPERATIVE_WORDS.isdisjoint(words):
        text = _FR_IMPERATIVE_MOI.sub(r"\1-\2", text)
        words = text.split()
    if not _FR_UNELIDED.isdisjoint(words):
        text = _FR_ELISION.sub(r"\1'", text)
        words = text.split()
    if "ou" in words or "d'ou" in words:
        text = _FR_WHERE_UNACCENTED.sub(r"\1où", text)
        words = text.split()
    return text, words


def _beyond_latin1(text: str) -> bool:
    """Whether a character lies past U+00FF, where every emoji is (a copy in C, no scan)."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return True
    return False


def normalize(text: str, code: str = "") -> str:
    text = text.lower()
    if "`" in text:
        text = text.replace("`", "'")
    if not text.isascii():  # cheaper than str.translate on the common ASCII case
        for curly, straight in _APOSTROPHES_PAIRS:
            if curly in text:
                text = text.replace(curly, straight)
        if _beyond_latin1(text):  # accented French alone is not: no emoji to look for
            if _APPLAUSE.search(text):  # 👏 under a client's figures praises them, in words
                text = _APPLAUSE.sub(_APPLAUSE_WORD.get(code, " bravo "), text)
            text = _EMOJI.sub(" ", text)
    if ": " in text:  # « petit check : combien de devis… »: the colon opens the question
        text = text.replace(" : ", ", ").replace(": ", ", ")
    words = text.split()
    if code:
        text, words = _typed_words(text, words, code)
    if "-" in text:
        words = [_destutter(w) if "-" in w else w for w in words]
        # a word cut off by a restart ("tell me- tell me how it went") ends a clause
        words = [
            w[:-1] + "," if len(w) > 1 and w[-1] == "-" and w[-2].isalpha() else w for w in words
        ]
    return " ".join(words)


def split_sentences(norm: str) -> list[tuple[str, str]]:
    """Sentences without their final punctuation, each with its mark: "?", "?!" (surprise:
    "?!", "??"), "!" or ""."""
    out = []
    for chunk in _SENTENCE.findall(norm):
        body = chunk.rstrip(".!?… ").strip(" ,;:-")
        if body:
            tail = chunk[len(chunk.rstrip(".!?… ")) :]
            if "?" in tail:
                mark = "?!" if "!" in tail or tail.count("?") > 1 else "?"
            else:
                mark = "!" if "!" in tail else ""
            out.append((body, mark))
    return out
