"""The founding story, end to end in the demo: a client thanks her coach for results that are
hers; the inbox puts the thank-you first, the coachee page suggests a reply that hands the
credit back, the draft check flags a reply that takes it, the thank-you lands in the journal.

Sophie Bernard (French, closing stage) has no open check-in, so her SMS is for the coach, not
read as an answer. Assertions about the draft check use its tags' classes (`.tag.ok`: hands
the credit back, `.tag.warn`: takes the credit), so they hold whatever the catalogue says.
Nothing depends on the day or the hour: a manual SMS during quiet hours (20:30–08:00,
Sundays) asks "send anyway / schedule", and the test sends anyway.
"""

import re
import time
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_checkins_flow import open_coachee

pytestmark = pytest.mark.browser

NAME = "Sophie Bernard"
THANKS = "Merci pour tout… mes devis sont acceptés les uns après les autres, tout redémarre !"
TAKES_CREDIT = "C'est grâce à ma méthode !"


def sophie_in_inbox(page):
    return page.locator("ul.inbox > li", has=page.locator("span.name", has_text=NAME))


def wait_for_the_thank_you_in_inbox(page, server, seconds: float = 20) -> None:
    """The worker triages the SMS in the background; the inbox does not poll."""
    row = sophie_in_inbox(page)
    deadline = time.monotonic() + seconds
    while True:
        page.goto(server["url"] + "/")
        triaged = row.locator("em.badge-cat.cat-gratitude").count() == 1
        if triaged and "waiting" in (row.get_attribute("class") or "").split():
            return
        if time.monotonic() > deadline:
            break
        page.wait_for_timeout(500)
    raise AssertionError(
        f"no gratitude badge on a waiting row in {seconds} s: {row.evaluate('e => e.outerHTML')}"
    )


def checked(page, draft: str):
    """Waits for the draft check's answer about exactly this draft."""

    def about_the_draft(response) -> bool:
        if "/draft-check/" not in response.url:
            return False
        return draft in parse_qs(urlparse(response.url).query).get("body", [])

    return page.expect_response(about_the_draft)


def test_a_thank_you_is_answered_by_handing_the_credit_back(page, own_demo_server):
    server = own_demo_server
    sophie = open_coachee(page, server, NAME)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    # 1. Sophie thanks her coach from her phone.
    phone = page.context.new_page()
    phone.goto(sophie + "simulator/")
    phone.locator("form.composer textarea#id_body").fill(THANKS)
    phone.locator("form.composer button.primary").click()
    expect(phone.locator(".screen .bubble.out", has_text=THANKS)).to_be_visible()
    phone.close()

    # 2. The inbox: a thank-you, waiting for the coach.
    wait_for_the_thank_you_in_inbox(page, server)
    row = sophie_in_inbox(page)
    expect(row).to_have_class(re.compile(r"\bwaiting\b"))
    expect(row.locator(".last")).to_contain_text("Merci pour tout")
    waiting = page.locator("ul.inbox > li.waiting")
    names = [name.strip() for name in waiting.locator("span.name").all_inner_texts()]
    assert any(name.startswith(NAME) for name in names), names
    page.screenshot(path=str(ARTIFACTS / "founding-inbox.png"), full_page=True)

    # 3. Her page: a suggestion that hands the credit back, used in the composer.
    row.locator("a").click()
    expect(page.get_by_role("heading", name=NAME)).to_be_visible()
    assert page.url == sophie, page.url
    first = page.locator("#suggestions ul.suggestions > li").first
    expect(first).to_be_visible(timeout=15_000)  # loaded by HTMX
    suggestion = first.locator("p").inner_text().strip()
    assert "Sophie" in suggestion, suggestion
    assert "?" not in suggestion, suggestion
    for credit_taken in ("ma méthode", "grâce à moi"):
        assert credit_taken not in suggestion.lower(), suggestion
    with checked(page, suggestion):
        first.locator("button.use-suggestion").click()
    composer = page.locator("form.composer #id_body")
    expect(composer, "the composer is gone after the draft check answered").to_be_visible()
    expect(composer).to_have_value(suggestion)
    expect(composer).to_be_focused()
    check = page.locator("#draft-check")
    expect(check.locator(".tag.ok"), "the draft check did not read the draft").to_be_visible()
    expect(check.locator(".tag.warn")).to_have_count(0)  # does not take it
    expect(check.locator(".error")).to_have_count(0)
    expect(page.locator("#sms-cost")).to_contain_text("SMS")
    page.screenshot(path=str(ARTIFACTS / "founding-suggestion.png"), full_page=True)

    # 4. The coach edits the draft; a draft that takes the credit is flagged.
    reply = suggestion + " Encore bravo !"
    composer.press("Control+End")
    with checked(page, reply):
        composer.press_sequentially(" Encore bravo !")
    expect(composer).to_have_value(reply)
    expect(check.locator(".tag.ok")).to_be_visible()
    expect(check.locator(".tag.warn")).to_have_count(0)

    with checked(page, TAKES_CREDIT):
        composer.fill(TAKES_CREDIT)
    expect(check.locator(".tag.warn")).to_be_visible()  # takes the credit
    expect(check.locator(".error[role=alert]")).to_be_visible()
    expect(check.locator(".tag.ok")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "founding-takes-credit.png"), full_page=True)

    with checked(page, reply):
        composer.fill(reply)
    expect(check.locator(".tag.warn")).to_have_count(0)
    expect(check.locator(".error")).to_have_count(0)
    expect(check.locator(".tag.ok")).to_be_visible()

    # 5. Sent, delivered, and the thank-you is in her journal.
    page.locator("form.composer .composer-foot button.primary").click()
    sent = page.locator("#thread .bubble.out", has_text="Encore bravo !")
    anyway = page.locator(".quiet-confirm button[name=when][value=now]")
    expect(sent.or_(anyway)).to_be_visible()
    if anyway.is_visible():  # quiet hours for Sophie (evening, night or Sunday in Paris)
        expect(composer).to_have_value(reply)  # the draft survives the question
        anyway.click()
    expect(sent).to_be_visible()
    expect(sent.locator("p")).to_have_text(reply)
    expect(sent).to_have_attribute("data-status", "delivered", timeout=15_000)

    journal = page.locator("#journal")
    entry = journal.locator("li.entry.gratitude", has_text="mes devis sont acceptés")
    expect(entry).to_have_count(1)
    expect(entry.locator(".badge-cat.cat-gratitude")).to_be_visible()
    expect(entry.locator("q")).to_have_text(THANKS)
    page.screenshot(path=str(ARTIFACTS / "founding-journal.png"), full_page=True)

    # Answered: Sophie is no longer waiting for the coach.
    page.goto(server["url"] + "/")
    expect(sophie_in_inbox(page)).not_to_have_class(re.compile(r"\bwaiting\b"))
