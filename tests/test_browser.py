"""The HTML page on corpus-shaped data: laid out, clustered, labelled without overlap, with a panel,
a time filter and search; in headless Chromium with the network off, running nothing it is given."""
import datetime
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys

import networkx as nx
import pytest

from kg import KnowledgeGraph
from kg import viz
from kg.records import Article, Document, Event, Evidence, Extraction, Organisation, Person, Position

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("chromium is missing: .ci/run installs Debian's chromium for this test")
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND"]
HOSTILE = ['<img src=x onerror="window.pwned=1">', '"><script>window.pwned=2</script>', "O'Brien \" } ]"]
PROVINCES = ["Hải Phòng", "Nghệ An", "Quảng Ninh", "Cần Thơ", "Lào Cai", "Bình Định"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
GIVEN = ["Văn An", "Hữu Bình", "Minh Cường", "Quốc Dũng", "Thanh Giang", "Đức Hải", "Thị Khánh", "Hoàng Long",
         "Xuân Nam", "Công Phúc", "Anh Quân", "Hồng Sơn", "Ngọc Tâm", "Thế Vinh"]
ROLES = ["Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch", "Giám đốc"]
OFFSETS = itertools.count()
FUTURE = "2030-02-06"  # a meeting date no 2017 article can report as past


def _said(text: str) -> Evidence:
    """A sentence at an offset of its own (sentences are identified by their span in the article)."""
    start = next(OFFSETS) * 1000
    return Evidence(text, start, start + len(text))


def _bodies(province: str) -> list[str]:
    return [f"Thành ủy {province}", f"Ủy ban nhân dân thành phố {province}", f"Sở Tài chính thành phố {province}"]


def _staff(p: int) -> list[str]:
    return [f"{SURNAMES[(p + k) % len(SURNAMES)]} {GIVEN[(5 * p + k) % len(GIVEN)]}" for k in range(9)]


def _province(p: int, month: int) -> tuple[list[Person], list[Event], list[Document]]:
    """One province's news of a month: who holds which post, a meeting, every third month a resolution."""
    province, bodies, staff = PROVINCES[p], _bodies(PROVINCES[p]), _staff(p)
    date = f"2017-{month:02d}-15"
    people = []
    for k, name in enumerate(staff):
        if (k + month) % 3 == 0:
            role, body = ROLES[k % len(ROLES)], bodies[k % len(bodies)]
            said = f"Ông {name}, {role} {body}, phát biểu."
            people.append(Person(name, [Position(role, body, current=k != 8 or month < 6, evidence=_said(said))]))
    present = [q.name for q in people][:4]
    meeting_date = FUTURE if (p, month) == (0, 7) else date
    events = [Event("hội nghị", meeting_date, province, present, [bodies[0]],
                    [_said(f"Hội nghị của {bodies[0]} có {len(present)} đại biểu.")])]
    documents = [Document("Nghị quyết", f"{month:02d}/NQ-TU", date, bodies[0], None,
                          _said(f"{bodies[0]} ban hành Nghị quyết số {month:02d}/NQ-TU."))] if month % 3 == 0 else []
    return people, events, documents


def _month(month: int) -> Extraction:
    """A month's news from every province."""
    date = f"2017-{month:02d}-15"
    news = [_province(p, month) for p in range(len(PROVINCES))]
    return Extraction(Article(f"m{month}", f"Tin tháng {month}", "…", date=date), date,
                      [q for people, _, _ in news for q in people],
                      [Organisation(b) for province in PROVINCES for b in _bodies(province)],
                      [e for _, events, _ in news for e in events], [d for *_, docs in news for d in docs])


@pytest.fixture(scope="module")
def corpus_graph():
    """Six provinces over a year, one national body linking two of them."""
    graph = KnowledgeGraph.open("memory")
    for month in range(1, 13):
        graph.add_extraction(_month(month))
    bridge = Person("Trương Quang Nghĩa", [Position("Ủy viên", "Ban Tổ chức Trung ương", evidence=_said("x")),
                                            Position("Bí thư", "Thành ủy Hải Phòng", evidence=_said("y"))])
    graph.add_extraction(Extraction(Article("bridge", "Tin", "…", date="2017-06-01"), "2017-06-01", [bridge]))
    return graph


@pytest.fixture(scope="module")
def overview_data(corpus_graph):
    return viz.page_data(viz.build_view(corpus_graph))


@pytest.fixture(scope="module")
def pages(corpus_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    return {"overview": corpus_graph.visualize(out / "overview.html"),
            "focus": corpus_graph.visualize(out / "focus.html", focus="Thành ủy Hải Phòng", depth=1)}


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
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


WHERE = """(id) => { const p = window.kg.network.getPositions([id])[id];
    const d = window.kg.network.canvasToDOM(p), r = document.getElementById('graph').getBoundingClientRect();
    return [d.x + r.left, d.y + r.top]; }"""


def overlaps(boxes):
    """Pairs of drawn labels whose boxes (the network's own, in canvas units) intersect."""
    return [(a["label"], b["label"]) for a, b in itertools.combinations(boxes, 2)
            if a["left"] < b["left"] + b["width"] and b["left"] < a["left"] + a["width"]
            and a["top"] < b["top"] + b["height"] and b["top"] < a["top"] + a["height"]]


def settle_labels(page):
    page.evaluate("window.kg.placeLabels()")
    return page.evaluate("window.kg.labelBoxes()")


# The page's data, without a browser.

def test_layout_and_communities_are_computed_once_and_deterministic(corpus_graph, overview_data):
    first = overview_data
    again = viz.page_data(viz.build_view(corpus_graph))
    assert first == again
    assert first["collapsed"] and len(first["communities"]) >= len(PROVINCES)
    places = {(n["x"], n["y"]) for n in first["nodes"]}
    assert len(places) == len(first["nodes"])
    named = {c["name"] for c in first["communities"]}
    assert {f"Thành ủy {p}" for p in PROVINCES} & named


def test_the_page_does_not_change_with_pythons_hash_seed(tmp_path):
    """Louvain and ForceAtlas2 follow the order of nodes, and a set's order changes with the hash seed."""
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as graph:
        for month in range(1, 13):  # communities big enough for ForceAtlas2 (under the old code: 3 pages)
            graph.add_extraction(_month(month))
    script = ("import json, sys; from kg import KnowledgeGraph, viz; g = KnowledgeGraph.open(sys.argv[1], read_only=True); "
              "print(json.dumps(viz.page_data(viz.build_view(g)), sort_keys=True))")
    pages = {subprocess.run([sys.executable, "-c", script, str(store)], env={**os.environ, "PYTHONHASHSEED": seed},
                            capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(pages) == 1 and '"communities"' in pages.pop()


def test_disconnected_pieces_ring_the_page_without_overlapping():
    radii = [300.0, 120.0, 60.0] + [45.0] * 40
    centres = viz._rings(500.0, radii)
    assert all(math.hypot(*c) - r >= 500.0 for c, r in zip(centres, radii))
    assert all(math.dist(centres[i], centres[j]) >= radii[i] + radii[j] - 1e-6
               for i, j in itertools.combinations(range(len(radii)), 2))


def _hub_facts() -> viz.Facts:
    """Three officials, each with a post in six articles, and a crowd: 30 meetings of 8 one-off guests
    each (meetings are the most connected nodes), 10 of them also attended by two officials; a loner
    at three meetings of his own."""
    facts = viz.Facts()
    def node(iri, kind):
        facts.names[iri], facts.types[iri] = iri, kind
    node("org:ubnd", "organisation")
    for k in range(3):
        node(f"p:official{k}", "person")
        facts.tenures[(f"p:official{k}", "org:ubnd", "Chủ tịch")] = [(None, True, f"a:post{k}-{i}") for i in range(6)]
    for m in range(30):
        node(f"m:{m}", "meeting")
        facts.seen[f"m:{m}"] = [f"a:meeting{m}"]
        guests = [f"p:guest{m}-{i}" for i in range(8)] + ([f"p:official{m % 3}", f"p:official{(m + 1) % 3}"]
                                                         if m < 10 else [])
        for guest in guests:
            node(guest, "person")
            facts.links.append((f"m:{m}", guest, "attended"))
    node("p:loner", "person")
    for m in range(3):
        node(f"m:solo{m}", "meeting")
        facts.seen[f"m:solo{m}"] = [f"a:solo{m}"]
        facts.links.append((f"m:solo{m}", "p:loner", "attended"))
    return facts


def test_an_overview_is_about_persons_and_bodies_and_keeps_the_meetings_linking_them():
    facts = _hub_facts()
    g = viz._graph(facts, viz.TYPES)
    kept = viz.overview(g, viz._articles(g, facts), 20)
    kinds = [g.nodes[n]["type"] for n in kept[:20]]
    assert kinds.count("meeting") <= 20 * viz.LINK_SHARE
    assert set(kept[:4]) == {"org:ubnd", "p:official0", "p:official1", "p:official2"}  # most written about
    head = set(kept[:20])
    assert all(sum(m in head for m in g[n]) >= 2 for n in kept[:20] if g.nodes[n]["type"] == "meeting")
    assert "p:loner" not in head  # a piece of his own: the next linked to the rest takes his place
    assert nx.is_connected(g.subgraph(head))  # no piece of fewer than MIN_PIECE nodes
    assert sorted(kept) == sorted(g)  # the rest follows, for the count of what was left out
    assert sorted(g, key=lambda n: -g.degree(n))[0].startswith("m:")  # by degree it would be a meeting


def test_an_overview_of_meetings_only_keeps_the_most_connected(corpus_graph):
    view = viz.build_view(corpus_graph, viz.Selection(types=("meeting",), limit=5))
    assert len(view.graph) == 5 and {d["type"] for _, d in view.graph.nodes(data=True)} == {"meeting"}


def test_a_small_overview_of_the_corpus_shaped_data_balances_kinds(corpus_graph):
    view = viz.build_view(corpus_graph, viz.Selection(limit=40))
    kinds = [d["type"] for _, d in view.graph.nodes(data=True)]
    assert len(kinds) == 40 and kinds.count("meeting") + kinds.count("document") <= 8
    assert kinds.count("organisation") >= 6 and kinds.count("person") >= 20
    assert view.left_out == len(viz._graph(viz.read_facts(corpus_graph, viz.Selection()), viz.TYPES)) - 40


def test_a_person_panel_has_career_with_first_and_last_seen(overview_data):
    data = overview_data
    name = _staff(1)[8]
    i = next(n["id"] for n in data["nodes"] if n["name"] == name)
    career = data["panels"][i]["career"]
    assert [(t["role"], t["first"], t["last"], t["current"]) for t in career] == \
        [("Phó Chủ tịch", "2017-01-15", "2017-10-15", False)]
    assert data["panels"][i]["meetings"] and data["panels"][i]["sources"]


def test_since_and_until_keep_the_facts_seen_in_range(corpus_graph):
    selection = viz.Selection(since=datetime.date(2017, 6, 1), until=datetime.date(2017, 8, 31))
    data = viz.page_data(viz.build_view(corpus_graph, selection))
    months = {m for e in data["edges"] for m in (e.get("first"), e.get("last")) if m}
    assert months == {"2017-06", "2017-07", "2017-08"} and data["months"] == sorted(months)


def test_dates_shown_are_never_later_than_the_article(overview_data):
    page = json.dumps(overview_data, ensure_ascii=False)
    assert FUTURE not in page and "hội nghị, as of 2017-07-15" in page


def test_the_page_is_self_contained_and_names_are_data(tmp_path):
    graph = KnowledgeGraph.open("memory")
    graph.add_extraction(Extraction(Article("evil", "</script><b>", "x"), "2021-01-01",
                                    [Person(HOSTILE[1], [Position("Bí thư", HOSTILE[0])])]))
    page = graph.visualize(tmp_path / "evil.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"?https?:", page)
    assert "<img src=x" not in page and page.count("</script>") == 3


# The page in the browser.

@needs_browser
def test_overview_opens_settled_with_communities_and_labels_that_do_not_overlap(browser, pages):
    page, attempts, errors, _ = open_offline(browser, pages["overview"])
    drawn = page.evaluate("window.kg.nodes.getIds()")
    assert drawn and all(isinstance(i, str) and i.startswith("c") for i in drawn[:len(PROVINCES)])
    boxes = settle_labels(page)
    assert len(boxes) >= len(PROVINCES) and overlaps(boxes) == []
    assert page.evaluate("window.kg.network.physics.options.enabled") is False
    page.evaluate("window.kg.network.moveTo({scale: window.kg.network.getScale() / 4})")
    assert overlaps(settle_labels(page)) == []
    assert attempts == [] and errors == []


@needs_browser
def test_search_ignores_diacritics_and_opens_the_community(browser, pages):
    page, attempts, errors, _ = open_offline(browser, pages["overview"])
    page.fill("#search", "Thanh uy Hai Phong")
    assert page.inner_text("#suggest li.on").startswith("Thành ủy Hải Phòng")
    page.press("#search", "Enter")
    assert page.inner_text("#panel h3") == "Thành ủy Hải Phòng"
    assert "Holders" in page.inner_text("#panel")
    selected = page.evaluate("window.kg.network.getSelectedNodes()")
    assert len(selected) == 1 and isinstance(selected[0], int)
    assert overlaps(settle_labels(page)) == []
    assert attempts == [] and errors == []


@needs_browser
def test_clicking_a_person_opens_the_panel_with_posts(browser, pages):
    page, attempts, errors, _ = open_offline(browser, pages["focus"])
    person = page.evaluate("window.kg.matches('Trương Quang Nghĩa', 1)[0]")
    x, y = page.evaluate(WHERE, person)
    page.mouse.click(x, y)
    panel = page.inner_text("#panel")
    assert panel.startswith("×") or "Trương Quang Nghĩa" in panel
    assert "Career" in panel and "Ban Tổ chức Trung ương" in panel and "Bí thư, Thành ủy Hải Phòng" in panel
    assert attempts == [] and errors == []


@needs_browser
def test_focus_page_labels_fit_at_every_zoom_and_all_show_up_close(browser, pages):
    page, attempts, errors, _ = open_offline(browser, pages["focus"])
    assert overlaps(settle_labels(page)) == []
    page.evaluate("window.kg.network.moveTo({scale: window.kg.network.getScale() * 2})")
    assert overlaps(settle_labels(page)) == []
    name = page.evaluate("window.kg.centre(window.kg.matches('Thành ủy Hải Phòng', 1)[0])")
    page.evaluate("window.kg.network.moveTo({scale: 12})")
    boxes = settle_labels(page)
    in_view = page.evaluate("""() => {
        const n = window.kg.network, r = document.getElementById('graph').getBoundingClientRect();
        return window.kg.nodes.getIds().filter(id => { const d = n.canvasToDOM(n.getPositions([id])[id]);
          return d.x > 100 && d.x < r.width - 100 && d.y > 20 && d.y < r.height - 40; }); }""")
    assert name is not None and set(in_view) <= {b["id"] for b in boxes}
    assert attempts == [] and errors == []


@needs_browser
def test_time_filter_hides_edges_out_of_range(browser, pages):
    page, attempts, errors, _ = open_offline(browser, pages["focus"])
    before = page.evaluate("window.kg.edges.length")
    page.evaluate("window.kg.setRange('2017-03', '2017-05')")
    drawn = page.evaluate("""() => window.kg.edges.getIds().filter(id => id[0] === 'e')
        .map(id => window.kg.data.edges[+id.slice(1)])""")
    assert 0 < len(drawn) < before
    assert all("first" not in e or (e["last"] >= "2017-03" and e["first"] <= "2017-05") for e in drawn)
    meetings = page.evaluate("window.kg.nodes.getIds().filter(id => typeof id === 'number')"
                             ".map(id => window.kg.data.nodes[id]).filter(n => n.kind === 'meeting').map(n => n.first)")
    assert meetings and all("2017-03" <= m <= "2017-05" for m in meetings)
    assert page.inner_text("#span") == "2017-03 → 2017-05"
    assert attempts == [] and errors == []


@needs_browser
def test_png_of_the_view(browser, pages):
    page, attempts, errors, _ = open_offline(browser, pages["focus"])
    assert page.evaluate("window.kg.png()").startswith("data:image/png;base64,")
    with page.expect_download() as download:
        page.click("#png")
    assert download.value.suggested_filename == "graph.png"
    assert attempts == [] and errors == []


@needs_browser
def test_the_seed_graph_draws_and_search_centres_a_node(browser, seed_graph, tmp_path):
    page, attempts, errors, _ = open_offline(browser, seed_graph.visualize(tmp_path / "seed.html"))
    page.fill("#search", "tran luu quang")
    page.press("#search", "Enter")
    selected = page.evaluate("window.kgNetwork.getSelectedNodes()")
    centred = page.evaluate("""(id) => { const v = window.kgNetwork.getViewPosition();
        const p = window.kgNetwork.getPositions([id])[id]; return Math.hypot(v.x - p.x, v.y - p.y); }""", selected[0])
    assert len(selected) == 1 and centred < 1
    assert page.inner_text("#panel h3") == "Trần Lưu Quang"
    assert attempts == [] and errors == []


@needs_browser
def test_hostile_names_render_as_text_and_run_nothing(browser, tmp_path):
    article = Article("evil", "Tin", "x")
    people = [Person(name, [Position("Bí thư", name)]) for name in HOSTILE]
    extraction = Extraction(article, "2021-01-01", people, [Organisation(name) for name in HOSTILE])
    graph = KnowledgeGraph.open("memory")
    graph.add_extraction(extraction)
    page, attempts, errors, dialogs = open_offline(browser, graph.visualize(tmp_path / "evil.html"))
    for name in HOSTILE:
        page.evaluate("(name) => window.kgCentre(name)", name)
        assert name in page.inner_text("#panel")
        page.fill("#search", name[:12])
        assert page.locator("#suggest li").count() >= 1
        page.mouse.move(*page.evaluate(WHERE, page.evaluate("(n) => window.kg.matches(n, 1)[0]", name)))
        page.wait_for_timeout(400)
    assert page.evaluate("window.pwned") is None
    assert page.locator(".vis-tooltip").count() == 1 and any(n in page.inner_text(".vis-tooltip") for n in HOSTILE)
    inside = "#panel img, #panel script, #suggest img, .vis-tooltip *"
    assert page.evaluate("(s) => document.querySelectorAll(s).length", inside) == 0
    assert attempts == [] and errors == [] and dialogs == []


@needs_browser
def test_expand_adds_the_neighbours_embedded_in_the_page(browser, pages):
    page, attempts, errors, _ = open_offline(browser, pages["focus"])
    drawn = "window.kg.nodes.getIds().filter(i => typeof i === 'number').map(i => window.kg.data.nodes[i].name)"
    before = page.evaluate(drawn)
    page.evaluate("window.kg.centre(window.kg.matches('Trương Quang Nghĩa', 1)[0])")
    page.click("#panel button:text('Expand')")
    after = page.evaluate(drawn)
    assert "Ban Tổ chức Trung ương" not in before and "Ban Tổ chức Trung ương" in after
    assert len(after) > len(before)
    assert attempts == [] and errors == []
