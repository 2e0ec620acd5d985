"""Every page of the app, as a signed-in coach, at 1280 px and 390 px, in French and English.

The pages come from the URLconf, so a page added tomorrow is visited without editing this
file; its ids are filled in from the demo's database. Each visit checks what a coach would
trip over: a page wider than the screen, English left in the French interface (or French in
the English one), a console error, a failed request, and the serious or critical violations
found by axe-core (vendored in tests/browser/vendor/, injected from the same origin so the
Content-Security-Policy stays as in production). Screenshots: artifacts/browser/pages/.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from tests.browser.conftest import ARTIFACTS, _running_demo
from tests.po import read_po

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
AXE_PATH = "/__tests__/axe.min.js"  # served by the test (page.route), never by the app
SHOTS = ARTIFACTS / "pages"
WIDTHS = {"desktop": 1280, "phone": 390}

# What is not a page, by route prefix or name, and why.
NOT_PAGES = {
    "api/": "the JSON API (OpenAPI): no HTML",
    "webhooks/": "providers' callbacks, signed: not for a browser",
    "admin/": "Django's admin is for staff; its strings are checked by tests/test_catalogue.py",
    "healthz": "health check for load balancers (JSON)",
    "bench/": "benchmark view, off in production",
    "i18n/": "the language buttons post here",
    "logout/": "POST only (the log-out button)",
    "favicon.ico": "a redirect to the static icon",
}

# A route parameter is filled from the demo database by the path segment before it
# ("coachees/<int:pk>/" -> a coachee of the demo practice). New segments are guessed from
# the table names (`<app>_<segment without its s>`), so another team's page needs no entry.
IDS = {
    "coachees": "SELECT id FROM coaching_coachee WHERE phone = '+33612345678'",
    "engagements": "SELECT e.id FROM coaching_engagement e JOIN coaching_coachee c"
    " ON c.id = e.coachee_id WHERE c.phone = '+33612345678'",
    "programs": "SELECT program_id FROM checkins_question ORDER BY id",
    "questions": "SELECT id FROM checkins_question WHERE program_id = :programs ORDER BY id",
    "journal": "SELECT id FROM inbox_journalentry ORDER BY id",
    "values": "SELECT id FROM checkins_metricvalue ORDER BY id",
    "enrolments": "SELECT id FROM checkins_enrolment ORDER BY id",
    "messages": "SELECT id FROM messaging_message ORDER BY id",
    "jobs": "SELECT id FROM conversations_analysisjob ORDER BY id",
}
TEXT_PARAMS = {"provider": "twilio", "uidb64": "MQ", "token": "wrong-token", "kind": "status"}

PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def routes() -> list[tuple[str, str]]:
    """(route, name) of every path in the URLconf, includes flattened."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list, prefix: str) -> None:
        for entry in patterns:
            text = str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + text)
            elif isinstance(entry, URLPattern):
                regex = not isinstance(entry.pattern, RoutePattern)
                found.append((prefix + text, ("regex:" if regex else "") + (entry.name or "")))

    walk(get_resolver().url_patterns, "")
    return found


def not_a_page(route: str) -> str | None:
    for prefix, reason in NOT_PAGES.items():
        if route.startswith(prefix) or route.lstrip("^").startswith(prefix):
            return reason
    return None


MISSING_ID = 987654321


def fill(route: str, db: sqlite3.Connection) -> str:
    """The route with its parameters replaced by ids of the demo (MISSING_ID where the demo
    has no such row)."""
    known: dict[str, object] = {}
    parts = route.split("/")
    for position, part in enumerate(parts):
        match = PARAM.fullmatch(part)
        if not match:
            continue
        converter, name = match.groups()
        if converter not in (None, "int") or name in TEXT_PARAMS:
            parts[position] = TEXT_PARAMS.get(name, "x")
            continue
        segment = parts[position - 1] if position else ""
        value = _first_id(db, segment, known)
        if value is None:  # the caller tells a POST-only route from a page missing demo data
            value = MISSING_ID
        known[segment] = parts[position] = str(value)
    return "/" + "/".join(parts)


def _first_id(db: sqlite3.Connection, segment: str, known: dict) -> object:
    query = IDS.get(segment)
    if query is None:
        singular = segment[:-1] if segment.endswith("s") else segment
        tables = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if row[0].endswith("_" + singular.replace("-", ""))
        ]
        if len(tables) != 1:
            return None
        query = f"SELECT id FROM {tables[0]} ORDER BY id"
    row = db.execute(query, {k: int(v) for k, v in known.items()}).fetchone()
    return row[0] if row else None


def catalogue() -> tuple[list[re.Pattern], list[re.Pattern]]:
    """Patterns of the English msgids (in a French page: untranslated, or translated but
    shown in English) and of their French translations (in an English page)."""
    english, french = [], []
    msgids = {entry.msgid for entry in read_po()}
    for entry in read_po():
        french_text = entry.msgstr.get(0, "") if entry.translated else ""
        if not entry.msgid or french_text == entry.msgid:
            continue
        if len(LETTERS.findall(PLACEHOLDER.sub("", entry.msgid))) < 4 or entry.msgid_plural:
            continue  # "OK", "%(value)s%%", "%(a)s: %(b)s" would match anything
        if entry.msgid.startswith("<"):
            continue  # HTML wrapped around the words: matched through its text nodes
        english.append(_pattern(entry.msgid))
        if french_text and french_text not in msgids:  # "Messages" is English too
            french.append(_pattern(french_text))
    return english, french


PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\{ ?\w+ ?\}\}")
LETTERS = re.compile(r"[^\W\d_]")


