"""Gunicorn, started from Python so `ancrage serve` is one command."""

from __future__ import annotations

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


def run_gunicorn(bind: str, workers: int) -> None:
    _Server(
        {
            "bind": bind,
            "workers": workers,
            "threads": 4,  # gthread: slow clients do not block a process
            "worker_class": "gthread",
            "accesslog": "-",
            "timeout": 30,
            "graceful_timeout": 10,
        }
    ).run()
