"""Issue 13.6: HSTS behind HTTPS, a Content-Security-Policy with no inline script, and the
embedded mode's files readable by their owner only."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

TEMPLATES = Path(__file__).resolve().parents[2] / "ancrage" / "templates"


def run_in_fresh_process(data_dir: Path, code: str, **env: str) -> str:
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    full_env.update(ANCRAGE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="ancrage.settings")
    full_env.update(env)
    prelude = "import django, json; django.setup()\n"
    result = subprocess.run(
        [sys.executable, "-c", prelude + code], env=full_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


HEADERS_OF_LOGIN = (
    "from django.test import Client\n"
    "r = Client().get('/login/', HTTP_X_FORWARDED_PROTO='https')\n"
    "print(json.dumps(dict(r.headers)))"
)


def test_https_behind_a_proxy_sends_hsts(tmp_path):
    out = run_in_fresh_process(
        tmp_path,
        HEADERS_OF_LOGIN,
        SECURE_COOKIES="true",
        BEHIND_PROXY="true",
        ALLOWED_HOSTS="testserver",
    )
    assert "max-age=31536000" in json.loads(out)["Strict-Transport-Security"]


def test_plain_http_in_the_embedded_mode_sends_no_hsts(tmp_path):
    out = run_in_fresh_process(tmp_path, HEADERS_OF_LOGIN, ALLOWED_HOSTS="testserver")
    assert "Strict-Transport-Security" not in json.loads(out)


@pytest.mark.django_db
def test_every_page_carries_a_csp_without_inline_script():
    policy = Client().get("/login/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe" not in policy and directives["frame-ancestors"] == "'none'"


def inline_code(html: str) -> list[str]:
    found = re.findall(r"\son[a-z]+\s*=", html)
    for tag in re.findall(r"<script\b[^>]*>", html):
        if "src=" not in tag and "application/json" not in tag:
            found.append(tag)
    found += re.findall(r"\sstyle\s*=|<style\b|javascript:|hx-on", html)
    return found


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=str)
def test_no_template_has_inline_script_or_style(template):
    assert inline_code(template.read_text()) == []


def test_the_embedded_database_and_keys_are_readable_by_their_owner_only(tmp_path):
    data_dir = tmp_path / "data"
    run_in_fresh_process(
        data_dir,
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        "    c.execute('CREATE TABLE t (x)'); c.execute('INSERT INTO t VALUES (1)')\n",
    )
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = ["ancrage.sqlite3", "ancrage.sqlite3-wal", "secret_key", "encryption_key"]
    for name in files:
        if (data_dir / name).exists() or name == "ancrage.sqlite3":
            assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600, name


def test_a_database_created_before_is_made_private(tmp_path):
    (tmp_path / "ancrage.sqlite3").touch(mode=0o644)
    os.chmod(tmp_path / "ancrage.sqlite3", 0o644)
    run_in_fresh_process(tmp_path, "")
    assert stat.S_IMODE((tmp_path / "ancrage.sqlite3").stat().st_mode) == 0o600
