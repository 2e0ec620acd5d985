"""Time from `ancrage demo` start to the first page served (install excluded).

Baseline, same run: gunicorn serving a bare WSGI app that returns 200, started the
same way (a fresh Python process). Usage: python benchmarks/startup.py [--runs 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from _harness import env_for, free_port, median, temp_dir, wait_for

BARE_APP = (
    "def app(environ, start_response):\n"
    "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
    "    return [b'ok']\n"
)


def time_until_served(command: list[str], url_path: str, env: dict[str, str], port: int) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(f"http://127.0.0.1:{port}{url_path}", process)
        return time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)


def bare_gunicorn(env: dict[str, str], workdir: str) -> float:
    with open(f"{workdir}/bare_app.py", "w") as handle:
        handle.write(BARE_APP)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--chdir",
        workdir,
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        "2",
        "bare_app:app",
    ]
    return time_until_served(command, "/", env, port)


def ancrage_demo(env: dict[str, str]) -> float:
    port = free_port()
    command = [sys.executable, "-m", "ancrage.cli", "demo", "--bind", f"127.0.0.1:{port}"]
    return time_until_served(command, "/login/", env, port)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    data_dir = temp_dir("startup")
    env = env_for(data_dir)
    cold = ancrage_demo(env)  # first start: migrations, demo data, static files
    warm = median([ancrage_demo(env) for _ in range(runs)])
    bare = median([bare_gunicorn(env, data_dir) for _ in range(runs)])
    print("Startup to first page served (seconds, median of runs; install excluded)")
    print(f"{'what':<44}{'seconds':>9}{'x baseline':>12}")
    print(f"{'baseline: gunicorn + bare WSGI app':<44}{bare:>9.2f}{1:>12.1f}")
    print(f"{'ancrage demo, first start (fresh data dir)':<44}{cold:>9.2f}{cold / bare:>12.1f}")
    print(f"{'ancrage demo, later start':<44}{warm:>9.2f}{warm / bare:>12.1f}")


if __name__ == "__main__":
    main()
