"""Interface text in French (default) and English: help, errors, report labels.

The interface language follows --ui-lang, else the LANG environment variable, else French.
Feedback sentences live in the language modules instead: they follow the conversation.
"""

from __future__ import annotations

import os
from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "prog_description": (
            "Analyse une conversation (appel, séance, fil SMS) : la personne évaluée a-t-elle "
            "servi l'autre ou cherché à plaire ?"
        ),
        "help_paths": "fichiers de transcription ou dossiers (.txt, .vtt, .srt, .json, .jsonl, .csv)",
        "help_focus": "personne évaluée (sinon : celle qui pose le plus de questions)",
        "help_lang": "langue de la conversation (défaut : auto)",
        "help_format": "format d'entrée, sinon détecté automatiquement",
        "help_lexicon": "fichier JSON ou YAML : {products: [...], competitors: [...]}",
        "help_frame": (
            "call : appel ou séance transcrite (repères de vente) ; coaching : suivi par SMS "
            "(le mérite rendu compte, pas le temps de parole) ; auto : call"
        ),
        "help_json": "écrit le rapport JSON dans OUT (« - » pour la sortie standard)",
        "help_html": "écrit un rapport HTML autonome dans OUT",
        "help_summary": "plusieurs fichiers : écrit un CSV, une ligne par conversation",
        "help_ui_lang": "langue de l'interface (défaut : variable LANG, sinon français)",
        "help_max_mb": "taille maximale d'un fichier en Mo (défaut : 50, ou ANCRAGE_ANALYSIS_MAX_MB)",
        "help_workers": "nombre de processus en mode lot (défaut : tous les cœurs)",
        "help_quiet": "n'affiche pas le rapport dans le terminal",
        "help_help": "affiche cette aide et quitte",
        "usage_prefix": "usage : ",
        "positionals": "arguments",
        "optionals": "options",
        "epilog": (
            "Codes de sortie : 0 analysé, 1 entrée invalide, 2 usage, 3 analysé avec un "
            "avertissement (un seul intervenant), 4 erreur interne."
        ),
        "error": "Erreur",
        "warning": "Attention",
        "missing_file": "fichier introuvable : {path}",
        "is_directory": "{path} est un dossier vide ou sans transcription reconnue",
        "too_large": (
            "{path} fait {size_mb:.1f} Mo, au-delà de la limite de {max_mb:.0f} Mo. Découpez le "
            "fichier ou relevez la limite avec --max-mb (ou ANCRAGE_ANALYSIS_MAX_MB)."
        ),
        "too_many_utterances": (
            "Cette transcription compte {count} interventions, au-delà de la limite de {max} par "
            "analyse. Découpez-la en plusieurs fichiers (un par séance), ou utilisez "
            "`ancrage analyze`."
        ),
        "too_many_speakers": (
            "Cette transcription compte {count} intervenants différents, au-delà de la limite de "
            "{max}. Vérifiez le format (« Prénom : texte » sur chaque ligne) ou découpez le fichier."
        ),
        "utterance_too_long": (
            "L'intervention n° {index} ({speaker}) fait {chars} caractères, au-delà de la limite "
            "de {max}. Vérifiez le format : chaque prise de parole commence-t-elle par « Nom : » ?"
        ),
        "too_slow": (
            "L'analyse a dépassé le temps accordé à un fichier (arrêtée après {done} interventions "
            "sur {total}). Découpez la transcription, ou utilisez `ancrage analyze`."
        ),
        "binary_file": "{path} n'est pas un fichier texte (octets nuls trouvés)",
        "undecodable": (
            "{path} : encodage illisible (essayé UTF-8, UTF-8 avec BOM, cp1252). Enregistrez le "
            "fichier en UTF-8."
        ),
        "unknown_format": "format inconnu « {fmt} » ; formats possibles : {formats}",
        "empty": "{path} est vide : aucune parole à analyser",
        "no_speakers": (
            "{path} : aucun nom d'intervenant trouvé ({fmt}). Attendu : des lignes « Nom : "
            "paroles », des balises <v Nom> ou des préfixes « Nom: » dans les sous-titres."
        ),
        "malformed": "{path} : {fmt} mal formé à la ligne {line}",
        "json_shape": (
            '{path} : JSON attendu sous la forme {{"utterances": [...]}} ou une liste d\'objets '
            '{{"speaker", "text"}}'
        ),
        "bad_record": '{path} : l\'élément {item} n\'est pas un objet {{"speaker", "text"}}',
        "record_no_speaker": "{path} : l'élément ou la ligne {item} n'a pas de « speaker »",
        "record_no_text": "{path} : l'élément ou la ligne {item} n'a pas de « text »",
        "bad_time": "{path} : temps invalide « {value} » (élément ou ligne {item}), en secondes",
        "csv_header": (
            "{path} : en-tête CSV attendu « speaker,text[,start,end] », trouvé : {found}"
        ),
        "missing_lexicon": "lexique introuvable : {path}",
        "bad_lexicon": "{path} : le lexique doit contenir des listes « products » et « competitors »",
        "bad_lexicon_syntax": "{path} : lexique JSON/YAML mal formé à la ligne {line}",
        "unknown_focus": "intervenant « {focus} » inconnu ; intervenants : {speakers}",
        "unknown_language": "langue « {lang} » non prise en charge (fr, en)",
        "unknown_frame": "cadre « {frame} » inconnu ({frames})",
        "one_speaker": (
            "un seul intervenant : les indicateurs qui demandent l'autre partie (écoute, "
            "reformulations, récits) ne sont pas mesurables ; code de sortie 3."
        ),
        "focus_given": "{focus} (choisi avec --focus)",
        "focus_most_questions": "{focus} : pose le plus de questions ({count})",
        "focus_leads": "{focus} : mène l'échange (questions, encouragements, offre, suppositions : {count})",
        "focus_opened": "{focus} : ouvre la conversation (personne ne pose de question)",
        "title": "Analyse de conversation",
        "score": "Score de service",
        "language": "Langue",
        "frame": "Cadre",
        "frame_call": "appel (repères de vente et d'entretien)",
        "frame_coaching": "suivi de coaching (les repères de vente ne s'appliquent pas)",
        "evidence": "mots qui ont pesé",
        "from_context": "vu avec le reste de l'échange",
        "from_context_help": (
            "la phrase seule ne suffirait pas : ce que cette personne dit ailleurs dans l'échange "
            "a décidé"
        ),
        "focus": "Personne évaluée",
        "speakers": "Intervenants",
        "indicator": "Indicateur",
        "indicators": "Indicateurs",
        "value": "Valeur",
        "benchmark": "Repère",
        "points": "Points",
        "feedback": "Trois points utiles",
        "utterance": "Énoncé",
        "talk_over_time": "Part de parole cumulée au fil de l'échange",
        "utterances": "Énoncés",
        "legend": "Légende",
        "batch_progress": "Analyse",
        "batch_done": "{ok} conversation(s) analysée(s), {failed} en échec",
        "summary_written": "Résumé écrit dans {path}",
        "written": "Écrit : {path}",
        "no_inputs": "aucun fichier de transcription trouvé dans {path}",
        "cannot_write": "impossible d'écrire {path} : {reason}",
        "file": "Fichier",
        "status": "État",
        "help_dask": (
            "lance le lot sur un cluster Dask dont l'ordonnanceur est à ADDRESS "
            "(tcp://hôte:8786 ; pip install 'ancrage[dask]')"
        ),
        "dask_missing": (
            "--dask demande l'extension Dask, absente de cette installation : "
            "pip install 'ancrage[dask]'"
        ),
        "dask_bad_address": "adresse Dask invalide « {address} » ({reason}) ; attendu : tcp://hôte:8786",
        "dask_unreachable": (
            "ordonnanceur Dask injoignable à {address} (pas de réponse en {seconds:.0f} s) : "
            "vérifiez l'adresse et que `dask scheduler` y tourne"
        ),
        "dask_no_workers": (
            "aucun worker n'est connecté à l'ordonnanceur {address} (attendu {seconds:.0f} s) : "
            "lancez `dask worker {address}` sur chaque machine"
        ),
        "dask_worker_missing": (
            "ancrage n'est pas installé sur {count} worker(s) du cluster ({workers}) : installez "
            "sur chacun la même version qu'ici (ancrage {version}) avec pip install 'ancrage[dask]'"
        ),
        "dask_worker_version": (
            "les workers du cluster ont ancrage {found}, cette machine ancrage {version} : "
            "installez la même version partout avec pip install 'ancrage[dask]'"
        ),
    },
    "en": {
        "prog_description": (
            "Analyze a conversation (call, session, SMS thread): did the assessed person serve "
            "the other, or try to please?"
        ),
        "help_paths": "transcript files or folders (.txt, .vtt, .srt, .json, .jsonl, .csv)",
        "help_focus": "assessed speaker (default: whoever asks the most questions)",
        "help_lang": "conversation language (default: auto)",
        "help_format": "input format, detected automatically otherwise",
        "help_lexicon": "JSON or YAML file: {products: [...], competitors: [...]}",
        "help_frame": (
            "call: a call or transcribed session (sales benchmarks); coaching: an SMS follow-up "
            "(credit handed back counts, talk share does not); auto: call"
        ),
        "help_json": "write the JSON report to OUT ('-' for standard output)",
        "help_html": "write a self-contained HTML report to OUT",
        "help_summary": "several files: write a CSV with one row per conversation",
        "help_ui_lang": "interface language (default: LANG variable, else French)",
        "help_max_mb": "largest file accepted, in MB (default 50, or ANCRAGE_ANALYSIS_MAX_MB)",
        "help_workers": "processes in batch mode (default: all cores)",
        "help_quiet": "do not print the report in the terminal",
        "help_help": "show this help and exit",
        "usage_prefix": "usage: ",
        "positionals": "arguments",
        "optionals": "options",
        "epilog": (
            "Exit codes: 0 analyzed, 1 invalid input, 2 usage, 3 analyzed with a warning "
            "(one speaker only), 4 internal error."
        ),
        "error": "Error",
        "warning": "Warning",
        "missing_file": "file not found: {path}",
        "is_directory": "{path} is a folder with no recognised transcript",
        "too_large": (
            "{path} is {size_mb:.1f} MB, above the {max_mb:.0f} MB limit. Split the file or raise "
            "the limit with --max-mb (or ANCRAGE_ANALYSIS_MAX_MB)."
        ),
        "too_many_utterances": (
            "This transcript has {count} utterances, above the limit of {max} per analysis. Split "
            "it into several files (one per session), or use `ancrage analyze`."
        ),
        "too_many_speakers": (
            "This transcript has {count} different speakers, above the limit of {max}. Check the "
            'format ("Name: text" on each line) or split the file.'
        ),
        "utterance_too_long": (
            "Utterance #{index} ({speaker}) is {chars} characters long, above the limit of {max}. "
            'Check the format: does each turn start with "Name:"?'
        ),
        "too_slow": (
            "The analysis ran over the time allowed for one file (stopped after {done} of {total} "
            "utterances). Split the transcript, or use `ancrage analyze`."
        ),
        "binary_file": "{path} is not a text file (NUL bytes found)",
        "undecodable": (
            "{path}: unreadable encoding (tried UTF-8, UTF-8 with BOM, cp1252). Save the file "
            "as UTF-8."
        ),
        "unknown_format": "unknown format '{fmt}'; possible formats: {formats}",
        "empty": "{path} is empty: nothing to analyze",
        "no_speakers": (
            "{path}: no speaker names found ({fmt}). Expected 'Name: words' lines, <v Name> "
            "voice tags or 'Name:' cue prefixes."
        ),
        "malformed": "{path}: malformed {fmt} at line {line}",
        "json_shape": (
            '{path}: expected JSON {{"utterances": [...]}} or a list of {{"speaker", '
            '"text"}} objects'
        ),
        "bad_record": '{path}: item {item} is not a {{"speaker", "text"}} object',
        "record_no_speaker": "{path}: item or line {item} has no 'speaker'",
        "record_no_text": "{path}: item or line {item} has no 'text'",
        "bad_time": "{path}: invalid time '{value}' (item or line {item}), expected seconds",
        "csv_header": "{path}: expected CSV header 'speaker,text[,start,end]', found: {found}",
        "missing_lexicon": "lexicon not found: {path}",
        "bad_lexicon": "{path}: the lexicon needs 'products' and 'competitors' lists of names",
        "bad_lexicon_syntax": "{path}: malformed JSON/YAML lexicon at line {line}",
        "unknown_focus": "unknown speaker '{focus}'; speakers: {speakers}",
        "unknown_language": "unsupported language '{lang}' (fr, en)",
        "unknown_frame": "unknown frame '{frame}' ({frames})",
        "one_speaker": (
            "only one speaker: indicators that need the other side (listening, reflections, "
            "stories) cannot be measured; exit code 3."
        ),
        "focus_given": "{focus} (chosen with --focus)",
        "focus_most_questions": "{focus}: asks the most questions ({count})",
        "focus_leads": "{focus}: leads the exchange (questions, praise, offers, guesses: {count})",
        "focus_opened": "{focus}: opens the conversation (nobody asks a question)",
        "title": "Conversation analysis",
        "score": "Service score",
        "language": "Language",
        "frame": "Frame",
        "frame_call": "call (sales and interview benchmarks)",
        "frame_coaching": "coaching follow-up (sales benchmarks do not apply)",
        "evidence": "words that weighed",
        "from_context": "given the rest of the conversation",
        "from_context_help": (
            "the line alone would not be enough: what this speaker says elsewhere in the "
            "conversation decided"
        ),
        "focus": "Assessed speaker",
        "speakers": "Speakers",
        "indicator": "Indicator",
        "indicators": "Indicators",
        "value": "Value",
        "benchmark": "Benchmark",
        "points": "Points",
        "feedback": "Three useful points",
        "utterance": "Utterance",
        "talk_over_time": "Cumulative talk share over the conversation",
        "utterances": "Utterances",
        "legend": "Legend",
        "batch_progress": "Analyzing",
        "batch_done": "{ok} conversation(s) analyzed, {failed} failed",
        "summary_written": "Summary written to {path}",
        "written": "Written: {path}",
        "no_inputs": "no transcript file found in {path}",
        "cannot_write": "cannot write {path}: {reason}",
        "file": "File",
        "status": "Status",
        "help_dask": (
            "run the batch on a Dask cluster whose scheduler is at ADDRESS "
            "(tcp://host:8786; pip install 'ancrage[dask]')"
        ),
        "dask_missing": (
            "--dask needs the Dask extra, missing from this installation: "
            "pip install 'ancrage[dask]'"
        ),
        "dask_bad_address": "invalid Dask address '{address}' ({reason}); expected tcp://host:8786",
        "dask_unreachable": (
            "Dask scheduler unreachable at {address} (no answer within {seconds:.0f} s): check "
            "the address and that `dask scheduler` is running there"
        ),
        "dask_no_workers": (
            "no worker is connected to the scheduler at {address} (waited {seconds:.0f} s): "
            "start `dask worker {address}` on each machine"
        ),
        "dask_worker_missing": (
            "ancrage is not installed on {count} worker(s) of the cluster ({workers}): install "
            "the same version as here (ancrage {version}) on each with pip install 'ancrage[dask]'"
        ),
        "dask_worker_version": (
            "the cluster's workers have ancrage {found}, this machine ancrage {version}: install "
            "the same version everywhere with pip install 'ancrage[dask]'"
        ),
    },
}

