"""Per-utterance question type and acts, from hand-written lexical rules.

Everything is compiled once per language (and lexicon) so one utterance costs a handful of
regex searches: the analyzer must stay above 20,000 utterances per second on one core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from . import lang
from .index import (
    ActIndex,
    Gated,
    Keys,
    any_of,
    search_at_word_start,
    word_keys,
    words_regex,
)
from .normalize import _APOSTROPHES, fold_accents, normalize, split_sentences

ACTS = (
    "question",
    "needs_question",
    "reflection",
    "input",
    "self_promotion",
    "competitor",
    "own_offer",
    "assumption",
    "small_talk",
    "affirmation",
    "gratitude",
    "ownership_returned",
    "credit_taken",
    "self_disclosure",
    "greeting",
)

_WORDS = re.compile(r"[^\W\d_]+")
_ASCII_WORDS = re.compile(r"[a-z]+")  # the same words in lower-case ASCII text


def words_of(text: str) -> list[str]:
    """The words of a text (letters only); lower-case ASCII needs no Unicode letter class."""
    return (_ASCII_WORDS if text.isascii() and text.islower() else _WORDS).findall(text)


_DECLARATIVE = re.compile(
    r"^(?:you|i|we|they|he|she|it|that|this|there|vous|tu|je|j'|on|il|elle|ils|elles|c'|ça)\b"
)
# Relative pronouns that often open a clause inside a statement ("..., which is the point").
_RELATIVE = re.compile(r"^(?:which|who|whose|lequel|laquelle|qui|dont)\b")
# Unambiguous tags may follow a statement without a comma ("It's nice isn't it?").
_NO_COMMA_TAG = re.compile(
    r"n't \w+$|n'est[- ]ce pas$|pas vrai$|hein$|you know$|right$"
    r"|(?<!dire )(?<!dit )(?<!dis )(?<!ou )(?<!que )(?<!répondre )(?<!réponds )non$"  # not « dire non »
)
_AT_WORD_START = r"(?<![\w'-])"  # what search_at_word_start checks, as a look-behind
# A false start of one to three words cut off by a dash ("what was-- what was her name?"):
# the question is the one the speaker restarts.
_FALSE_START = re.compile(r"(?:\S+ ){0,2}\S+?(?:--|—) *")


WHOLE_TEXT_ACTS = (
    "needs_question",
    "self_promotion",
    "competitor",
    "own_offer",
    "assumption",
    "small_talk",
    "affirmation",
    "gratitude",
    "ownership_returned",
    "credit_taken",
)


@dataclass(frozen=True)
class Rules:
    """The compiled rules of one language, plus the user's lexicon terms."""

    code: str
    fillers: re.Pattern[str]
    wh_start: re.Pattern[str]
    wh_no_mark: re.Pattern[str]
    shape_marked: re.Pattern[str]
    shape_unmarked: re.Pattern[str]
    backchannel: re.Pattern[str]
    echo: re.Pattern[str]
    agreement: re.Pattern[str]
    reported: re.Pattern[str]
    tag_no_mark: re.Pattern[str]
    tag_unstopped: re.Pattern[str]
    rising_reflection: re.Pattern[str]
    listener: re.Pattern[str]
    inverted_anywhere: re.Pattern[str]
    not_asking_before: frozenset[str]
    not_asking_heads: frozenset[str]
    marker_then_wh: re.Pattern[str]
    aux_start: re.Pattern[str]
    not_inversion: re.Pattern[str]
    indirect_closed: Gated
    closed_anywhere: Gated
    word_search: re.Pattern[str]
    hesitation: re.Pattern[str]
    not_asked: re.Pattern[str]
    elliptic_statement: re.Pattern[str]
    negative_echo: re.Pattern[str]
    open_prompt: re.Pattern[str]
    curious: Gated
    closed_wh: re.Pattern[str]
    open_wh: re.Pattern[str]
    open_aux: re.Pattern[str]
    time_place: re.Pattern[str]
    open_embedded: Gated
    permission: Gated
    wh_end: re.Pattern[str]
    wh_end_words: tuple[str, ...]
    wh_end_closed: frozenset[str]
    wh_end_open: re.Pattern[str]
    lead_in: re.Pattern[str]
    check_end: re.Pattern[str]
    asked_statement: re.Pattern[str]
    asked_cues: tuple[str, ...]
    echo_stopwords: frozenset[str]
    negation: re.Pattern[str]
    rhetorical: re.Pattern[str]
    hello_name: re.Pattern[str]
    question_cues: frozenset[str]
    question_cue_endings: tuple[str, ...]
    question_cue_pattern: re.Pattern[str]
    tag_end: re.Pattern[str]
    needs: Gated
    reflection_start: re.Pattern[str]
    reflection_anywhere: Gated
    summary_start: re.Pattern[str]
    input: Gated
    persuasion: Gated
    self_promotion: Gated
    own_offer: Gated
    competitor: Gated
    assumption: Gated
    small_talk: Gated
    greeting: re.Pattern[str]
    farewell: re.Pattern[str]
    farewell_leaving: re.Pattern[str]
    affirmation: Gated
    gratitude: Gated
    ownership_returned: Gated
    credit_taken: Gated
    other_pronouns: frozenset[str]
    self_pronouns: frozenset[str]
    self_start: re.Pattern[str]
    empathy_start: re.Pattern[str]
    advice_start: re.Pattern[str]
    act_index: ActIndex
    # the same rules with the act lexicons written without accents, for a French text typed
    # without any (« grace a ma methode », « t as bien merite »); None in English
    unaccented: Rules | None = None

    def defilled(self, text: str) -> str:
        """The text without its opening fillers (« alors euh, »): `fillers` is anchored at the
        start, so one match there says what `fillers.sub("", text)` would, without the scan of
        every later position that a substitution makes."""
        found = self.fillers.match(text)
        return text if found is None else text[found.end() :]


