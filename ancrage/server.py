"""Gunicorn, started from Python so `ancrage serve` is one command."""

from __future__ import annotations

import errno
import os
import socket
from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from ancrage.wsgi import application

        return application


def run_gunicorn(bind: str, workers: int, threads: int = 8) -> None:
    per_worker_sockets = _tcp(bind) and os.environ.get("ANCRAGE_REUSE_PORT", "1") != "0"
    if per_worker_sockets:
        _refuse_if_taken(bind)
    _Server(
        {
            "bind": bind,
            "workers": workers,
            # gthread: slow clients do not block a process. Eight, not four: a webhook spends
            # part of its time waiting for PostgreSQL to flush its commit, and more requests in
            # flight share those flushes (PostgreSQL webhook/bare ratio, median of a night's
            # runs of benchmarks/webhook_load.py: 0.58 with eight, 0.48 with four; docs/dispatch.md)
            "threads": threads,
            "worker_class": "gthread",
            # One listening socket per process (SO_REUSEPORT): the kernel spreads connections
            # across processes by address hash. With one shared socket, whichever process
            # wakes first accepts, and long-lived keep-alive connections (a proxy's pool, a
            # load test) can all land on one process while the others idle.
            "reuse_port": per_worker_sockets,
            "accesslog": "-",
            "timeout": 30,
            "graceful_timeout": 10,
        }
    ).run()


def _tcp(bind: str) -> bool:
    return not bind.startswith(("unix:", "fd://"))


def _refuse_if_taken(bind: str) -> None:
    """SO_REUSEPORT lets a second server of the same user join the port silently and take half
    of its traffic; a plain bind first fails loudly instead, as without SO_REUSEPORT."""
    host, _sep, port = bind.rpartition(":")
    host = host.strip("[]") or "0.0.0.0"
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if not port.isdigit():
        return  # gunicorn itself reports an address it cannot read
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR as gunicorn does: a port left in TIME_WAIT is free, a listener is not
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, int(port)))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise SystemExit(
                    f"{bind} est déjà utilisé par un autre programme. / "
                    f"{bind} is already in use by another program."
                ) from None
            raise
