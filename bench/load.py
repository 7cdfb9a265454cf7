"""Load test on loopback: the page, a callback and the downloads at 10 and 50 concurrent clients, against
`deploy/serve` (nginx + gunicorn) and, for comparison, the plain gunicorn command. Prints a markdown table.

    python -m bench.load [--target serve|gunicorn|both] [--seconds 3]

It starts each server itself on a free 127.0.0.1 port, runs every case for a few seconds (and at most
MAX_REQUESTS requests), then stops the server: it is bounded and never leaves the machine. The helpers
here (start/stop a server, find its workers, fire requests) are also what tests/test_deploy.py uses.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_REQUESTS = 20_000
BROWSER_HEADERS = {"Accept-Encoding": "gzip, br", "Accept-Language": "en"}
# A real callback: the details panel of the page's first view (what the page sends after a click).
CALLBACK_BODY = json.dumps({
    "output": "details-panel.children", "outputs": {"id": "details-panel", "property": "children"},
    "inputs": [{"id": "details-request", "property": "data", "value": None}],
    "state": [{"id": "page-lang", "property": "data", "value": "en"}], "changedPropIds": []})
CASES = {
    "page": ("GET", "/", None),
    "callback": ("POST", "/_dash-update-component", CALLBACK_BODY),
    "events.csv": ("GET", "/download/events.csv?lang=zh", None),
    "borders.geojson": ("GET", "/download/borders.geojson?date=1911-12-01", None),
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:port."""
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Server:
    """A server process started by `start`, with the port it answers on."""

    kind: str
    port: int
    proc: subprocess.Popen
    log: Path

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM, wait, and return the exit code (SIGKILL to it and its children after `timeout`: -9)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            for pid in [*descendants(self.proc.pid), self.proc.pid]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            return self.proc.wait()

    def workers(self) -> list[int]:
        """Process ids of the gunicorn workers behind this server."""
        masters = [p for p in descendants(self.proc.pid) if b"gunicorn" in _cmdline(p) and
                   _ppid(p) != 0 and b"gunicorn" not in _cmdline(_ppid(p))]
        masters = masters or [self.proc.pid]
        return [p for m in masters for p in children(m)]


def start(kind: str, port: int | None = None, log_dir: Path | None = None, timeout: float = 90,
          root: Path = ROOT) -> Server:
    """Start `deploy/serve PORT` (kind "serve") or the README's plain gunicorn command (kind "gunicorn"),
    from this checkout or another one (`root`: e.g. an older commit, to measure "before")."""
    port = port or free_port()
    if kind == "serve":
        cmd = [sys.executable, str(root / "deploy" / "serve"), str(port)]
    else:
        cmd = [sys.executable, "-m", "gunicorn", "-w", "2", "--threads", "4", "--preload", "-b", f"127.0.0.1:{port}",
               "dashboard.app:server"]
    log = (log_dir or Path(os.environ.get("TMPDIR", "/tmp"))) / f"nba-{kind}-{port}.log"
    proc = subprocess.Popen(cmd, cwd=root, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONPATH": str(root)})
    server = Server(kind, port, proc, log)
    deadline = time.monotonic() + timeout
    while not (listening(port) and _answers(port)):
        if proc.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"{kind} did not start: {log.read_text()[-2000:]}")
        time.sleep(0.1)
    return server


def _answers(port: int) -> bool:
    try:
        return request(port, "GET", "/_dash-dependencies", timeout=5)[0] == 200
    except OSError:
        return False


def _stat(pid: int) -> list[str]:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    return text[text.rindex(")") + 2:].split()


def _ppid(pid: int) -> int:
    fields = _stat(pid)
    return int(fields[1]) if fields else 0


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def children(pid: int) -> list[int]:
    """Direct children of a process (from /proc)."""
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _ppid(int(p.name)) == pid]


def descendants(pid: int) -> list[int]:
    """All processes below a process."""
    out, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        out += kids
        todo += kids
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def request(port: int, method: str, path: str, body: str | None = None, timeout: float = 10,
            conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    """One request to 127.0.0.1:port; returns (status, body). A given connection is reused (keep-alive)."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = dict(BROWSER_HEADERS)
        if body is not None:
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        if own:
            conn.close()


@dataclass
class Result:
    """What one case measured."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        """Nearest-rank percentile of the successful requests' latency, in ms."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def hammer(port: int, method: str, path: str, body: str | None, clients: int, seconds: float,
           during: Callable[[], None] | None = None, max_requests: int = MAX_REQUESTS, timeout: float = 15) -> Result:
    """`clients` threads send the request back to back for `seconds` (each starts at least one);
    `during` runs once half-way through."""
    result = Result()
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    count = [0]

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        first = True
        while first or time.monotonic() < stop_at:
            first = False
            with lock:
                if count[0] >= max_requests:
                    break
                count[0] += 1
            t0 = time.perf_counter()
            try:
                status, _ = request(port, method, path, body, conn=conn)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                with lock:
                    result.errors.append(type(exc).__name__)
                continue
            with lock:
                if status == 200:
                    result.latencies.append(time.perf_counter() - t0)
                else:
                    result.errors.append(str(status))
        conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    if during is not None:
        time.sleep(seconds / 2)
        during()
    for t in threads:
        t.join(seconds + timeout + 30)
    result.seconds = time.monotonic() - t0
    return result