def _terms_regex(base: list[str], terms: tuple[str, ...]) -> Gated:
    escaped = [re.escape(t.lower().translate(_APOSTROPHES)) for t in terms if t.strip()]
    return Gated(base + escaped)


def _shape(prompts: list[str], wh: list[str], aux: list[str]) -> re.Pattern[str]:
    """One anchored regex for the three question shapes, tried in this order (a shape may end
    on an elided word: « qu'est-ce qu'il »)."""
    return re.compile(
        rf"^(?:(?P<prompt>{any_of(prompts)})|(?P<wh>{any_of(wh)})|(?P<aux>{any_of(aux)}))(?:(?<=')|(?![\w-]))"
    )


# The act lexicons and statement shapes, folded for texts typed without accents. Question
# shapes stay as written: folded, « où » would read every « ou » (or) as "where".
_FOLDED_NAMES = frozenset(
    """NEEDS INPUT PERSUASION PROPOSAL SELF_PROMOTION OWN_OFFER COMPETITOR ASSUMPTION SMALL_TALK
    GREETING FAREWELL AFFIRMATION GRATITUDE OWNERSHIP_RETURNED CREDIT_TAKEN REFLECTION_START
    REFLECTION_ANYWHERE SUMMARY_START SELF_START EMPATHY_START ADVICE_START""".split()
)
_ACCENTED = re.compile("[àâäçéèêëîïôöûùüÿœæ]")


class _Unaccented:
    """A language module whose act lexicons are read without accents."""

    def __init__(self, module: ModuleType) -> None:
        self._module = module

    def __getattr__(self, name: str) -> object:
        value = getattr(self._module, name)
        if name not in _FOLDED_NAMES:
            return value
        if isinstance(value, str):
            return fold_accents(value)
        return [fold_accents(fragment) for fragment in value]


@lru_cache(maxsize=32)
def rules_for(
    code: str, products: tuple[str, ...] = (), competitors: tuple[str, ...] = ()
) -> Rules:
    mod: ModuleType = lang.get(code)
    unaccented = None
    if code == "fr":  # French is often typed without accents; English has none to drop
        folded_terms = (tuple(map(fold_accents, products)), tuple(map(fold_accents, competitors)))
        unaccented = _build_rules(code, _Unaccented(mod), *folded_terms, None)  # type: ignore[arg-type]
    return _build_rules(code, mod, products, competitors, unaccented)


