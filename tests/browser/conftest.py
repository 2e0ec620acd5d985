"""A real `ancrage demo` server (gunicorn + worker, SQLite) in a subprocess, and Chromium."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "browser"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer at {url}")


@contextlib.contextmanager
def _running_demo(data_dir: Path):
    env = {**os.environ, "ANCRAGE_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)  # the embedded mode is what `make demo` runs
    setup = subprocess.run(
        [sys.executable, "-m", "ancrage.cli", "demo", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    password = re.search(r"password: (\S+)", setup.stdout).group(1)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ancrage.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/healthz", server)
        yield {"url": base, "login": "coach", "password": password}
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    with _running_demo(tmp_path_factory.mktemp("demo-data")) as server:
        yield server


@pytest.fixture(scope="module")
def own_demo_server(tmp_path_factory):
    """A demo of its own, for a module whose SMS change what the other tests' clients see
    (an open check-in answered, or answered first by someone else's reply)."""
    with _running_demo(tmp_path_factory.mktemp("own-demo-data")) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{CHROMIUM} is missing: CI requires the browser tests (apt-get install chromium)"
            )
        pytest.skip(f"SKIPPED: browser tests need Debian's chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Each violation of the Content-Security-Policy is reported on the console, for the check below.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile);
});
"""


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1200, "height": 860})
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "CSP violation" in message.text or "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert violations == [], "Content-Security-Policy violations in the browser"
