"""Check-ins in a real browser: an answer typed on the simulator phone moves the curves.

The demo leaves one check-in open for Camille (its first question already delivered) and
eight weeks of answers behind it; the worker reads the reply in the background. Nothing
here depends on the day or the hour: the reply answers a question that is already out,
and only the next question may wait for the end of quiet hours.
"""

import json
import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_thread_flow import log_in

pytestmark = pytest.mark.browser

REPLY = "11 devis envoyés, 5 acceptés, 3 400 €"
CHARTS_DRAWN = """() => {
  if (typeof window.Chart === "undefined") return false;
  const canvases = [...document.querySelectorAll("#progress figure.chart canvas")];
  return canvases.length > 0 && canvases.every((canvas) => {
    const box = canvas.getBoundingClientRect();
    return window.Chart.getChart(canvas) !== undefined && box.width > 0 && box.height > 0;
  });
}"""


def progress_data(page) -> dict[str, dict]:
    text = page.locator("#progress-data").text_content()
    return {series["key"]: series for series in json.loads(text)}


def latest(page, key: str) -> str:
    """The figure's latest value without its thousands separators (« 3 400 » -> "3400")."""
    text = page.locator(f'figure.chart[data-key="{key}"] strong.latest').inner_text()
    return re.sub(r"[\s\u00a0\u202f]", "", text)


def open_coachee(page, server, name: str) -> str:
    log_in(page, server)
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    assert re.search(r"/coachees/\d+/$", page.url), page.url
    return page.url


def wait_for_charts(page) -> None:
    expect(page.locator("#progress figure.chart").first).to_be_visible()
    page.wait_for_function(CHARTS_DRAWN, timeout=10_000)


def test_a_coach_answers_a_checkin_from_the_phone_and_sees_the_chart_change(page, own_demo_server):
    camille = open_coachee(page, own_demo_server, "Camille Durand")
    wait_for_charts(page)
    before = progress_data(page)
    assert {"quotes_sent", "quotes_accepted", "price", "confidence"} <= before.keys()
    sent_before = float(latest(page, "quotes_sent").replace(",", "."))
    assert before["quotes_sent"]["values"][-1] == sent_before
    assert sent_before != 11, "the reply must change the number"
    points_before = len(before["quotes_sent"]["values"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "checkins-before.png"), full_page=True)

    phone = page.context.new_page()
    phone.goto(camille + "simulator/")
    expect(phone.get_by_role("button", name="Envoyer depuis ce téléphone")).to_be_visible()
    phone.get_by_label("Répondre comme le client").fill(REPLY)
    phone.get_by_role("button", name="Envoyer depuis ce téléphone").click()
    expect(phone.locator(".screen .bubble.out", has_text=REPLY)).to_be_visible()
    phone.screenshot(path=str(ARTIFACTS / "checkins-phone.png"), full_page=True)
    phone.close()

    deadline = time.monotonic() + 20
    while True:  # the worker reads the reply in the background; the page does not poll
        page.goto(camille)
        if latest(page, "quotes_sent") == "11" or time.monotonic() > deadline:
            break
        page.wait_for_timeout(500)
    assert latest(page, "quotes_sent") == "11", "the reply did not reach the chart in 20 s"
    wait_for_charts(page)
    after = progress_data(page)
    assert after["quotes_sent"]["values"][-1] == 11
    assert len(after["quotes_sent"]["values"]) == points_before + 1  # a new week, not a rewrite
    assert after["quotes_accepted"]["values"][-1] == 5
    assert after["price"]["values"][-1] == 3400
    assert latest(page, "price") == "3400"
    assert after["acceptance_rate"]["values"][-1] == pytest.approx(100 * 5 / 11, abs=0.1)
    expect(page.locator("figure.chart[data-key='acceptance_rate'] canvas")).to_be_visible()
    answers = page.locator("#progress ul.answers > li")
    expect(answers.first.locator("q")).to_have_text(REPLY)
    page.screenshot(path=str(ARTIFACTS / "checkins-after.png"), full_page=True)


def test_programs_metrics_and_checkins_pages_render(page, own_demo_server):
    log_in(page, own_demo_server)
    page.goto(own_demo_server["url"] + "/programs/")
    expect(page.get_by_role("heading", name="Programmes de points d’étape")).to_be_visible()
    page.get_by_role("link", name=re.compile("Point du lundi")).click()
    expect(page.get_by_role("heading", name="Point du lundi", exact=True)).to_be_visible()

    question = page.locator("ol.questions > li.question").first
    text_fr = question.locator("textarea[name$='text_fr']")
    expect(text_fr).to_have_value(re.compile("^Point du lundi : combien de devis"))
    cost = question.locator("span.cost[id$='text_fr']")
    expect(cost).to_contain_text("GSM-7")  # drawn on load
    text_fr.fill("Combien de devis envoyés cette semaine ? Et l’acceptation ?")
    expect(cost).to_contain_text("UCS-2")  # the ’ forces UCS-2
    expect(cost).to_contain_text("’")  # named as the culprit
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "program-edit.png"), full_page=True)
    # Nothing is saved: the demo's program stays as it was for the other tests.

    for path, name in [("/metrics/", "metrics"), ("/checkins/", "checkins")]:
        response = page.goto(own_demo_server["url"] + path)
        assert response is not None and response.status == 200, (path, response)
        main = page.locator("main")
        for coachee in ["Camille Durand", "Emma Clarke"]:
            expect(main.get_by_role("link", name=coachee).first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        if name == "metrics":
            emma = page.locator("table.overview tr", has_text="Emma Clarke")
            expect(emma).to_contain_text(
                re.compile(r"1[\s\u00a0\u202f]?300")
            )  # her latest price in the demo history
            camille = page.locator("table.overview tr", has_text="Camille Durand")
            expect(camille.locator("td").first).to_have_text(re.compile(r"\d"))