def _build_rules(
    code: str,
    mod: ModuleType,
    products: tuple[str, ...],
    competitors: tuple[str, ...],
    unaccented: Rules | None,
) -> Rules:
    needs = Gated(mod.NEEDS)
    fillers = re.compile(r"^(?:" + mod.FILLERS + r"(?![\w'-])[\s,;:.!-]*)+")
    return Rules(
        code=code,
        fillers=fillers,
        wh_start=words_regex(mod.WH_START, anchored=True),
        wh_no_mark=words_regex(mod.WH_NO_MARK, anchored=True),
        shape_marked=_shape(mod.OPEN_PROMPTS, mod.WH_START, mod.AUX_START),
        shape_unmarked=_shape(mod.OPEN_PROMPTS, mod.WH_NO_MARK, mod.AUX_START),
        backchannel=re.compile(mod.BACKCHANNEL),
        echo=re.compile(mod.ECHO),
        agreement=re.compile(mod.AGREEMENT),
        reported=re.compile(mod.REPORTED),
        tag_no_mark=re.compile(mod.TAG_NO_MARK),
        tag_unstopped=re.compile(mod.TAG_UNSTOPPED),
        rising_reflection=re.compile(mod.RISING_REFLECTION),
        listener=re.compile(mod.LISTENER),
        # only matches at a word start count (search_at_word_start): a look-behind first lets the
        # engine skip every other position (French starts with « [a-z]+-vous », no literal to scan)
        inverted_anywhere=re.compile(_AT_WORD_START + any_of([mod.INVERTED_ANYWHERE])),
        not_asking_before=mod.NOT_ASKING_BEFORE,
        not_asking_heads=mod.NOT_ASKING_HEADS,
        marker_then_wh=re.compile(mod.MARKER_THEN_WH),
        aux_start=words_regex(mod.AUX_START, anchored=True),
        not_inversion=re.compile(r"^" + mod.NOT_INVERSION),
        indirect_closed=Gated(mod.INDIRECT_CLOSED),
        closed_anywhere=Gated(mod.CLOSED_ANYWHERE),
        word_search=re.compile(mod.WORD_SEARCH),
        hesitation=re.compile(mod.HESITATION),
        not_asked=re.compile(
            f"(?P<tag>{mod.NEGATIVE_ECHO}$)|(?P<exclamation>{mod.EXCLAMATIVE}|{mod.PSEUDO_CLEFT})"
            f"|(?P<search>{mod.WORD_SEARCH})"
        ),
        elliptic_statement=re.compile(mod.ELLIPTIC_STATEMENT),
        negative_echo=re.compile(mod.NEGATIVE_ECHO),
        open_prompt=words_regex(mod.OPEN_PROMPTS, anchored=True),
        curious=Gated(mod.CURIOUS),
        closed_wh=words_regex(mod.CLOSED_WH, anchored=True),
        open_wh=re.compile(mod.OPEN_WH),
        open_aux=re.compile(mod.OPEN_AUX),
        time_place=words_regex(mod.TIME_PLACE, anchored=True),
        open_embedded=Gated(mod.OPEN_EMBEDDED),
        permission=Gated(mod.PERMISSION),
        wh_end=re.compile(mod.WH_END),
        wh_end_words=tuple(mod.WH_END_WORDS),
        wh_end_closed=frozenset(mod.WH_END_CLOSED),
        wh_end_open=re.compile(mod.WH_END_OPEN),
        lead_in=re.compile(mod.LEAD_IN),
        check_end=re.compile(mod.CHECK_END),
        asked_statement=re.compile(mod.ASKED_STATEMENT),
        asked_cues=tuple(mod.ASKED_CUES),
        echo_stopwords=frozenset(fold_accents(w) for w in mod.ECHO_STOPWORDS),
        negation=re.compile(mod.NEGATION),
        rhetorical=re.compile(mod.RHETORICAL),
        hello_name=re.compile(mod.HELLO_NAME),
        question_cues=frozenset(mod.QUESTION_CUES) | frozenset(mod.WH_END_WORDS),
        question_cue_endings=tuple(mod.QUESTION_CUE_ENDINGS),
        # every alternative starts a word (\b then a letter), in both languages: a look-behind
        # first lets the engine skip the inside of words, where it tried them all
        question_cue_pattern=re.compile(r"(?<!\w)" + any_of([mod.QUESTION_CUE_PATTERN])),
        tag_end=re.compile(r"(?:^|,\s*|\s)" + any_of(mod.TAG_END) + r"$"),
        needs=needs,
        reflection_start=words_regex(mod.REFLECTION_START, anchored=True),
        reflection_anywhere=Gated(mod.REFLECTION_ANYWHERE),
        summary_start=re.compile(mod.SUMMARY_START),
        input=Gated(mod.INPUT),
        # proposals count even as questions ("Shall we meet next week?"): own plan pushed
        persuasion=Gated(mod.PERSUASION + mod.PROPOSAL),
        self_promotion=Gated(mod.SELF_PROMOTION),
        own_offer=_terms_regex(mod.OWN_OFFER, products),
        competitor=_terms_regex(mod.COMPETITOR, competitors),
        assumption=Gated(mod.ASSUMPTION),
        small_talk=Gated(mod.SMALL_TALK),
        greeting=words_regex(mod.GREETING, anchored=True),
        farewell=re.compile(mod.FAREWELL),
        farewell_leaving=re.compile(mod.FAREWELL_LEAVING),
        affirmation=Gated(mod.AFFIRMATION),
        gratitude=Gated(mod.GRATITUDE),
        ownership_returned=Gated(mod.OWNERSHIP_RETURNED),
        credit_taken=Gated(mod.CREDIT_TAKEN),
        other_pronouns=mod.OTHER_PRONOUNS,
        self_pronouns=mod.SELF_PRONOUNS,
        self_start=re.compile(mod.SELF_START),
        empathy_start=re.compile(mod.EMPATHY_START),
        advice_start=re.compile(mod.ADVICE_START),
        act_index=ActIndex(
            {
                "permission": Gated(mod.PERMISSION),  # a gate for _permission_asked, not an act
                "needs_question": needs,
                "self_promotion": Gated(mod.SELF_PROMOTION),
                "competitor": _terms_regex(mod.COMPETITOR, competitors),
                "own_offer": _terms_regex(mod.OWN_OFFER, products),
                "assumption": Gated(mod.ASSUMPTION),
                "small_talk": Gated(mod.SMALL_TALK),
                "affirmation": Gated(mod.AFFIRMATION),
                "gratitude": Gated(mod.GRATITUDE),
                "ownership_returned": Gated(mod.OWNERSHIP_RETURNED),
                "credit_taken": Gated(mod.CREDIT_TAKEN),
            }
        ),
        unaccented=unaccented,
    )


def _tail(body: str, words: int = 6) -> tuple[str, int]:
    """The last words of a sentence (tags are short) and where they start in it."""
    cut = len(body)
    for _ in range(words):
        cut = body.rfind(" ", 0, cut)
        if cut < 0:
            return body, 0
    return body[cut:], cut


def _is_tag(body: str, rules: Rules) -> bool:
    tail, offset = _tail(body)
    found = rules.tag_end.search(tail)
    match = None if found is None else (found.start() + offset)
    return _tag_at(body, match, rules)


def _tag_at(body: str, start: int | None, rules: Rules) -> bool:
    if start is None:
        return False
    head = body[:start].rstrip()
    if not head:  # a lone "Right?" / "Non ?" after a statement
        return True
    if head.endswith(" ou") or rules.aux_start.match(head) or rules.wh_start.match(head):
        return False  # "oui ou non ?", "is it ready, yes?" are real questions
    return head.endswith(",") or body[start] == "," or bool(_NO_COMMA_TAG.search(body))


def _core_form(core: str, has_mark: bool, rules: Rules) -> str | None:
    """The question shape of a clause without its leading fillers, in one regex call.

    Without a question mark only unambiguous shapes count (WH_NO_MARK), so that relative
    clauses ("which is...", "comment je vois...") are not taken for questions.
    """
    if has_mark and ("--" in core or "—" in core):
        restarted = _restarted(core, rules)
        if restarted:
            return restarted
    shape = (rules.shape_marked if has_mark else rules.shape_unmarked).match(core)
    if shape is None:
        # markers before a question, no comma (« et toi comment tu as réagi », "oh no what
        # happened"): the question that follows them decides
        lead = rules.lead_in.match(core)
        if lead is None or lead.end() == len(core):
            return None
        return _core_form(core[lead.end() :], has_mark, rules)
    if shape.lastgroup == "prompt":
        return "open"
    if shape.lastgroup == "wh":
        return "closed" if _closed_wh(core, rules) else "open"
    if rules.not_inversion.match(core) or (not has_mark and rules.elliptic_statement.match(core)):
        return None  # « asseyez-vous », "(I) have a four-year-old": not questions
    return "open" if rules.open_aux.match(core) else "closed"


