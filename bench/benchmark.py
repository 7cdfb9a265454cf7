"""Measure the page in headless Chromium, unthrottled and with the CPU throttled 4x (a classroom laptop):
key press to the map finished and painted for slider steps that change the map, beside the paint limit
measured in the same run (the unit fills and border edges of two states swapped directly, then the next frame);
bytes transferred; launch to first page and to first map. Prints markdown tables.

    python -m bench.benchmark [--steps 60] [--port 8071]

It starts `python -m dashboard` itself (compression on, as served), so nothing else may use the port.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = os.environ.get("NBA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent
MAP_READY = "#map svg.nba-map path.unit[fill]"

HOOK = """() => {
  window.__b = {key: 0, drawn: 0, changed: false};
  document.addEventListener('keydown', e => { window.__b = {key: e.timeStamp, drawn: 0, changed: false}; }, true);
  document.getElementById('map').addEventListener('atlas:drawn', e => {
    if (!window.__b.drawn) { window.__b.drawn = performance.now(); window.__b.changed = e.detail.changed; }
  });
}"""

# The paint limit: what the step must at least cost. Swap the fills of every unit and the border edges between two
# states directly (no model, no slider), wait for the next frame and the task after it (as the page does).
PAINT = """async (n) => {
  const page = window.NBA.page, M = window.NBA.model, d = page.data;
  const a = d.stopState[M.stopOf(d, '1911-01-01')], b = d.stopState[M.stopOf(d, '1950-01-01')];
  const units = Array.from(document.querySelectorAll('#map .units path.unit'));
  const edges = Array.from(document.querySelectorAll('#map .border path'));
  const fills = [M.unitFills(d, page.styles, a), M.unitFills(d, page.styles, b)];
  const sets = [M.borderSet(d, a, 'control'), M.borderSet(d, b, 'control')];
  const out = [];
  const frame = () => new Promise(r => requestAnimationFrame(() => { const c = new MessageChannel();
    c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); }));
  await frame();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now(), f = fills[i % 2], s = sets[i % 2];
    units.forEach((p, j) => p.setAttribute('fill', f[j]));
    edges.forEach((p, j) => s[j] ? p.removeAttribute('display') : p.setAttribute('display', 'none'));
    out.push((await frame()) - t0);
  }
  units.forEach((p, j) => p.setAttribute('fill', fills[0][j]));
  return out;
}"""


def _percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def _wait_up(url: str, timeout: float = 60) -> float:
    """Poll until the server answers; returns the time it did."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return time.monotonic()
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"server at {url} did not come up")


def _steps(page, url: str, steps: int) -> tuple[list[float], list[float]]:
    """Press ArrowRight `steps` times; per step, ms from the key press to the map painted.

    Returns (steps that changed the map, every step)."""
    page.goto(url)
    page.wait_for_selector(MAP_READY, timeout=30000)
    page.wait_for_timeout(1500)
    page.evaluate(HOOK)
    page.locator("#date-slider [role=slider]").focus()
    changed, every = [], []
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => window.__b.drawn > 0", timeout=10000)
        page.wait_for_timeout(40)
        b = page.evaluate("() => window.__b")
        every.append(b["drawn"] - b["key"])
        if b["changed"]:
            changed.append(b["drawn"] - b["key"])
    return changed, every


def _first_page(port: int, env: dict[str, str]) -> tuple[float, subprocess.Popen]:
    """Start the app; seconds from launching the process to the first page answered."""
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _wait_up(f"http://127.0.0.1:{port}/") - t0, proc


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(prog="python -m bench.benchmark")
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--port", type=int, default=8071)
    parser.add_argument("--start-year", type=int, default=1910)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    base = f"http://127.0.0.1:{args.port}"
    env = {**os.environ, "NBA_COMPRESS": "1", "NBA_DEBUG": "0"}
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)   # started before the clock runs
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        launch, proc = _first_page(args.port, env)
        try:
            up = time.monotonic()
            sizes: list[int] = []
            page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]
                                                              + r.sizes()["responseHeadersSize"]))
            page.goto(base + "/")
            page.wait_for_selector(MAP_READY, timeout=30000)
            first_map = time.monotonic() - up
            page.wait_for_load_state("networkidle")
            total = sum(sizes)
            cdp = page.context.new_cdp_session(page)
            for rate in (1, 4):
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                changed, every = _steps(page, f"{base}/?year={args.start_year}", args.steps)
                paint = page.evaluate(PAINT, 30)
                rows.append((rate, changed, every, paint))
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            browser.close()

    def cell(values: list[float]) -> str:
        return f"{statistics.median(values):.0f} | {_percentile(values, 95):.0f}" if values else "– | –"

    print(f"Slider steps from {args.start_year}, ArrowRight x {args.steps}, headless Chromium, 1280x800, "
          f"{os.cpu_count()} CPUs\n")
    print("| CPU | key → map painted, steps that change the map: p50 ms | p95 ms | n | all steps p50 | p95 "
          "| paint limit p50 | p95 | p50 / limit |")
    print("|---|---|---|---|---|---|---|---|---|")
    for rate, changed, every, paint in rows:
        ratio = statistics.median(changed) / statistics.median(paint) if changed and paint else float("nan")
        print(f"| {rate}x | {cell(changed)} | {len(changed)} | {cell(every)} | {cell(paint)} | {ratio:.1f} |")
    print("\nTargets at 4x: p50 ≤ 60 ms, p95 ≤ 120 ms, p50 within 2x of the paint limit.\n")
    print("| page | value | target |")
    print("|---|---|---|")
    print(f"| whole page transferred (brotli) | {total / 1e6:.2f} MB | ≤ 1.5 MB |")
    print(f"| launch → first page answered | {launch:.2f} s | ≤ 1.5 s |")
    print(f"| server up → first map drawn | {first_map:.2f} s | ≤ 3 s |")


if __name__ == "__main__":
    main()
