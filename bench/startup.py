"""Launch to first page, and first versus later requests: `python -m bench.startup [--runs N] [--port P]`.

Starts `python -m dashboard` N times; for each, the seconds from launching the process to `/` answering 200,
with the CPU seconds the server used until then (what the launch costs whatever else the machine runs), then the time of the first and of later requests of each kind in that process (a first request that is much slower
than the later ones pays a first-time cost). Loopback only. Prints a markdown table (medians over the runs).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LATER = 5   # later requests timed per kind


def _get(url: str, body: bytes | None = None) -> float:
    """Seconds for one request (200 expected)."""
    t0 = time.monotonic()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"} if body else {})
    with urllib.request.urlopen(req, timeout=30) as resp:
        resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{url}: {resp.status}")
    return time.monotonic() - t0


def _wait_up(url: str, t0: float, timeout: float = 60) -> float:
    """Poll until the server answers 200; seconds since t0."""
    while time.monotonic() - t0 < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return time.monotonic() - t0
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{url} did not come up")


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far: the launch cost without the other load on the machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _details_body(base: str) -> bytes | None:
    """A details-panel callback request built from the app's own dependency list (None if there is none)."""
    with urllib.request.urlopen(f"{base}/_dash-dependencies", timeout=10) as resp:
        deps = json.loads(resp.read())
    for dep in deps:
        if "details" in dep["output"] and not dep.get("clientside_function"):
            with urllib.request.urlopen(f"{base}/page-data/timeline.json", timeout=10) as resp:
                unit = json.loads(resp.read())["units"][0]
            values = {"details-request": {"unit": unit, "state": 5}, "page-lang": "mn"}
            inputs = [{"id": i["id"], "property": i["property"], "value": values.get(i["id"])} for i in dep["inputs"]]
            state = [{"id": s["id"], "property": s["property"], "value": values.get(s["id"])}
                     for s in dep.get("state", [])]
            outs = dep["output"][2:-2].split("...") if dep["output"].startswith("..") else [dep["output"]]
            outputs = [{"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]} for o in outs]
            return json.dumps({"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
                               "inputs": inputs, "state": state, "changedPropIds": []}).encode()
    return None


def one_run(port: int) -> dict[str, float]:
    """Launch the app once and time it; the process is stopped afterwards."""
    base = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "--port", str(port)], cwd=ROOT, env=dict(os.environ),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        out = {"launch": _wait_up(f"{base}/", t0), "launch cpu": _cpu_seconds(proc.pid)}
        kinds = {"page ?lang=zh": (f"{base}/?lang=zh", None), "layout": (f"{base}/_dash-layout", None),
                 "events.csv": (f"{base}/download/events.csv", None),
                 "borders.geojson": (f"{base}/download/borders.geojson?date=1915-06-07", None)}
        body = _details_body(base)
        if body:
            kinds["details callback"] = (f"{base}/_dash-update-component", body)
        for name, (url, data) in kinds.items():
            out[f"{name} first"] = _get(url, data)
            out[f"{name} later"] = statistics.median(_get(url, data) for _ in range(LATER))
        return out
    finally:
        proc.terminate()
        proc.wait(10)


def main(argv: list[str] | None = None) -> None:
    """Run and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8093)
    args = parser.parse_args(argv)
    runs = [one_run(args.port) for _ in range(args.runs)]
    print(f"| measure (median of {args.runs} launches) | seconds |")
    print("|---|---|")
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"| {key} | {statistics.median(values):.3f} (min {min(values):.3f}, max {max(values):.3f}) |")


if __name__ == "__main__":
    main()