def _restarted(core: str, rules: Rules) -> str | None:
    """After a false start ("is-- can you say more?"), the type of the restarted question,
    when it tells one: an open question, or any question after a question's first words."""
    restart = _FALSE_START.match(core)
    if restart is None or restart.end() == len(core):
        return None
    again = _core_form(rules.defilled(core[restart.end() :]), True, rules)
    if again == "open" or (
        again and _core_form(core.replace("--", " ").replace("—", " "), True, rules)
    ):
        return again
    return None


def _closed_wh(core: str, rules: Rules) -> bool:
    """A fact asked (how many, when, where...), unless the place is a stance or a next step
    ("Where would you like to start?", « Où en êtes-vous ? »)."""
    return bool(rules.closed_wh.match(core)) and not rules.open_wh.match(core)


def _leading_forms(
    clauses: list[str], has_mark: bool, rules: Rules, keys: Keys | None
) -> str | None:
    """The form of the first clause, looking past short vocatives ("Salut Marc, ...")."""
    for i, clause in enumerate(clauses):
        core = rules.defilled(clause)
        form = _core_form(core, has_mark, rules) if core else None
        if form == "open" and i < len(clauses) - 1 and rules.open_prompt.fullmatch(core):
            continue  # « dis-moi, tu as vu… ? », "tell me, did you…?": the question that follows decides
        if i and _RELATIVE.match(core):
            return None  # "Kevin, qui est chez un assureur": a relative clause after a name
        if form or len(core.split()) > 2 or _DECLARATIVE.match(core):
            return form  # "they still, you know, do the dishes": a statement's subject
    return None


def _may_ask(body: str, rules: Rules, keys: Keys | None) -> bool:
    """Cheap test: can this unpunctuated sentence be a question at all?"""
    if "-" in body or "est ce" in body or body.endswith(rules.question_cue_endings):
        return True
    if (keys is None or not rules.question_cues.isdisjoint(keys)) and not (
        rules.question_cues.isdisjoint(words_of(body))
    ):
        return True
    if rules.question_cue_pattern.search(body):
        return True
    if not any(cue in body for cue in rules.asked_cues):
        return False  # no "you" at all: nothing said about the listener
    # « salut léa t'as eu des nouvelles », « ok tu l'as envoyé »: after a greeting or a filler
    hello = rules.hello_name.match(body)
    rest = rules.defilled(body[hello.end() :] if hello else body)
    return rules.asked_statement.match(rest) is not None


def _curious(core: str, rules: Rules, keys: Keys | None) -> bool:
    """ "I wonder what YOU..." invites the listener; "I wonder how they..." muses."""
    return bool(rules.curious.search(core, keys)) and bool(rules.listener.search(core))