INDICATOR_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "telling_share": "Contenu propre face aux questions et reformulations",
        "input_share": "Tours avec contenu propre (infos, conseils, persuasion)",
        "reflection_question_ratio": "Ratio reformulations / questions",
        "talk_share_words": "Part de parole (mots)",
        "open_question_share": "Part de questions ouvertes",
        "longest_monologue_words": "Plus long monologue (mots)",
        "pleasing_rate": "Comportements pour plaire (par tour)",
        "first_needs_question_position": "Première question sur les besoins (position)",
        "talk_share_time": "Part de parole (temps)",
        "questions": "Questions posées",
        "questions_per_100_words": "Questions pour 100 mots",
        "questions_per_10_min": "Questions pour 10 minutes",
        "longest_monologue_seconds": "Plus long monologue (secondes)",
        "other_longest_story_words": "Plus long récit de l'autre (mots)",
        "other_longest_story_seconds": "Plus long récit de l'autre (secondes)",
        "interactivity_per_min": "Interactivité (changements par minute)",
        "patience_seconds": "Patience (silence moyen avant de parler, s)",
        "assumption": "Suppositions",
        "self_promotion": "Autopromotion",
        "self_disclosure": "Parle de soi",
        "competitor": "Mentions de concurrents",
        "own_offer": "Mentions de sa propre offre",
        "credit_taken": "Mérite pris",
        "ownership_returned": "Mérite rendu",
        "tag_questions": "Fausses questions (« non ? »)",
        "small_talk_share_before_business": "Bavardage avant le premier sujet de fond",
        "other_focus_pronoun_share": "Pronoms tournés vers l'autre",
        "credit_returned_share": "Remerciements suivis du mérite rendu",
    },
    "en": {
        "telling_share": "Own content vs questions and reflections",
        "input_share": "Turns pushing own content (info, advice, persuasion)",
        "reflection_question_ratio": "Reflections-to-questions ratio",
        "talk_share_words": "Talk share (words)",
        "open_question_share": "Open-question share",
        "longest_monologue_words": "Longest monologue (words)",
        "pleasing_rate": "Pleasing behaviours (per turn)",
        "first_needs_question_position": "First needs question (position)",
        "talk_share_time": "Talk share (time)",
        "questions": "Questions asked",
        "questions_per_100_words": "Questions per 100 words",
        "questions_per_10_min": "Questions per 10 minutes",
        "longest_monologue_seconds": "Longest monologue (seconds)",
        "other_longest_story_words": "Other side's longest story (words)",
        "other_longest_story_seconds": "Other side's longest story (seconds)",
        "interactivity_per_min": "Interactivity (switches per minute)",
        "patience_seconds": "Patience (mean gap before speaking, s)",
        "assumption": "Assumptions",
        "self_promotion": "Self-promotion",
        "self_disclosure": "Talks about self",
        "competitor": "Competitor mentions",
        "own_offer": "Own-offer mentions",
        "credit_taken": "Credit taken",
        "ownership_returned": "Credit handed back",
        "tag_questions": "Tag questions ('right?')",
        "small_talk_share_before_business": "Small talk before the first business topic",
        "other_focus_pronoun_share": "Other-focused pronouns",
        "credit_returned_share": "Thanks answered by handing the credit back",
    },
}


