"""Several machines, proven on one: web and workers in their own network namespaces.

    sudo .venv/bin/python benchmarks/dispatch_netns.py [--messages 10000] [--workers 4] [--kills 20]

Needs root (`ip netns`). Two namespaces stand for two hosts, each with its own veth pair
and addresses: `ancweb` (10.201.1.2, the web machine: `ancrage serve` on PostgreSQL, and
the SMS queued from there) and `ancwrk` (10.201.2.2, the worker machine: `ancrage worker`
processes, killed with SIGKILL at random and restarted). PostgreSQL and the fake Twilio
stay on this host and are reached over the veth links through socat relays on the
host-side addresses (10.201.1.1 and 10.201.2.1), as a database server on the network
would be. Prints what benchmarks/dispatch.py crash prints, and checks /healthz on the
web machine from outside.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import time
import urllib.request

import dispatch
from _harness import ROOT, drop_postgres, env_for, fresh_postgres, temp_dir

HOSTS = {"ancweb": ("10.201.1.1", "10.201.1.2"), "ancwrk": ("10.201.2.1", "10.201.2.2")}
PG = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/ancrage_netns")


def sh(*command: str) -> None:
    subprocess.run(command, check=True)


def make_host(name: str) -> None:
    outside, inside = HOSTS[name]
    sh("ip", "netns", "add", name)
    sh("ip", "link", "add", f"{name}0", "type", "veth", "peer", "name", f"{name}1")
    sh("ip", "link", "set", f"{name}1", "netns", name)
    sh("ip", "addr", "add", f"{outside}/24", "dev", f"{name}0")
    sh("ip", "link", "set", f"{name}0", "up")
    inns = ("ip", "netns", "exec", name)
    sh(*inns, "ip", "addr", "add", f"{inside}/24", "dev", f"{name}1")
    sh(*inns, "ip", "link", "set", f"{name}1", "up")
    sh(*inns, "ip", "link", "set", "lo", "up")


def remove_host(name: str) -> None:
    subprocess.run(["ip", "netns", "del", name], stderr=subprocess.DEVNULL)
    subprocess.run(["ip", "link", "del", f"{name}0"], stderr=subprocess.DEVNULL)


def relay(address: str, port: int, target_port: int) -> subprocess.Popen:
    """A TCP relay on a host-side veth address to a loopback service of this host."""
    return subprocess.Popen(
        ["socat", f"TCP-LISTEN:{port},bind={address},fork,reuseaddr",
         f"TCP:127.0.0.1:{target_port}"],
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.0)
    options = parser.parse_args()
    options.db = "postgres"
    if os.geteuid() != 0:
        print("needs root for ip netns", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from tests.fakes import FakeTwilio, server

    server._Server.request_queue_size = 512
    url = fresh_postgres(PG)
    if url is None:
        print(f"PostgreSQL unreachable at {PG}", file=sys.stderr)
        return 2
    pg_port = int(url.rsplit(":", 1)[1].split("/")[0])
    name = url.rsplit("/", 1)[1]
    procs: list[subprocess.Popen] = []
    with contextlib.ExitStack() as stack:
        stack.callback(drop_postgres, url)
        for host in HOSTS:
            remove_host(host)
            make_host(host)
            stack.callback(remove_host, host)
        stack.callback(lambda: [p.terminate() for p in procs])
        fake = stack.enter_context(FakeTwilio())
        wrk_out = HOSTS["ancwrk"][0]
        procs += [relay(HOSTS[h][0], pg_port, pg_port) for h in HOSTS]
        procs.append(relay(wrk_out, fake.port, fake.port))
        options.fake_config = {"api_base_url": f"http://{wrk_out}:{fake.port}"}
        time.sleep(0.5)
        # Each host reaches PostgreSQL at its own gateway address.
        envs = {
            host: env_for(
                temp_dir("netns"),
                f"postgres://postgres@{HOSTS[host][0]}:{pg_port}/{name}",
                ANCRAGE_WORKER_LEASE_SECONDS="3",
                ANCRAGE_SMS_SWEEP_INTERVAL="2",  # reconcile a killed worker's sends soon
                ANCRAGE_SMS_PRIVATE_NETWORKS="10.201.0.0/16",
                ALLOWED_HOSTS="*",
            )
            for host in HOSTS
        }
        envs["ancwrk"]["ANCRAGE_ENCRYPTION_KEY"] = envs["ancweb"]["ANCRAGE_ENCRYPTION_KEY"]
        for env in envs.values():
            env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "benchmarks")])
        web_ns = ("ip", "netns", "exec", "ancweb")
        subprocess.run([*web_ns, sys.executable, "-m", "ancrage.cli", "migrate", "-v", "0"],
                       env=envs["ancweb"], cwd=ROOT, check=True)  # fmt: skip
        web = subprocess.Popen(
            [*web_ns, sys.executable, "-m", "ancrage.cli", "serve", "--bind",
             f"{HOSTS['ancweb'][1]}:8000", "--workers", "2"],
            env=envs["ancweb"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        procs.append(web)
        health = f"http://{HOSTS['ancweb'][1]}:8000/healthz"
        print("web machine", HOSTS["ancweb"][1], "health:", wait_health(health))
        print("worker machine", HOSTS["ancwrk"][1], f"{options.workers} workers")
        result = dispatch.crash(
            options,
            fake,
            envs["ancwrk"],
            web=web_ns,
            web_env=envs["ancweb"],
            worker_host=("ip", "netns", "exec", "ancwrk"),
        )
        print("web machine health after the run:", wait_health(health))
    return 0 if result["lost"] == 0 and result["duplicated"] == 0 else 1


def wait_health(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.3)
    return "no answer"


if __name__ == "__main__":
    sys.exit(main())