def sentence_question(
    body: str,
    mark: str,
    rules: Rules,
    first: bool = True,
    keys: Keys | None = None,
    core: str | None = None,
) -> str | None:
    """ "open", "closed", "tag", "declarative" or None for one sentence (fillers included).

    "declarative" is a statement said with a question mark ("So you're sick of this?"):
    a closed question, which may also be a reflection.
    """
    if mark == "!":  # "Quel temps !", "What a day!": exclamations, not questions
        # except an affirmation closed by a tag (« ça va rouler, c'est évident, hein ! »)
        return "tag" if body.endswith((", hein", " hein", ", non", ", right")) else None
    has_mark = mark in ("?", "?!")
    if not has_mark and not _may_ask(body, rules, keys):
        return None
    if core is None:  # classify() passes the one it already stripped
        core = rules.defilled(body)
    hello = rules.hello_name.match(body)
    if hello:
        core = _past_name(body[hello.end() :], core, has_mark, rules)
    early = rules.not_asked.match(core) if core else None  # one regex for three rules
    if early is not None and early.lastgroup == "tag":
        return "tag"  # "Isn't it?", « N'est-ce pas ? »: asks for agreement
    if early is not None and early.lastgroup == "exclamation":
        return None  # "What a week, huh?", "What happened was...": not asked
    search = early if early is not None and len(core.split()) <= 8 else None
    if search and not rules.listener.search(core, search.end()):
        rest = rules.defilled(core[search.end() :].lstrip(" ,"))
        if not (rest and _core_form(rest, has_mark, rules)):
            return None  # "what's the word", « comment dit-on »: talking to oneself
    if has_mark and (not core or rules.backchannel.fullmatch(core) or rules.echo.fullmatch(core)):
        # "Really?", "Ah bon ?", a lone "Yeah?": interest or a hearing check, except a tag
        # that closes a statement of the same speaker ("You did it. Right?")
        return "tag" if not first and rules.tag_end.search(_tail(body)[0]) else None
    if not core or rules.agreement.match(body) or rules.echo.fullmatch(core):
        return None  # "So do we.", "Isn't that strange." (no question mark: exclamative)
    if rules.backchannel.fullmatch(core):
        return None  # "Is that right." without its "?" is the same backchannel as with it
    clauses = [c for c in core.split(", ") if c.strip()]
    if len(clauses) > 1 and any(
        rules.reported.search(c) and not _core_form(rules.defilled(c), True, rules)
        for c in clauses[:-1]
    ):
        return None  # "I said, since when?": a quoted question (not « qu'est-ce que tu lui dirais, … »)
    if len(clauses) > 2:
        kept = [clauses[0]]  # a sentence may open on it: "What is it, deep down, that...?"
        kept += [c for c in clauses[1:-1] if not _hesitation(rules.defilled(c), rules)]
        if len(kept) < len(clauses) - 1:  # "it was, when was it, last May": a search aloud
            clauses = [*kept, clauses[-1]]
            core = ", ".join(clauses)
    if has_mark and _is_tag(core, rules):
        return "tag"
    if (
        not has_mark
        and len(core.split()) >= 3
        # « Pas vraiment, non. » answers
        and not (len(core.split()) <= 5 and core.startswith(_SHORT_ANSWERS))
        and rules.tag_no_mark.search(_tail(core)[0])
    ):
        return "tag"  # "It got some awards, didn't it." (speech transcripts drop the "?")
    if has_mark:
        last_core = rules.defilled(clauses[-1])
        last = _core_form(last_core, True, rules)
        if last and len(clauses) > 1 and _subordinate(last_core, rules):
            # "What does it feel like, when you can't have one?": the time clause asks nothing
            last = _leading_forms(clauses[:-1], True, rules, keys) or last
        if last:
            return last
        if len(clauses) > 1 and not _DECLARATIVE.match(last_core):
            form = _leading_forms(clauses[:-1], True, rules, keys)
            if form:
                return form
        if rules.indirect_closed.search(core, keys):
            return "closed"  # "I don't know if you've heard of it?"
        preface = len(clauses) > 1 and rules.open_prompt.fullmatch(rules.defilled(clauses[0]))
        if (
            (_curious(core, rules, keys) and not preface)  # « dis-moi, tu as relancé… ? » is closed
            or rules.open_aux.match(core)  # « il y a autre chose ? » asks like « autre chose ? »
            or rules.open_embedded.search(core, keys)
        ):
            return "open"
        if _open_inside(core, clauses, rules, keys):
            return "open"  # "If you had a free day, what would you do first, say?"
        for clause in clauses[-1:-4:-1]:  # « t'as fait comment ? », « il t'a dit quoi, au juste ? »
            if any(word in clause for word in rules.wh_end_words):
                end = rules.wh_end.search(clause)
                if end is not None:
                    return _wh_end_form(end.group(), rules)
        # "On one hand you..., but on the other hand...?", "..., as you said?": reflections (MITI);
        # "3?? we said 15!", « 2 sur 4 ?! »: surprise, nothing asked
        if mark == "?!" or rules.rising_reflection.search(core):
            return None
        return "declarative"
    form = _leading_forms(clauses, False, rules, keys)
    if form:
        return form
    # a question after a preamble ("..., where do you fall?"); a wh- clause deep inside a long
    # sentence is embedded or a search aloud ("it depends on, uh, how much the job, the commute,
    # the kids take"): only one near the end asks
    cores = [rules.defilled(clause) for clause in clauses]
    for i, core_clause in enumerate(cores[1:], 1):
        if rules.open_prompt.match(core_clause) or (
            rules.wh_no_mark.match(core_clause)
            and not _RELATIVE.match(core_clause)
            and sum(1 for later in cores[i + 1 :] if later) <= 1
        ):
            return "closed" if _closed_wh(core_clause, rules) else "open"
    if rules.indirect_closed.search(core, keys):
        return "closed"  # "I don't know if you've tried it", « je ne sais pas si tu connais »
    if _curious(core, rules, keys):
        return "open"
    # the interrogative word last, in the last clause or before a dislocated complement
    # (« tu veux en faire quoi, de celui sans nouvelles »)
    if clauses[-1] == "quoi":
        clauses = clauses[:-1] or clauses  # « Enfin, les notes, quoi. »: spoken filler
    for last in clauses[-1:-3:-1]:
        if last == "quoi":
            continue
        if any(word in last for word in rules.wh_end_words):
            end = rules.wh_end.search(last)
            if end is not None:
                return _wh_end_form(end.group(), rules)
    run_on = _run_on_question(core, rules)
    if run_on == _QUOTED:
        return None
    if run_on is not None:
        return run_on
    tail = _after_last_and(clauses[-1])
    if rules.check_end.search(core) or (tail and rules.check_end.search(tail)):
        return "closed"  # « …sur excel c'est ça », "…thursday at two does that work for you"
    if tail and any(word in tail for word in rules.wh_end_words):
        end = rules.wh_end.search(tail)  # « …et ta femme elle en pense quoi de tout ça »
        if end is not None:
            return _wh_end_form(end.group(), rules)
    if not mark and _asked_statement(core, rules):
        return _ASKED  # closed, unless the turn praises (classify decides)
    return None


def _after_last_and(clause: str) -> str:
    """In a run-on sentence, what follows its last « et » / "and": often a question of its own
    (« …hors ligne et votre mari il est à l'aise avec le téléphone ou pas trop »)."""
    cut, word = max((clause.rfind(word), word) for word in (" et ", " and "))
    tail = clause[cut + len(word) :] if cut > 0 else ""
    return tail if len(tail.split()) >= 3 else ""


def _asked_statement(core: str, rules: Rules) -> bool:
    """An unpunctuated statement about what the listener did or lives (« t'as eu des nouvelles
    de la salle »): asked, since the speaker cannot know it. Short, and not negated."""
    return (
        len(core.split()) <= 14
        and rules.asked_statement.match(core) is not None
        and rules.negation.search(core) is None
    )


def _wh_end_form(asked: str, rules: Rules) -> str:
    """A question ending on its interrogative word: closed when that word asks a fact
    (« tu pars quand », « c'est quel budget »), open otherwise (« tu le vis comment »)."""
    if rules.wh_end_open.search(asked):
        return "open"  # « t'en es où »: where one stands, told in one's own words
    for word in asked.split():
        if word in rules.wh_end_words or word in rules.wh_end_closed:
            return "closed" if word in rules.wh_end_closed else "open"
    return "open"