# French wording of the benchmarks (score.py holds the English text, also used in JSON).
BENCHMARKS_FR: dict[str, str] = {
    "telling_share": "0 % idéal, >= 50 % faible (apports = questions + reformulations)",
    "input_share": "par tour, sans points : le score compte par comportement",
    "reflection_question_ratio": "MITI 4.2.1 : 1:1 correct, 2:1 bon",
    "talk_share_words": "Gong : meilleurs vendeurs ~43 %, moyenne 65-75 %",
    "open_question_share": "MITI 3.1.1 : 50 % correct, 70 % bon",
    "longest_monologue_words": "Gong : les longs monologues font perdre des ventes",
    "pleasing_rate": "0 idéal (suppositions, autopromotion, concurrents, mérite pris, bavardage)",
    "first_needs_question_position": "coaching : demander ses besoins dans le premier quart",
    "talk_share_time": "Gong : meilleurs vendeurs ~43 %",
    "questions": "Gong : 11 à 14 par appel de découverte, réparties",
    "questions_per_10_min": "Gong : 11 à 14 par appel de découverte",
    "longest_monologue_seconds": "Gong : les longs monologues font perdre des ventes",
    "other_longest_story_words": "plus c'est long, mieux c'est : l'autre parle",
    "other_longest_story_seconds": "plus c'est long, mieux c'est",
    "patience_seconds": "une pause avant de répondre montre l'écoute",
    "assumption": "0",
    "self_promotion": "0",
    "self_disclosure": "rare : l'autre au centre",
    "competitor": "moins que les mentions de sa propre offre",
    "credit_taken": "0",
    "ownership_returned": ">= 1 quand on vous remercie",
    "tag_questions": "rhétoriques, pas de la curiosité",
    "small_talk_share_before_business": "court",
    "other_focus_pronoun_share": "> 50 % garde l'autre au centre",
    "credit_returned_share": "coaching : répondre à un merci en rendant le mérite ou en saluant l'effort",
}


