"""Template hygiene a coach would notice on screen."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "ancrage" / "templates"


def test_no_template_comment_spans_lines_for_django_shows_those_as_text():
    # Django's {# … #} only works on one line; across lines it is printed on the page.
    broken = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.count("{#") != line.count("#}")
    ]
    assert broken == []


def test_the_login_page_shows_no_template_syntax(client):
    html = client.get("/login/").content.decode()
    assert "{#" not in html and "{%" not in html
