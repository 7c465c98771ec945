"""The HTML page in headless Chromium with the network off: it draws, searches, and runs nothing it is given."""
import os
import shutil

import pytest

from kg import KnowledgeGraph
from kg.records import Article, Extraction, Organisation, Person, Position

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("chromium is missing: .ci/run installs Debian's chromium for this test")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND"]
PAINTED_PIXELS = """() => {
  const c = document.querySelector('#graph canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }"""
HOSTILE = ['<img src=x onerror="window.pwned=1">', '"><script>window.pwned=2</script>', "O'Brien \" } ]"]


@pytest.fixture
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_offline(browser, path):
    """Open the page with every request but the page itself refused; report what was attempted."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    attempts, errors, dialogs = [], [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (attempts.append(route.request.url), route.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgReady === true", timeout=30_000)
    return page, attempts, errors, dialogs


def test_the_seed_graph_draws_and_search_centres_a_node(browser, seed_graph, tmp_path):
    path = seed_graph.visualize(tmp_path / "seed.html")
    page, attempts, errors, _ = open_offline(browser, path)
    assert page.evaluate(PAINTED_PIXELS) > 1000
    page.fill("#search", "tran luu quang")
    page.press("#search", "Enter")
    selected = page.evaluate("window.kgNetwork.getSelectedNodes()")
    assert len(selected) == 1
    centred = page.evaluate("""(id) => { const v = window.kgNetwork.getViewPosition();
        const p = window.kgNetwork.getPositions([id])[id]; return Math.hypot(v.x - p.x, v.y - p.y); }""", selected[0])
    assert centred < 1
    assert page.inner_text("#card").startswith("Trần Lưu Quang")
    assert attempts == [] and errors == []


def test_hostile_names_render_as_text_and_run_nothing(browser, tmp_path):
    article = Article("evil", "Tin", "x")
    people = [Person(name, [Position("Bí thư", name)]) for name in HOSTILE]
    extraction = Extraction(article, "2021-01-01", people, [Organisation(name) for name in HOSTILE])
    graph = KnowledgeGraph.open("memory")
    graph.add_extraction(extraction)
    path = graph.visualize(tmp_path / "evil.html")
    page, attempts, errors, dialogs = open_offline(browser, path)
    for name in HOSTILE:
        page.evaluate("(name) => window.kgCentre(name)", name)
        assert name in page.inner_text("#card")
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('#card img, #card script').length") == 0
    assert attempts == [] and errors == [] and dialogs == []