def _pattern(text: str) -> re.Pattern:
    text = re.sub(r"<[^>]+>", " ", text)
    pieces = PLACEHOLDER.split(" ".join(text.split()))
    return re.compile(r".+?".join(re.escape(piece.replace("%%", "%")) for piece in pieces))


VISIBLE_TEXTS = """() => {
  const texts = [];
  const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    const parent = node.parentElement;
    if (text && parent && !["SCRIPT", "STYLE", "OPTION", "DATALIST", "TEXTAREA"].includes(parent.tagName) && visible(parent)) {
      texts.push(text);
    }
  }
  document.querySelectorAll("[placeholder], [title], [aria-label], img[alt]").forEach((el) => {
    for (const name of ["placeholder", "title", "aria-label", "alt"]) {
      const value = el.getAttribute(name);
      if (value) texts.push(value.replace(/\\s+/g, " ").trim());
    }
  });
  return texts;
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.impact + " " + v.id + ": " + v.help + " — " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
}"""


@pytest.fixture(scope="module")
def sweep_server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("sweep-data")
    with _running_demo(data_dir) as server:
        yield {**server, "db": data_dir / "ancrage.sqlite3"}


def signed_in_context(browser, server: dict, language: str, width: int):
    context = browser.new_context(
        locale="fr-FR" if language == "fr" else "en-GB",
        viewport={"width": width, "height": 900},
    )
    context.add_cookies([{"name": "django_language", "value": language, "url": server["url"]}])
    context.route("**" + AXE_PATH, lambda route: route.fulfill(path=str(AXE)))
    page = context.new_page()
    page.goto(server["url"] + "/login/")
    page.fill("input[name=username]", server["login"])
    page.fill("input[name=password]", server["password"])
    page.locator("main form button").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    page.close()
    return context


def upload_a_transcript(context, server: dict) -> None:
    """So that the analysis job page exists in the demo's data."""
    page = context.new_page()
    page.goto(server["url"] + "/analysis/")
    page.set_input_files(
        "input[type=file]",
        files=[
            {
                "name": "call.txt",
                "mimeType": "text/plain",
                "buffer": b"Claire: What do you need from this call?\nMarc: Clients.\n",
            }
        ],
    )
    page.locator("main form button.primary").click()
    page.wait_for_url("**/analysis/jobs/**")
    page.close()


def pages_to_visit(context, server: dict) -> tuple[list[str], dict[str, str], list[str]]:
    """Paths of the HTML pages; every other route with the reason it is not visited; the
    pages that could not be visited for want of demo data."""
    db = sqlite3.connect(f"file:{server['db']}?mode=ro", uri=True)
    pages, skipped, missing = [], {}, []
    for route, name in routes():
        reason = not_a_page(route)
        if reason is None and name.startswith("regex:"):
            reason = "a regular-expression route outside the app's own pages"
        if reason:
            skipped[route] = reason
            continue
        path = fill(route, db)
        response = context.request.get(server["url"] + path, max_redirects=0)
        kind = response.headers.get("content-type", "")
        body = response.text() if "text/html" in kind else ""
        if response.status == 405:
            skipped[route] = "POST only (a form's action)"
        elif str(MISSING_ID) in path:
            missing.append(
                f"{route}: no row in the demo data to fill its id (add one to a demo.py)"
            )
        elif "text/html" not in kind:
            skipped[route] = f"not a page ({kind or response.status}): a download or JSON"
        elif response.status in (301, 302) and path.startswith("/password-reset/MQ"):
            skipped[route] = "an expired reset link redirects to its invalid-link page"
        elif response.status == 404 and any(f"<str:{name}>" in route for name in TEXT_PARAMS):
            skipped[route] = "a link with a secret token: a made-up one is refused (404)"
        elif "<html" not in body.lower() and response.status < 300:
            skipped[route] = "an HTMX fragment, shown inside its page"
        else:
            pages.append(path)
    db.close()
    return pages, skipped, missing


def visit(context, url: str, english: list, french: list, language: str, shot: Path) -> list:
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    response = page.goto(url, wait_until="networkidle")
    assert response is not None
    overflow = page.evaluate(OVERFLOW)
    if overflow > 1:
        problems.append(f"{overflow}px wider than the screen")
    wrong = english if language == "fr" else french
    for text in set(page.evaluate(VISIBLE_TEXTS)):
        if any(pattern.fullmatch(text) for pattern in wrong):
            problems.append(f"not in {language}: « {text} »")
    page.add_script_tag(url=AXE_PATH)
    problems += page.evaluate(AXE_RUN)
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    return problems


def test_every_page_reads_well_in_both_languages_on_a_laptop_and_on_a_phone(browser, sweep_server):
    english, french = catalogue()
    shutil.rmtree(SHOTS, ignore_errors=True)  # screenshots of this run only
    report: list[str] = []
    pages: list[str] = []
    for language in ("fr", "en"):
        for device, width in WIDTHS.items():
            context = signed_in_context(browser, sweep_server, language, width)
            if not pages:
                upload_a_transcript(context, sweep_server)
                pages, skipped, report = pages_to_visit(context, sweep_server)
                (SHOTS).mkdir(parents=True, exist_ok=True)
                (SHOTS / "skipped.txt").write_text(
                    "".join(f"{route}\t{reason}\n" for route, reason in sorted(skipped.items()))
                )
            for path in pages:
                name = path.strip("/").replace("/", "_") or "inbox"
                shot = SHOTS / f"{language}-{device}" / f"{name}.png"
                url = sweep_server["url"] + path
                for problem in visit(context, url, english, french, language, shot):
                    report.append(f"{language} {width}px {path}: {problem}")
            context.close()
    (SHOTS / "problems.txt").write_text("\n".join(report) + "\n")
    assert len(pages) >= 15, pages  # the sweep found the app's pages
    assert report == [], "\n".join(report)
