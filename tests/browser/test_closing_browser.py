"""The autonomy panel and the closing view in a real browser, on the demo's Camille, whose
reliance falls over her eight weeks (ancrage/autonomy/demo.py). Reads only: the other
browser tests share this demo."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_thread_flow import log_in

pytestmark = pytest.mark.browser

CHARTS_DRAWN = """() => {
  if (typeof window.Chart === "undefined") return false;
  const canvases = [...document.querySelectorAll("#autonomy figure.chart canvas")];
  return canvases.length === 5 && canvases.every((canvas) => {
    const box = canvas.getBoundingClientRect();
    return window.Chart.getChart(canvas) !== undefined && box.width > 0 && box.height > 0;
  });
}"""


def test_a_coach_sees_reliance_fall_and_prints_the_closing_view(page, demo_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_in(page, demo_server)
    page.get_by_role("link", name="Camille Durand").click()
    panel = page.locator("#autonomy")
    expect(panel.locator(".reading")).to_contain_text("Camille ouvre désormais")
    expect(panel.get_by_role("button", name="Espacer les points d’étape")).to_be_visible()
    expect(panel).to_contain_text("Passer « Point du lundi » à toutes les deux semaines ?")
    panel.scroll_into_view_if_needed()
    page.wait_for_function(CHARTS_DRAWN, timeout=10_000)
    panel.screenshot(path=str(ARTIFACTS / "autonomy-panel.png"))

    panel.get_by_role("link", name="Bilan de clôture").click()
    expect(page.get_by_role("heading", name="Camille Durand : le chemin parcouru")).to_be_visible()
    expect(page.locator(".intentions")).to_contain_text("Oser annoncer mes prix")
    numbers = page.locator(".numbers")
    expect(numbers).to_contain_text("Confiance")
    expect(numbers).to_contain_text("Échanges ouverts par le client")
    expect(page.locator(".journal-closing")).to_contain_text("2 600 €")
    expect(page.locator(".quotes")).to_contain_text("c'est devenu une habitude")
    page.screenshot(path=str(ARTIFACTS / "closing.png"), full_page=True)

    page.emulate_media(media="print")
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Imprimer")).to_be_hidden()
    expect(page.locator(".intentions")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "closing-print.png"), full_page=True)
    page.pdf(path=str(ARTIFACTS / "closing.pdf"), format="A4")
    assert (ARTIFACTS / "closing.pdf").stat().st_size > 10_000