def _past_name(after_name: str, core: str, has_mark: bool, rules: Rules) -> str:
    """ "hey omar how did it go", « salut karim comment ça va »: a greeting and a name before
    the question, without a comma; the name is skipped only when a question follows."""
    rest = rules.defilled(after_name)
    if rest and (
        _core_form(rest, has_mark, rules) or (not has_mark and _asked_statement(rest, rules))
    ):
        return rest
    return core


def _unquoted(sentences: list[tuple[str, str]], kinds: list[str | None]) -> list[str | None]:
    """A question inside quotation marks is quoted, not asked of the listener ("Your boss tells
    you, "why bother?"", « Tu te dis : "à quoi bon ?" »): only its shape is a question."""
    out, inside = [], False
    for (body, _mark), kind in zip(sentences, kinds, strict=True):
        for char in body:
            if char == '"':
                inside = not inside
            elif char in "«“":
                inside = True
            elif char in "»”":
                inside = False
        out.append(None if inside else kind)
    return out


# A span in single quotes ("she goes 'since when are you so expensive?'"): opened after a space,
# closed before a space or punctuation, with apostrophes only between letters inside, so that
# "'cause", "I've" or « l'offre » never open one.
_SINGLE_QUOTED = re.compile(
    r"(?:^|(?<=\s))'((?:[^'\s]|\s(?!')|(?<=\w)'(?=\w))+?)'(?=\s|$|[.,!?;:])"
)


def _answered_or_reacted(
    kinds: list[str | None], sentences: list[tuple[str, str]], cores: list[str], rules: Rules
) -> list[str | None]:
    """Within one turn, a question the speaker answers himself ("And you know what got me
    unstuck? A book.") and a short echo he reacts to at once ("Eleven? Okay.", « 2 sur 4 ? Bravo. »)
    ask nothing of the other."""
    out = list(kinds)
    for i, (kind, core, (body, _mark)) in enumerate(zip(kinds, cores, sentences, strict=True)):
        if i == len(kinds) - 1 or kind is None or kind == "tag":
            continue
        if (
            kind == "declarative"
            and len(core.split()) <= 4
            and not rules.listener.search(core)
            and not _VERBAL.search(core)  # « 30 c'est pas mieux ? J'ai peur… » still asks
            and not rules.persuasion.search(core)  # "Same time next month? And…" proposes
        ):
            out[i] = None
        elif rules.rhetorical.match(body):  # with its fillers: "you know" opens it
            out[i] = None
    return out


def _open_inside(core: str, clauses: list[str], rules: Rules, keys: Keys | None) -> bool:
    """An open question after a preamble, in a sentence that ends on a statement: an
    unambiguous interrogative clause (« ..., qu'est-ce que ce serait, par exemple ? ») or an
    inversion ("..., what would you do first, say?")."""
    for clause in clauses[1:]:
        clause = rules.defilled(clause)
        if rules.wh_no_mark.match(clause) and not _RELATIVE.match(clause):
            return _core_form(clause, False, rules) == "open"
    if keys is not None and rules.question_cues.isdisjoint(keys):
        return False  # no interrogative word: nothing open to find (a cheap set test)
    return _run_on_question(core, rules) == "open"


def _subordinate(clause: str, rules: Rules) -> bool:
    """A time or place clause with no inversion ("when you get home", « quand tu rentres »),
    which only qualifies the question before it."""
    return bool(rules.time_place.match(clause)) and not rules.wh_no_mark.match(clause)


def _hesitation(clause: str, rules: Rules) -> bool:
    """A short clause searching for a word or a fact aloud, inside a longer sentence."""
    return len(clause.split()) <= 5 and bool(
        rules.hesitation.fullmatch(clause) or rules.word_search.match(clause)
    )


# a copula or a negation: a short sentence with one is a statement asked, not an echo
_VERBAL = re.compile(
    r"(?<![\w'])(?:c'est|est|sont|is|are|was|were|pas|not)(?![\w'])|'s\b|'re\b|n't\b"
)

_SHORT_ANSWERS = ("pas ", "non ", "oui ", "not ", "no ", "yes ")

_QUOTED = "quoted"  # what _run_on_question says of a question reported from someone else
_ASKED = "asked"  # an unpunctuated statement about the listener, asked (see _asked_statement)
# « t'as assuré », « t'as géré » praise what the other did: nothing asked
_PRAISING = frozenset(("affirmation", "ownership_returned", "credit_taken", "gratitude"))


def _run_on_question(core: str, rules: Rules) -> str | None:
    """A question inside a run-on sentence (speech recognition): an inversion gives it away
    ("... what would that mean for you"), or a marker then a question ("... so what brings
    you here"). Imperatives that look like inversions ("asseyez-vous") do not count."""
    inverted = search_at_word_start(rules.inverted_anywhere, core)
    while inverted is not None:
        rest = core[inverted.start() :]
        before = core[: inverted.start()].rstrip()
        if rules.reported.search(before):
            return _QUOTED  # "and she said how did you know": the rest is quoted
        clause_head = (
            before
            and before.rsplit(" ", 1)[-1] in rules.not_asking_before
            and rest.split(" ", 1)[0] in rules.not_asking_heads
        )
        if not rules.not_inversion.match(rest) and not clause_head:
            return _core_form(rest, False, rules) or "closed"
        inverted = search_at_word_start(rules.inverted_anywhere, core, inverted.end())
    for marker in rules.marker_then_wh.finditer(core):
        start = marker.start()
        if start and (core[start - 1].isalnum() or core[start - 1] in "'-"):
            continue
        form = _core_form(core[marker.end() :], False, rules)
        if form:
            return form
    return None


