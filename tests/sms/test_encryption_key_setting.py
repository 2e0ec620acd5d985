"""The embedded mode keeps a generated encryption key next to the data, owner-only."""

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _key_in(tmp_path, **env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.ENCRYPTION_KEY)"
    environ = {
        k: v for k, v in os.environ.items() if k not in {"ANCRAGE_ENCRYPTION_KEY", "DATABASE_URL"}
    }
    environ.update(ANCRAGE_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="ancrage.settings",
                   PYTHONPATH=str(ROOT), **env)  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True, text=True)
    return out.stdout.strip()


def test_the_embedded_key_is_generated_once_usable_and_owner_only(tmp_path):
    from ancrage.lib.crypto import decrypt_json, encrypt_json

    first, second = _key_in(tmp_path), _key_in(tmp_path)
    assert first and first == second
    assert stat.S_IMODE((tmp_path / "encryption_key").stat().st_mode) == 0o600
    environ = {"ANCRAGE_ENCRYPTION_KEY": first}
    assert decrypt_json(encrypt_json({"a": "b"}, environ=environ), environ=environ) == {"a": "b"}


def test_with_a_database_url_no_key_is_generated(tmp_path):
    key = _key_in(tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert key == "" and not (tmp_path / "encryption_key").exists()