def benchmark_label(ui: str, key: str, english: str | None) -> str:
    if ui == "fr":
        return BENCHMARKS_FR.get(key, english or "")
    return english or ""


def ui_language(requested: str | None = None, environ: dict[str, str] | None = None) -> str:
    """--ui-lang wins, then LANG/LC_ALL/LC_MESSAGES starting with 'en'; French by default."""
    if requested in MESSAGES:
        return str(requested)
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value and not value.upper().startswith(("C.", "POSIX")) and value.upper() != "C":
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def message(ui: str, key: str, **params: Any) -> str:
    template = MESSAGES[ui].get(key) or MESSAGES["en"].get(key) or key
    try:
        return template.format(**params)
    except (KeyError, ValueError, IndexError):
        return template


def indicator_label(ui: str, key: str) -> str:
    return INDICATOR_LABELS[ui].get(key, key)


# What each act and question shape is called in the reports a person reads (the JSON keeps
# the codes).
ACT_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "question": "question",
        "needs_question": "demande les besoins",
        "reflection": "reformulation",
        "input": "apport personnel",
        "self_promotion": "autopromotion",
        "competitor": "concurrent",
        "own_offer": "propre offre",
        "assumption": "supposition",
        "small_talk": "bavardage",
        "affirmation": "valorisation",
        "gratitude": "remerciement",
        "ownership_returned": "mérite rendu",
        "credit_taken": "mérite pris",
        "self_disclosure": "parle de soi",
        "greeting": "salutation",
        "open": "question ouverte",
        "closed": "question fermée",
        "tag": "fausse question (« non ? »)",
    },
    "en": {
        "question": "question",
        "needs_question": "asks about needs",
        "reflection": "reflection",
        "input": "own content",
        "self_promotion": "self-promotion",
        "competitor": "competitor",
        "own_offer": "own offer",
        "assumption": "assumption",
        "small_talk": "small talk",
        "affirmation": "affirmation",
        "gratitude": "thanks",
        "ownership_returned": "credit handed back",
        "credit_taken": "credit taken",
        "self_disclosure": "talks about self",
        "greeting": "greeting",
        "open": "open question",
        "closed": "closed question",
        "tag": "tag question (“right?”)",
    },
}


def act_label(ui: str, act: str) -> str:
    return ACT_NAMES.get(ui, ACT_NAMES["en"]).get(act, act)