def _preamble(body: str, mark: str, rules: Rules) -> str:
    """The clauses of a question sentence that come before its question."""
    clauses = rules.defilled(body).split(", ")
    for i, clause in enumerate(clauses):
        if _core_form(rules.defilled(clause), mark in ("?", "?!"), rules):
            return ", ".join(clauses[:i])
    return ", ".join(clauses[:-1])


def utterance_question(kinds: list[str | None]) -> str | None:
    """One type for the utterance: open wins over closed; a tag only when nothing else."""
    real = [k for k in kinds if k in ("open", "closed")]
    if "declarative" in kinds:
        # counted as a question even when it also reflects: a listener hears a question
        real.append("closed")
    if real:
        return "open" if "open" in real else "closed"
    return "tag" if "tag" in kinds else None


def classify(
    text: str, rules: Rules, follows_other: bool = True, continues_turn: bool = False
) -> tuple[str | None, list[str], str]:
    """Question type, acts, and normalised text of one utterance.

    `follows_other` is False when the speaker's turn opened the conversation: there is then
    nothing of the other's to reflect. `continues_turn` is True when the previous utterance
    was the same speaker's: a lone "Right?" then closes their statement (a tag).
    """
    norm = normalize(text, rules.code)
    if rules.unaccented is not None and (norm.isascii() or not _ACCENTED.search(norm)):
        rules = rules.unaccented  # « grace a ma methode »: typed without a single accent
    sentences = split_sentences(norm)
    keys = word_keys(norm)
    cores = [rules.defilled(body) for body, _mark in sentences]
    # a lone "Right?" is a tag only after a statement: "Mm. Yeah?" checks, it closes nothing
    # whether a sentence opens the turn, kept as we go (`any(cores[:i])` was quadratic)
    kinds: list[str | None] = []
    said = continues_turn
    for (body, mark), core in zip(sentences, cores, strict=True):
        kinds.append(sentence_question(body, mark, rules, not said, keys, core))
        said = said or bool(core)
    if '"' in norm or "«" in norm or "“" in norm:
        kinds = _unquoted(sentences, kinds)
    elif " '" in norm or norm.startswith("'"):
        quoted = _SINGLE_QUOTED.sub(r'"\1"', norm)
        if quoted != norm:
            kinds = _unquoted(split_sentences(quoted), kinds)
    found = rules.act_index.acts_in(norm, keys)
    # what only a last sentence with no final mark at all can say (« Tu l'as envoyé. » tells, and
    # so does a trailing comma, a cut-off fragment)
    unstopped = norm.rstrip()[-1:].isalnum()
    if _ASKED in kinds:
        # not a sentence that praises (« t'as géré »; « 10 c top. et t'as vu le match » still asks)
        last_acts = rules.act_index.acts_in(cores[-1], word_keys(cores[-1])) if found else found
        asked = unstopped and not last_acts & _PRAISING
        last = len(kinds) - 1
        kinds = [
            ("closed" if asked and i == last else None) if kind == _ASKED else kind
            for i, kind in enumerate(kinds)
        ]
    if unstopped and kinds and kinds[-1] is None and rules.tag_unstopped.search(cores[-1]):
        kinds[-1] = "tag"  # "...compared to two lost days right"
    if len(sentences) > 1:
        kinds = _answered_or_reacted(kinds, sentences, cores, rules)
    # advice in a question's preamble still counts ("Based on your chart, ..., do you see?")
    statements = " . ".join(
        body
        if kind in (None, "tag", "declarative")
        else (_preamble(body, mark, rules) if ", " in body else "")
        for (body, mark), kind in zip(sentences, kinds, strict=True)
    ).strip(" .")
    plain = [core for core, kind in zip(cores, kinds, strict=True) if kind is None and core]
    pushes = (
        (bool(statements) and bool(rules.input.search(statements, keys)))
        or bool(rules.persuasion.search(norm, keys))
        or any(rules.advice_start.match(core) for core in plain)  # "Try to...", « Essayez »
    )
    greets = is_greeting(norm, rules)
    own_story = any(_self_disclosure(core, rules) for core in plain)
    blocked = found & NOT_REFLECTIVE
    if greets and len(sentences) == 1:
        blocked = blocked | {"greeting"}  # "Enjoy the rest of your day!" gives nothing back
    reflects = (
        follows_other
        and not pushes
        and (
            (
                _reflects(sentences, cores, kinds, rules, keys)
                or _speaks_of_the_other(plain, kinds, own_story, rules)
            )
            if not blocked
            # "Great. So you've come up with reasons to stop.": praise in one sentence, a
            # reflection in another; a pleasing act spoils the whole turn
            else (
                len(sentences) > 1
                and not blocked & PLEASING
                and _reflects(sentences, cores, kinds, rules, keys)  # cheap pass first
                and _reflects(sentences, cores, kinds, rules, keys, skip_praise=True)
            )
        )
    )
    if "permission" in found and "open" in kinds:
        kinds = _permission_asked(kinds, cores, rules, keys)
    question = utterance_question(kinds)
    if question == "open" and rules.closed_anywhere.search(norm, keys):
        question = "closed"  # "On a scale of 0 to 10, how ready are you?": a number
    acts: list[str] = []
    if question in ("open", "closed"):
        acts.append("question")
        if "needs_question" in found:
            acts.append("needs_question")
    if reflects:
        acts.append("reflection")
    for name in ("self_promotion", "competitor", "own_offer"):
        if name in found:
            acts.append(name)
            pushes = True
    if pushes:
        acts.append("input")
    acts.extend(name for name in WHOLE_TEXT_ACTS[4:] if name in found)
    if own_story and not pushes and "ownership_returned" not in found:
        # talks about himself ("Moi j'étais au match samedi"), not "I only asked, you did it"
        acts.append("self_disclosure")
    if greets:
        acts.append("greeting")
    return question, acts, norm


