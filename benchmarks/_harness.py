"""Shared by the benchmarks: a real `ancrage` server in a subprocess, and timing helpers."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/ancrage_bench")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def env_for(data_dir: str, database_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {**os.environ, "ANCRAGE_DATA_DIR": data_dir, "PYTHONPATH": str(ROOT), **extra}
    env["DJANGO_SETTINGS_MODULE"] = "ancrage.settings"
    # the local fake providers listen on loopback, which production settings refuse (SSRF)
    env.setdefault("ANCRAGE_SMS_CUSTOM_API_URLS", "true")
    env.setdefault("ANCRAGE_SMS_PRIVATE_NETWORKS", "127.0.0.0/8")
    env.pop("DATABASE_URL", None)
    if database_url:  # production mode: the encryption key must come from the environment
        from cryptography.fernet import Fernet

        env["DATABASE_URL"] = database_url
        env.setdefault("ANCRAGE_ENCRYPTION_KEY", Fernet.generate_key().decode())
    return env


def ancrage(*args: str, env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ancrage.cli", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


def wait_for(url: str, process: subprocess.Popen | None = None, seconds: float = 60) -> float:
    """Seconds until `url` answers 200."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


@contextmanager
def server(env: dict[str, str], *args: str) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ancrage.cli", "serve", "--bind", f"127.0.0.1:{port}", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=30)


def fresh_postgres(url: str = PG_URL) -> str | None:
    """Recreate the benchmark database; None when PostgreSQL is not reachable."""
    import psycopg

    base, _, name = url.rpartition("/")
    try:
        with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return None
    return url


def drop_postgres(url: str) -> None:
    """Remove a scratch benchmark database once measured."""
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def temp_dir(prefix: str) -> str:
    return tempfile.mkdtemp(prefix=f"ancrage-bench-{prefix}-")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values)
