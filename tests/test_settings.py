"""Settings come from the environment; the embedded mode keeps its own secret key."""

import os
import stat
import subprocess
import sys

import pytest


def run_settings(data_dir, **env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    full_env.update(
        ANCRAGE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="ancrage.settings", **env
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=full_env, capture_output=True, text=True
    )


def test_the_embedded_secret_key_is_generated_once_and_readable_by_the_owner_only(tmp_path):
    first = run_settings(tmp_path)
    second = run_settings(tmp_path)
    key_file = tmp_path / "secret_key"
    assert (
        first.returncode == 0 and first.stdout == second.stdout and len(first.stdout.strip()) > 40
    )
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_a_secret_key_from_the_environment_wins(tmp_path):
    result = run_settings(tmp_path, SECRET_KEY="from-the-environment")
    assert result.stdout.strip() == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_a_nonsense_boolean_fails_loudly_with_the_variable_name(tmp_path):
    result = run_settings(tmp_path, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="SQLite only: PostgreSQL run")
def test_sqlite_runs_in_wal_mode(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