def _permission_asked(
    kinds: list[str | None], cores: list[str], rules: Rules, keys: Keys
) -> list[str | None]:
    """ "Is it okay if I share how I work?" asks leave, yes or no, whatever follows the "if"."""
    return [
        "closed" if kind == "open" and rules.permission.search(core, keys) else kind
        for kind, core in zip(kinds, cores, strict=True)
    ]


# Pleasing acts: one of them in a turn makes none of its sentences a reflection.
PLEASING = frozenset(
    {"small_talk", "self_promotion", "credit_taken", "assumption", "own_offer", "competitor"}
)

# Acts that make a statement something else than giving back what the other said.
NOT_REFLECTIVE = frozenset(
    {
        "small_talk",
        "affirmation",
        "ownership_returned",  # credit handed back praises, it does not give back
        "gratitude",
        "greeting",
        "self_promotion",
        "credit_taken",
        "assumption",
        "own_offer",
        "competitor",
    }
)


def _speaks_of_the_other(
    plain: list[str], kinds: list[str | None], own_story: bool, rules: Rules
) -> bool:
    """After the other spoke, a plain statement of three words or more that is neither about
    the speaker, nor own content, nor social talk, puts the other's experience into words
    (MITI: a reflection). Questions, and replies telling the speaker's own story, do not."""
    if own_story or any(k in ("open", "closed") for k in kinds):
        return False
    return any(
        len(core.split()) >= 3
        and not rules.self_start.match(core)
        and not _asks_like(core, rules)
        and not rules.not_inversion.match(core)  # « tiens-moi au courant »: a request
        and not is_greeting(core, rules)  # "Good luck tomorrow, and see you Thursday."
        for core in plain
    )


def _asks_like(core: str, rules: Rules) -> bool:
    """Opens or ends on an interrogative word: a question missed, not a reflection."""
    return bool(rules.wh_no_mark.match(core)) or core.rsplit(" ", 1)[-1] in rules.wh_end_words


_THANKS = ("merci", "thank", "thanks")


def _self_disclosure(core: str, rules: Rules) -> bool:
    if ", " in core and not rules.self_start.match(core):
        head, _, rest = core.partition(", ")
        if 0 < head.count(" ") <= 1 or (head and " " not in head):
            core = rules.defilled(rest)  # "Oh man, I was in Florida…", « Ah la mer, moi… »
    return (
        len(core.split()) >= 4
        and bool(rules.self_start.match(core))
        and not core.startswith(_THANKS)  # « merci à toi de m'avoir tenu au courant »
        and not rules.empathy_start.match(core)
        and not is_greeting(core, rules)
    )


def _reflects(
    sentences: list[tuple[str, str]],
    cores: list[str],
    kinds: list[str | None],
    rules: Rules,
    keys: Keys,
    skip_praise: bool = False,
) -> bool:
    """Gives back what the other said: a reflective opening, or a summary ("So ...").
    With `skip_praise`, sentences that praise, thank or greet do not count."""
    for (body, _mark), core, kind in zip(sentences, cores, kinds, strict=True):
        if not core or kind in ("open", "closed"):
            continue  # a wh- or yes/no question asks, it does not give back
        if skip_praise and rules.act_index.acts_in(core, word_keys(core)) & NOT_REFLECTIVE:
            continue
        if rules.reflection_anywhere.search(core, keys) or rules.reflection_start.match(core):
            return True
        if rules.summary_start.match(body) and len(core.split()) >= 2:
            return True
    return False


def content_words(text: str, rules: Rules) -> frozenset[str]:
    """The words that carry a turn's content: five letters or more, accents folded, without the
    language's common long words (« alors », "really")."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = fold_accents(lowered)  # once for the whole text, not word by word
    return frozenset(
        word for word in words_of(lowered) if len(word) >= 5 and word not in rules.echo_stopwords
    )


def echoes_before_asking(norm: str, other_turn: str, rules: Rules) -> bool:
    """A short fragment taking up the other's words, then a question (« Du chêne massif, tout à
    la main... Et quand tu baisses ton prix, il se passe quoi pour toi ? », "Too expensive, three
    times in a row. What did that do to you?"): the fragment gives back what was said."""
    sentences = split_sentences(norm)
    # a question or an exclamation first ("3 at the new rates!") gives nothing back
    if len(sentences) < 2 or sentences[0][1]:
        return False
    core = rules.defilled(sentences[0][0])
    words = core.split()
    if not words or len(words) > 8 or any(c.isdigit() for c in core):
        return False  # "Tuesday 6pm works." confirms a time, it gives nothing back
    # « J'ai eu la même chose. », "It doesn't sound silly to me.": the speaker's own
    if not rules.self_pronouns.isdisjoint(words) or rules.self_start.match(core):
        return False
    return not content_words(core, rules).isdisjoint(content_words(other_turn, rules))


def is_greeting(norm: str, rules: Rules) -> bool:
    """Opens on a greeting (a question may follow) or says goodbye somewhere in the turn."""
    stripped = norm.strip(" .!,")
    if rules.greeting.match(stripped):
        return True
    # a farewell ends the turn: its last 60 characters or so are enough, and cheaper to scan
    tail = stripped.rfind(" ", 0, max(0, len(stripped) - 60)) + 1
    return bool(
        rules.farewell.search(stripped, tail) or rules.farewell_leaving.search(stripped, tail)
    )
