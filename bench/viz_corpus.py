"""Time the graph page on a store: writing it, and settling it in headless Chromium.

usage: python bench/viz_corpus.py STORE [LIMIT] [OUT]
Writes the overview of LIMIT (default 5,000) nodes (persons and bodies most written about, and
meetings and documents linking them) to OUT (default
/tmp/viz_corpus.html), timing each stage, then opens it in Debian's chromium with the network
off and times how long it takes to be drawn with its labels placed (`window.kgReady`), and
to expand every community. Targets: written in under 15 s, settled in under 2 s.
"""
import os
import sys
import time
from collections import Counter
from pathlib import Path

from kg import KnowledgeGraph, viz

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"]
WRITE_TARGET, SETTLE_TARGET = 15.0, 2.0


def write(store: str, limit: int, out: Path) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    with KnowledgeGraph.open(store, read_only=True) as graph:
        view = viz.build_view(graph, viz.Selection(limit=limit))
        built = time.perf_counter()
        data = viz.page_data(view)
        laid = time.perf_counter()
        out.write_text(viz.render(data), encoding="utf-8")
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{len(data['nodes']):,} nodes, {len(data['edges']):,} edges, {len(data['communities'])} communities, "
          f"{out.stat().st_size / 1e6:.1f} MB; read {built - started:.1f} s, layout and panels "
          f"{laid - built:.1f} s, render {total - (laid - started):.1f} s")
    kinds = Counter(n["kind"] for n in data["nodes"])
    print("kinds: " + ", ".join(f"{k} {v:,}" for k, v in kinds.most_common()))
    print(f"written in {total:.1f} s (target {WRITE_TARGET:.0f} s: {total / WRITE_TARGET:.2f} of it); {cpu:.1f} s of CPU, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (the machine is shared)")
    return total


def settle(out: Path) -> None:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        requests = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                   else (requests.append(r.request.url), r.abort()))
        started = time.perf_counter()
        page.goto(out.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=120_000)
        settled = time.perf_counter() - started
        print(f"settled in {settled:.2f} s (target {SETTLE_TARGET:.0f} s: {settled / SETTLE_TARGET:.2f} of it); "
              f"{page.evaluate('window.kg.nodes.length')} nodes drawn, "
              f"{len(page.evaluate('window.kg.labelBoxes()'))} labels; {len(requests)} requests attempted")
        started = time.perf_counter()
        page.click("#groups", timeout=120_000)
        page.evaluate("window.kg.placeLabels()")
        print(f"every community expanded in {time.perf_counter() - started:.2f} s: "
              f"{page.evaluate('window.kg.nodes.length')} nodes drawn")
        browser.close()


if __name__ == "__main__":
    target = Path(sys.argv[3] if len(sys.argv) > 3 else "/tmp/viz_corpus.html")
    write(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5000, target)
    settle(target)
