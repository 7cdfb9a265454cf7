"""Measure the page in headless Chromium: slider-step latency (browser path vs server-callback path),
bytes transferred for the whole page, and time to the first drawn map. Prints a markdown table.

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
TARGETS = {"p50": 60, "p95": 120, "bytes": 1.5e6, "first_map": 3.0}

HOOK = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  window.__b = {key: 0, drawn: 0, plotted: 0};
  document.addEventListener('keydown', e => { window.__b = {key: e.timeStamp, drawn: 0, plotted: 0}; }, true);
  gd.on('plotly_afterplot', () => { if (!window.__b.plotted) window.__b.plotted = performance.now(); });
  gd.addEventListener('atlas:drawn', () => { if (!window.__b.drawn) window.__b.drawn = performance.now(); });
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
            time.sleep(0.05)
    raise RuntimeError(f"server at {url} did not come up")


def _steps(page, query: str, steps: int, server: bool) -> tuple[list[float], list[float]]:
    """Press ArrowRight `steps` times; per step, ms from keydown to the map being up to date.

    Returns (all steps, steps where Plotly redrew). Browser path: 'up to date' is the atlas:drawn
    event (fired at once when a step changes nothing on the map). Server path: plotly_afterplot.
    """
    page.goto(page.base + "/" + query)
    page.wait_for_selector("#map .choroplethlocation", timeout=20000)
    page.wait_for_timeout(1500)
    page.evaluate(HOOK)
    page.locator("#year-slider [role=slider]").focus()
    every, redrawn = [], []
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
        if server:
            page.wait_for_function("() => window.__b.plotted > 0", timeout=10000)
        else:
            page.wait_for_function("() => window.__b.drawn > 0", timeout=10000)
        page.wait_for_timeout(60)   # let a pending afterplot arrive before the next key
        b = page.evaluate("() => window.__b")
        done = b["plotted"] if server else b["drawn"]
        every.append(done - b["key"])
        if b["plotted"]:
            redrawn.append(b["plotted"] - b["key"])
    return every, redrawn


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the table."""
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
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)   # started before the clock runs
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.base = base
        proc = subprocess.Popen([sys.executable, "-m", "dashboard", "--port", str(args.port)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            up = _wait_up(base + "/")
            sizes: list[int] = []
            page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]
                                                              + r.sizes()["responseHeadersSize"]))
            page.goto(base + "/")
            page.wait_for_selector("#map .choroplethlocation", timeout=30000)
            first_map = time.monotonic() - up
            page.wait_for_load_state("networkidle")
            total = sum(sizes)
            query = f"?year={args.start_year}"
            client_all, client_redraw = _steps(page, query, args.steps, server=False)
            server_all, _ = _steps(page, query + "&render=server", args.steps, server=True)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            browser.close()

    def row(name: str, values: list[float], target: str) -> str:
        if not values:
            return f"| {name} | – | – | – | {target} |"
        return (f"| {name} | {statistics.median(values):.0f} | {_percentile(values, 95):.0f} | {len(values)} "
                f"| {target} |")

    print(f"Slider steps from {args.start_year}, ArrowRight x {args.steps}, headless Chromium, 1280x800, "
          f"{os.cpu_count()} CPUs\n")
    print("| slider step → map up to date | p50 ms | p95 ms | steps | target |")
    print("|---|---|---|---|---|")
    print(row("browser path (default), all steps", client_all, "p50 ≤ 60, p95 ≤ 120"))
    print(row("browser path, steps that redraw (→ plotly_afterplot)", client_redraw, ""))
    print(row("server-callback path (?render=server, → plotly_afterplot)", server_all, "comparison only"))
    print()
    print("| page | value | target |")
    print("|---|---|---|")
    print(f"| whole page transferred (brotli) | {total / 1e6:.2f} MB | ≤ 1.5 MB |")
    print(f"| server up → first map drawn | {first_map:.2f} s | ≤ 3 s |")


if __name__ == "__main__":
    main()
