"""Self-contained HTML report: inline CSS and SVG, no script, no external resource."""

from __future__ import annotations

from html import escape

from .models import Annotated, Report
from .report import format_value, score_style
from .ui import act_label, benchmark_label, indicator_label, message

# One colour per act; an utterance takes the colour of its first act in this order.
ACT_COLOURS = {
    "credit_taken": "#d62728",
    "self_promotion": "#ff7f0e",
    "competitor": "#e377c2",
    "assumption": "#bcbd22",
    "input": "#f5b041",
    "needs_question": "#17becf",
    "reflection": "#2ca02c",
    "ownership_returned": "#1f77b4",
    "question": "#9467bd",
    "affirmation": "#8fd19e",
    "small_talk": "#c7c7c7",
}
_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#222;max-width:70rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.score{font-size:3rem;font-weight:700}.green{color:#2a9d4b}.yellow{color:#c98a00}.red{color:#c0392b}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.bar{background:#eee;width:8rem;height:.7rem;display:inline-block}.bar span{display:block;height:100%;background:#2a9d4b}
.utt{border-left:.4rem solid #ddd;padding:.2rem .6rem;margin:.2rem 0}.focus{background:#f7f9fc}
.tag{font-size:.75rem;border-radius:.6rem;padding:0 .4rem;margin-left:.3rem;color:#111}
.meta{color:#666;font-size:.8rem}.why{color:#666;font-size:.75rem;margin-left:.2rem}.other .tag{opacity:.45}td:nth-child(3){white-space:nowrap}.fb li{margin-bottom:.6rem}.q{color:#555;font-style:italic}
"""


def _act_colour(u: Annotated) -> str:
    for act, colour in ACT_COLOURS.items():
        if act in u.acts:
            return colour
    return "#ddd"


def talk_share_svg(report: Report, width: int = 640, height: int = 160) -> str:
    """Cumulative share of the focus's words after each utterance, with the 43% benchmark.

    The x axis is time when the transcript has timestamps, else the utterance number.
    """
    utts = report.utterances
    timed = all(u.start is not None for u in utts) and utts[-1].start != utts[0].start
    first = utts[0].start or 0.0 if timed else 0.0
    span = ((utts[-1].end or utts[-1].start or 0.0) - first) if timed else float(len(utts))
    points = []
    mine = total = 0
    for i, u in enumerate(utts):
        total += u.words
        mine += u.words if u.speaker == report.focus else 0
        position = ((u.end or u.start or 0.0) - first) if timed else i + 1
        x = width * position / (span or 1)
        y = height * (1 - (mine / total if total else 0))
        points.append(f"{x:.1f},{y:.1f}")
    bench_y = height * (1 - 0.43)
    end_label = _clock(span) if timed else f"#{len(utts) - 1}"
    return (
        f'<svg viewBox="0 -4 {width} {height + 22}" width="100%" role="img" '
        f'aria-label="talk share" style="background:#fafafa;border:1px solid #eee">'
        f'<line x1="0" x2="{width}" y1="{bench_y:.1f}" y2="{bench_y:.1f}" stroke="#2a9d4b" '
        f'stroke-dasharray="4 4"/><text x="4" y="{bench_y - 4:.1f}" font-size="11" '
        f'fill="#2a9d4b">43%</text>'
        f'<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="{" ".join(points)}"/>'
        f'<text x="2" y="{height + 14}" font-size="11" fill="#666">{"0:00" if timed else "#0"}'
        f'</text><text x="{width - 2}" y="{height + 14}" font-size="11" fill="#666" '
        f'text-anchor="end">{end_label}</text></svg>'
    )


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


def _indicator_rows(report: Report, ui: str) -> str:
    rows = []
    for ind in report.indicators:
        if ind.weight == 0 and ind.value is None:
            continue
        bar = ""
        if ind.weight:
            width = 100 * (ind.subscore or 0)
            bar = f'<span class="bar"><span style="width:{width:.0f}%"></span></span> '
            bar += f"{ind.points:.1f}/{ind.weight:.0f}"
        rows.append(
            f"<tr><td>{escape(indicator_label(ui, ind.key))}</td><td>{format_value(ind)}</td>"
            f"<td>{bar}</td><td class=meta>{escape(benchmark_label(ui, ind.key, ind.benchmark))}</td></tr>"
        )
    return "".join(rows)


def _why(u: Annotated, act: str, ui: str) -> str:
    """The words that weighed for an act, and whether the speaker's other lines decided it."""
    parts = [escape(", ".join(u.evidence[act]))] if u.evidence.get(act) else []
    if act in u.context_acts:
        help_text = escape(message(ui, "from_context_help"))
        parts.append(
            f'<span class="ctx" title="{help_text}">{escape(message(ui, "from_context"))}</span>'
        )
    return f'<span class="why">({" · ".join(parts)})</span>' if parts else ""


def _utterance_rows(report: Report, ui: str) -> str:
    rows = []
    for u in report.utterances:
        tags = "".join(
            f'<span class="tag" style="background:{ACT_COLOURS.get(a, "#eee")}" data-act="{a}"'
            + (f' title="{escape(", ".join(u.evidence[a]))}"' if u.evidence.get(a) else "")
            + f">{escape(act_label(ui, a))}</span>"
            + _why(u, a, ui)
            for a in u.acts
        )
        if u.question:
            tags += f'<span class="tag" style="background:#eee">{escape(act_label(ui, u.question))}</span>'
        when = "" if u.start is None else f" · {_clock(u.start)}"
        focus = u.speaker == report.focus
        cls = "utt focus" if focus else "utt other"
        colour = _act_colour(u) if focus else "#ddd"  # acts matter for the assessed speaker
        rows.append(
            f'<div class="{cls}" id="u{u.index + 1}" style="border-left-color:{colour}">'
            f'<span class="meta">#{u.index + 1} {escape(u.speaker)}{when}</span>{tags}'
            f"<div>{escape(u.text)}</div></div>"
        )
    return "".join(rows)


def _quoted(text: str, language: str) -> str:
    return f"« {escape(text)} »" if language == "fr" else f"“{escape(text)}”"


def to_html(report: Report, ui: str = "fr") -> str:
    legend = "".join(
        f'<span class="tag" style="background:{c}">{escape(act_label(ui, a))}</span>'
        for a, c in ACT_COLOURS.items()
    )
    feedback = "".join(
        f'<li>{escape(p.message)}<div class="q"><a href="#u{p.index + 1}">#{p.index + 1}</a> '
        f"{_quoted(p.quote, report.language)}</div></li>"
        for p in report.feedback
    )
    warnings = "".join(f"<p class=red>{escape(message(ui, w))}</p>" for w in report.warnings)
    focus = escape(message(ui, report.focus_reason, **report.focus_params))
    colon = " :" if ui == "fr" else ":"
    return f"""<!DOCTYPE html>
<html lang="{ui}"><head><meta charset="utf-8"><title>{escape(message(ui, "title"))}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>{_CSS}</style></head>
<body><h1>{escape(message(ui, "title"))}{" — " + escape(report.source) if report.source else ""}</h1>
<div class="score {score_style(report.service_score)}">{report.service_score:.0f}/100</div>
<p>{escape(message(ui, "score"))} · {escape(message(ui, "focus"))}{colon} {focus} ·
{escape(message(ui, "language"))}{colon} {report.language} ·
{escape(message(ui, "frame"))}{colon} {escape(message(ui, "frame_" + report.frame))}</p>{warnings}
<h2>{escape(message(ui, "feedback"))}</h2><ol class="fb">{feedback}</ol>
<h2>{escape(message(ui, "talk_over_time"))}</h2>{talk_share_svg(report)}
<h2>{escape(message(ui, "indicators"))}</h2><table><tr><th>{escape(message(ui, "indicator"))}</th>
<th>{escape(message(ui, "value"))}</th><th>{escape(message(ui, "points"))}</th>
<th>{escape(message(ui, "benchmark"))}</th></tr>{_indicator_rows(report, ui)}</table>
<h2>{escape(message(ui, "utterances"))}</h2><p class="meta">{escape(message(ui, "legend"))}: {legend}</p>
{_utterance_rows(report, ui)}</body></html>"""
