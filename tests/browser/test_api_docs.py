"""The docs page really runs in a browser under the Content-Security-Policy (Chromium)."""

from __future__ import annotations

import pytest


@pytest.mark.browser
def test_swagger_ui_renders_every_operation_without_a_csp_violation(demo_server, browser):
    base = demo_server["url"]  # a real server process: the browser's loop never meets Django
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(base) else None,
    )
    page.goto(f"{base}/api/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    page.close()
    assert "/api/coachees/{coachee_id}/messages" in [p.replace("\u200b", "") for p in paths]
    assert len(paths) == 11
    assert problems == [] and outside == []
