"""`ancrage serve`: one listening socket per gunicorn process, and a port already taken refused."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from ancrage.server import _refuse_if_taken

ROOT = Path(__file__).resolve().parents[1]


def _listener(reuse_port: bool) -> socket.socket:
    sock = socket.socket()
    if reuse_port:  # what another `ancrage serve` holds
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


@pytest.mark.parametrize("reuse_port", [False, True], ids=["other program", "other ancrage"])
def test_a_port_already_served_is_refused_in_both_languages(reuse_port):
    with _listener(reuse_port) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit) as refused:
            _refuse_if_taken(f"127.0.0.1:{port}")
    message = str(refused.value)
    assert f"127.0.0.1:{port}" in message
    assert "déjà utilisé" in message and "already in use" in message


def test_a_free_port_is_accepted():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _refuse_if_taken(f"127.0.0.1:{port}")  # no exception: the server may start


def _serve(data_dir: Path, port: int, extra_env: dict[str, str]) -> subprocess.Popen:
    env = {**_without_database_url(), "ANCRAGE_DATA_DIR": str(data_dir), **extra_env}
    run = {"env": env, "cwd": ROOT, "check": True, "capture_output": True}
    subprocess.run([sys.executable, "-m", "ancrage.cli", "migrate", "-v", "0"], **run)
    server = subprocess.Popen(
        [sys.executable, "-m", "ancrage.cli", "serve", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--no-with-worker"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()[-2000:]
        workers = psutil.Process(server.pid).children()
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            # both processes have booted (each opens its own socket as it boots)
            if len(workers) == 2 and all(_listens(w, port) for w in workers):
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    raise AssertionError("the server did not start")


def _listens(process: psutil.Process, port: int) -> bool:
    return any(
        c.status == psutil.CONN_LISTEN and c.laddr.port == port
        for c in process.net_connections(kind="tcp")
    )


def _served_by(process: psutil.Process, port: int) -> int:
    return sum(
        c.status == psutil.CONN_ESTABLISHED and c.laddr.port == port
        for c in process.net_connections(kind="tcp")
    )


def test_keep_alive_connections_are_spread_over_the_processes(tmp_path):
    """A proxy's pool of keep-alive connections, opened in a burst, must not all land on one
    process while the other idles: the kernel spreads them over one socket per process."""
    port = _free_port()
    server = _serve(tmp_path, port, {})
    try:
        workers = psutil.Process(server.pid).children()
        assert not _listens(psutil.Process(server.pid), port)  # the master accepts nothing
        pool = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(32)]
        for conn in pool:  # all connected before any request, as a pool opens in a burst
            conn.connect()
        for conn in pool:
            conn.request("GET", "/healthz")
            assert conn.getresponse().read().startswith(b'{"status": "ok"')
        per_process = sorted(_served_by(w, port) for w in workers)
        assert sum(per_process) == 32
        # an even hash leaves fewer than 4 of 32 on one side once in 400,000 runs
        assert per_process[0] >= 4, per_process
        for conn in pool:
            conn.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_second_server_on_the_same_port_stops_with_a_clear_message(tmp_path):
    port = _free_port()
    first = _serve(tmp_path / "first", port, {})
    try:
        second = subprocess.run(
            [sys.executable, "-m", "ancrage.cli", "serve", "--bind", f"127.0.0.1:{port}",
             "--no-with-worker"],
            env={**_without_database_url(), "ANCRAGE_DATA_DIR": str(tmp_path / "first")},
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert second.returncode != 0
        assert "already in use" in second.stderr and "Traceback" not in second.stderr
        # the first server still answers: nothing was taken from it
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
    finally:
        first.terminate()
        first.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _without_database_url() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # the embedded default


def test_serve_runs_the_threads_asked_for_eight_by_default(monkeypatch):
    """`--threads` reaches gunicorn; eight by default, so webhooks waiting on PostgreSQL's
    commit flush share it (docs/dispatch.md)."""
    from ancrage import server
    from ancrage.cli import _parser

    assert _parser().parse_args(["serve"]).threads == 8
    assert _parser().parse_args(["serve", "--threads", "3"]).threads == 3
    seen: dict = {}

    class Recorded:
        def __init__(self, options: dict) -> None:
            seen.update(options)

        def run(self) -> None:
            pass

    monkeypatch.setattr(server, "_Server", Recorded)
    server.run_gunicorn("127.0.0.1:0", 2)
    assert (seen["threads"], seen["worker_class"], seen["workers"]) == (8, "gthread", 2)
    server.run_gunicorn("127.0.0.1:0", 2, 3)
    assert seen["threads"] == 3
