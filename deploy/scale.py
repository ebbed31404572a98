"""Partways on several processes behind nginx, without Docker: `make scale`.

N `streamlit run app.py` replicas on loopback ports and Debian's nginx with the project's
config (deploy/nginx.conf.template) on one port, all children of this process, logs in a
temporary directory. Ctrl-C, SIGTERM or `make scale-stop` stops every process by its PID;
nothing is left running.

    python -m deploy.scale run [--replicas 3] [--port 8500]
    python -m deploy.scale stop
    python -m deploy.scale render --compose      # deploy/nginx.compose.conf

The tests and the load bench use `Topology` directly.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
COMPOSE_CONF = ROOT / "deploy" / "nginx.compose.conf"
STATE_FILE = Path(tempfile.gettempdir()) / "partways-scale.pid"
STREAMLIT = str(Path(sys.executable).with_name("streamlit"))
# Open websockets per client address in the shipped config; the load bench, whose hundreds
# of simulated users all come from 127.0.0.1, renders its own config with a higher cap.
WS_PER_CLIENT = 20
UPLOAD_RATE = "30r/m"
UPLOAD_BURST = 10
FAIL = "max_fails=1 fail_timeout=10s"


def nginx_binary() -> str | None:
    """Debian's nginx, on PATH or in /usr/sbin (not on a non-root user's PATH)."""
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None
    )


def inline_script_hashes() -> list[str]:
    """CSP hashes of the inline <script> blocks in the installed Streamlit's index.html,
    so the policy allows exactly those and follows a Streamlit upgrade."""
    import streamlit

    html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text("utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    ]


def render(
    listen: str,
    replicas: list[tuple[str, int]],
    rundir: str,
    access_log: str,
    ws_per_client: int = WS_PER_CLIENT,
    upload_rate: str = UPLOAD_RATE,
    upload_burst: int = UPLOAD_BURST,
) -> str:
    """The nginx config for these replicas. Each replica is known by its port (the cookie
    names it r1, r2, ...), so ports must differ even across hosts."""
    ports = [port for _, port in replicas]
    if len(set(ports)) != len(ports):
        raise ValueError("each replica needs its own port: affinity tells them apart by it")
    names = [f"r{i + 1}" for i in range(len(replicas))]
    addrs = [f"{host}:{port}" for host, port in replicas]
    route_to_upstream = [f"        {n} partways_{n};" for n in names]
    addr_to_route = [
        f'        "~(^|\\s)[^ ,]*:{p}$" {n};' for n, p in zip(names, ports, strict=True)
    ]
    any_servers = [f"        server {a} {FAIL};" for a in addrs]
    route_upstreams = []
    for own, name in zip(addrs, names, strict=True):
        others = [f"        server {a} backup {FAIL};" for a in addrs if a != own]
        route_upstreams += [
            f"    upstream partways_{name} {{",
            f"        server {own} {FAIL};",
            *others,
            "        keepalive 8;",
            "    }",
        ]
    values = {
        "LISTEN": listen,
        "RUNDIR": rundir,
        "ACCESS_LOG": access_log,
        "ROUTE_TO_UPSTREAM": "\n".join(route_to_upstream),
        "ADDR_TO_ROUTE": "\n".join(addr_to_route),
        "ANY_SERVERS": "\n".join(any_servers),
        "ROUTE_UPSTREAMS": "\n".join(route_upstreams),
        "WS_PER_CLIENT": str(ws_per_client),
        "UPLOAD_RATE": upload_rate,
        "UPLOAD_BURST": str(upload_burst),
        "SCRIPT_HASHES": " ".join(inline_script_hashes()),
    }
    text = TEMPLATE.read_text("utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise ValueError(f"unrendered placeholders: {left}")
    return text


def render_compose(replicas: int = 3) -> str:
    """The config deploy/compose.yaml mounts: services app1..appN on ports 8501.."""
    head = (
        "# Rendered by `python -m deploy.scale render --compose` from nginx.conf.template:\n"
        "# do not edit by hand (tests/test_scale.py checks it is up to date).\n"
    )
    body = render(
        listen="8080",
        replicas=[(f"app{i + 1}", 8501 + i) for i in range(replicas)],
        rundir="/tmp",
        access_log="/dev/stdout pw_noargs",
    )
    return head + body


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen | None = None, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited early with code {proc.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1) as response:
            if response.status == 200:
                return
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def _stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass
class Replica:
    port: int
    proc: subprocess.Popen
    log: Path


@dataclass
class Topology:
    """N replicas of `script` plus nginx; a context manager that stops them all."""

    replicas: int = 3
    port: int = 0
    script: str = "app.py"
    ws_per_client: int = WS_PER_CLIENT
    upload_rate: str = UPLOAD_RATE
    upload_burst: int = UPLOAD_BURST
    keep_logs: bool = False  # `make scale` keeps its logs; tests and the bench do not
    rundir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="partways-scale-")))
    servers: list[Replica] = field(default_factory=list)
    nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    @property
    def config_path(self) -> Path:
        return self.rundir / "nginx.conf"

    def route_of(self, route: str) -> Replica:
        """The replica a pw_route cookie value (r1, r2, ...) names."""
        return self.servers[int(route.removeprefix("r")) - 1]

    def start(self) -> Topology:
        nginx = nginx_binary()
        if nginx is None:
            raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
        self.port = self.port or free_port()
        # nginx's workers run as an unprivileged user when the master is root: they need to
        # reach the temporary directories below.
        self.rundir.chmod(0o755)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        for index in range(self.replicas):
            port = free_port()
            log = self.rundir / f"replica-{index + 1}.log"
            with open(log, "wb") as handle:
                proc = subprocess.Popen(
                    [STREAMLIT, "run", self.script, "--server.headless", "true",
                     "--server.port", str(port), "--server.address", "127.0.0.1",
                     "--browser.gatherUsageStats", "false"],
                    cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                )  # fmt: skip
            self.servers.append(Replica(port, proc, log))
        self.config_path.write_text(
            render(
                listen=f"127.0.0.1:{self.port}",
                replicas=[("127.0.0.1", r.port) for r in self.servers],
                rundir=str(self.rundir),
                access_log=f"{self.rundir}/access.log pw_noargs",
                ws_per_client=self.ws_per_client,
                upload_rate=self.upload_rate,
                upload_burst=self.upload_burst,
            ),
            "utf-8",
        )
        check_config(self.config_path, self.rundir)
        for replica in self.servers:
            wait_healthy(f"http://127.0.0.1:{replica.port}/_stcore/health", replica.proc)
        self.nginx = subprocess.Popen(
            nginx_command(self.config_path, self.rundir) + ["-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=open(self.rundir / "nginx.stderr", "wb"),  # noqa: SIM115 - lives with nginx
            stdin=subprocess.DEVNULL,
        )
        wait_healthy(f"{self.url}/_stcore/health", self.nginx, timeout=20)
        return self

    def pids(self) -> list[int]:
        procs = [r.proc for r in self.servers] + ([self.nginx] if self.nginx else [])
        return [p.pid for p in procs if p.poll() is None]

    def kill_replica(self, index: int) -> None:
        """SIGKILL one replica, as a crash would: no goodbye to its clients."""
        replica = self.servers[index]
        replica.proc.kill()
        replica.proc.wait()

    def stop(self) -> None:
        if self.nginx is not None:
            _stop(self.nginx, signal.SIGQUIT)  # graceful: finish what is in flight
        for replica in self.servers:
            _stop(replica.proc)
        if not self.keep_logs:
            shutil.rmtree(self.rundir, ignore_errors=True)

    def __enter__(self) -> Topology:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()


def nginx_command(config: Path, rundir: Path) -> list[str]:
    nginx = nginx_binary()
    if nginx is None:
        raise RuntimeError("nginx is not installed")
    # -e: the error log before the config is read (else nginx tries /var/log/nginx).
    return [nginx, "-p", str(rundir), "-e", str(rundir / "error.log"), "-c", str(config)]


def check_config(config: Path, rundir: Path) -> str:
    """`nginx -t` on a rendered config; raises with nginx's own words if it is invalid."""
    result = subprocess.run(
        nginx_command(config, rundir) + ["-t", "-q"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"nginx -t failed: {result.stderr.strip()}")
    return result.stderr


def _run(args: argparse.Namespace) -> int:
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    topology = Topology(replicas=args.replicas, port=args.port, keep_logs=True)
    try:
        topology.start()
        STATE_FILE.write_text(str(os.getpid()))
        print(f"Partways on {topology.url} ({args.replicas} replicas behind nginx)")
        for i, replica in enumerate(topology.servers):
            print(f"  r{i + 1}: streamlit pid {replica.proc.pid} on 127.0.0.1:{replica.port}")
        assert topology.nginx is not None
        print(f"  nginx pid {topology.nginx.pid}; logs in {topology.rundir}")
        print("Ctrl-C or `make scale-stop` stops everything.", flush=True)
        told: set[int] = set()
        while not stopping:
            time.sleep(0.5)
            for i, replica in enumerate(topology.servers):
                if replica.proc.poll() is not None and i not in told:
                    print(f"  r{i + 1} exited ({replica.proc.returncode}); nginx routes around it")
                    told.add(i)
            if topology.nginx.poll() is not None:
                print("nginx exited; stopping", file=sys.stderr)
                return 1
    finally:
        topology.stop()
        with contextlib.suppress(FileNotFoundError):
            if STATE_FILE.read_text().strip() == str(os.getpid()):
                STATE_FILE.unlink()
        print("stopped: no replica or nginx left running", flush=True)
    return 0


def _stop_running() -> int:
    try:
        pid = int(STATE_FILE.read_text().strip())
    except (FileNotFoundError, ValueError):
        print("make scale is not running")
        return 0
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        STATE_FILE.unlink(missing_ok=True)
        print("make scale is not running (stale pid file removed)")
        return 0
    for _ in range(300):
        if not STATE_FILE.exists():
            print(f"stopped (pid {pid})")
            return 0
        time.sleep(0.1)
    print(f"pid {pid} did not stop within 30 s", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.scale")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="N replicas behind nginx, in the foreground")
    run.add_argument("--replicas", type=int, default=3)
    run.add_argument("--port", type=int, default=8500)
    sub.add_parser("stop", help="stop a running `make scale`")
    render_cmd = sub.add_parser("render", help="print a rendered nginx config")
    render_cmd.add_argument("--compose", action="store_true", help="the compose file's config")
    render_cmd.add_argument("--replicas", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "stop":
        return _stop_running()
    sys.stdout.write(render_compose(args.replicas))
    return 0


if __name__ == "__main__":
    sys.exit(main())