class SlowClients:
    """`n` sockets that send a request's headers one line every `every` seconds and never finish (a slowloris)."""

    def __init__(self, port: int, n: int = 32, every: float = 0.5) -> None:
        self.sockets = []
        for _ in range(n):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            self.sockets.append(s)
        self._stop = threading.Event()
        self._every = every
        self._thread = threading.Thread(target=self._trickle, daemon=True)
        self._thread.start()

    def _trickle(self) -> None:
        n = 0
        while not self._stop.wait(self._every):
            n += 1
            for s in self.sockets:
                try:
                    s.sendall(f"X-Slow-{n}: 1\r\n".encode())
                except OSError:
                    pass

    def close(self) -> None:
        """Stop trickling and close the sockets."""
        self._stop.set()
        self._thread.join(5)
        for s in self.sockets:
            s.close()


def page_loads_beside_slow_clients(port: int, loads: int = 10, slow: int = 32, timeout: float = 10) -> Result:
    """`loads` concurrent page loads (each given `timeout` s) while `slow` slow clients are connected."""
    clients = SlowClients(port, slow)
    try:
        time.sleep(1)
        return hammer(port, "GET", "/", None, clients=loads, seconds=0.01, timeout=timeout, max_requests=loads)
    finally:
        clients.close()


def settle(port: int, limit: float = 60) -> None:
    """Wait until the server has worked off what the last case left queued (a probe answers within 1 s)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        try:
            if request(port, "GET", "/_dash-dependencies", timeout=limit)[0] == 200 and time.monotonic() - t0 < 1:
                return
        except OSError:
            pass
        time.sleep(0.5)


def run(kind: str, seconds: float, root: Path = ROOT) -> list[list[str]]:
    """Every case at c=10 and c=50 against one server kind; table rows."""
    server = start(kind, root=root)
    rows = []
    try:
        for method, path, body in CASES.values():   # warm every worker's caches (built once per worker)
            hammer(server.port, method, path, body, clients=4, seconds=0.5, timeout=60)
        for name, (method, path, body) in CASES.items():
            for clients in (10, 50):
                settle(server.port)
                res = hammer(server.port, method, path, body, clients, seconds)
                rss = max((rss_mb(p) for p in server.workers()), default=0.0)
                rows.append([kind, name, str(clients), f"{res.rate:.0f}", f"{res.percentile(50):.0f}",
                             f"{res.percentile(99):.0f}", str(len(res.errors)), f"{rss:.0f}"])
                print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    finally:
        server.stop()
    return rows


def faults(kind: str, root: Path = ROOT) -> list[str]:
    """The fault cases against one server kind: page loads beside 32 slow clients; a worker killed under load."""
    server = start(kind, root=root)
    try:
        request(server.port, "GET", "/", timeout=30)
        slow = page_loads_beside_slow_clients(server.port)
        settle(server.port)
        workers = server.workers()
        killed = hammer(server.port, "GET", "/", None, clients=10, seconds=4,
                        during=lambda: os.kill(workers[0], signal.SIGKILL))
    finally:
        server.stop()
    return [f"10 page loads beside 32 slow clients: {len(slow.latencies)} succeeded, {len(slow.errors)} failed "
            f"(slowest success {max(slow.latencies, default=0):.1f} s)",
            f"a worker SIGKILLed under 10 clients of page loads: {len(killed.errors)} of "
            f"{len(killed.errors) + len(killed.latencies)} requests failed"]


def main(argv: list[str] | None = None) -> int:
    """Command line: run the cases and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", choices=("serve", "gunicorn", "both"), default="both")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds per case (default 3)")
    parser.add_argument("--before", type=Path, default=ROOT,
                        help="checkout the plain gunicorn runs from (default this one; e.g. `git worktree` of an "
                             "older commit, to measure the app before this change too)")
    parser.add_argument("--faults", action="store_true", help="run the slow-client and killed-worker cases instead")
    args = parser.parse_args(argv)
    kinds = ["gunicorn", "serve"] if args.target == "both" else [args.target]
    names = {"gunicorn": "plain gunicorn (before)", "serve": "deploy/serve (after)"}
    if args.faults:
        for kind in kinds:
            for line in faults(kind, args.before.resolve() if kind == "gunicorn" else ROOT):
                print(f"- {names[kind]}: {line}")
        return 0
    rows = [row for kind in kinds
            for row in run(kind, args.seconds, args.before.resolve() if kind == "gunicorn" else ROOT)]
    print("| server | request | clients | req/s | p50 ms | p99 ms | errors | worker RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join([names[row[0]], *row[1:]]) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
