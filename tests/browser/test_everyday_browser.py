"""Issue 16 in a real browser: a refused SMS says why, and the phone screen fits."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_thread_flow import log_in

pytestmark = pytest.mark.browser


def test_an_empty_sms_shows_why_it_was_not_sent(page, demo_server):
    log_in(page, demo_server)
    page.get_by_role("link", name="Camille Durand").click()
    before = page.locator(".bubble").count()
    page.get_by_role("button", name="Envoyer", exact=True).click()
    expect(page.locator(".composer .error")).to_have_text("Le message est vide.")
    assert page.locator(".bubble").count() == before

    page.get_by_placeholder("Écrire un SMS…").fill("x" * 1700)  # 12 SMS in GSM-7
    # The coach sees the live count first (and its request is done before the send's).
    expect(page.locator("#sms-cost")).to_contain_text("12 SMS")
    page.get_by_role("button", name="Envoyer", exact=True).click()
    refused = page.locator(".composer p.error", has_text="la limite est de 10")
    expect(refused).to_be_visible()
    expect(page.get_by_text("Le message est vide.")).to_have_count(0)


def test_on_a_390_px_phone_the_top_bar_fits_and_log_out_is_reachable(browser, demo_server):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, demo_server)
    page.get_by_role("link", name="Camille Durand").click()
    logout = page.get_by_role("button", name="Se déconnecter")
    expect(logout).to_be_visible()
    box = logout.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0, f"the page is {wider}px wider than the phone"
    header = page.locator("header.topbar").bounding_box()
    assert header is not None and header["width"] <= 390
    composer = page.get_by_placeholder("Écrire un SMS…")
    composer.fill("Qu'est-ce qui a changé cette semaine ?")
    send = page.get_by_role("button", name="Envoyer", exact=True)
    send_box = send.bounding_box()
    assert send_box is not None and send_box["x"] + send_box["width"] <= 390
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "phone-390-thread.png"), full_page=True)
    context.close()
