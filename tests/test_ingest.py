"""The ingest pipeline: the same graph whatever the order, the worker count, or the runs it took."""
import importlib
import random

import pytest

from kg import KnowledgeGraph
from kg import ingest as pipeline
from kg.ingest import extract as stage
from tests.ingest_sample import sample_records, store_quads, write_records


def ingest(tmp_path, name, batches, **options):
    """Ingest each list of records in its own run into a new store; its quads."""
    location = tmp_path / name
    with KnowledgeGraph.open(location) as graph:
        for i, records in enumerate(batches):
            graph.ingest([write_records(tmp_path / f"{name}-{i}.jsonl", records)], **options)
    return store_quads(location)


def test_same_quads_for_shuffled_input_and_one_or_two_workers(tmp_path):
    records = sample_records()
    shuffled = random.Random(7).sample(records, len(records))
    one = ingest(tmp_path, "one", [records], workers=1)
    assert len(one) > 300
    assert ingest(tmp_path, "two", [shuffled], workers=2) == one


def test_articles_added_in_two_runs_give_the_graph_of_one_run(tmp_path):
    records = sample_records()
    whole = ingest(tmp_path, "whole", [records], workers=1)
    assert ingest(tmp_path, "parts", [records[::2], records[1::2]], workers=1) == whole


@pytest.mark.parametrize("few", [0, 2000])
def test_the_store_scanned_or_asked_about_the_run_s_graphs_alone_gives_one_graph(tmp_path, monkeypatch, few):
    monkeypatch.setattr(importlib.import_module("kg.ingest.load"), "FEW", few)  # 0: every run scans the store
    records = sample_records()
    whole = ingest(tmp_path, "whole", [records], workers=1)
    location = tmp_path / "parts"
    with KnowledgeGraph.open(location) as graph:
        graph.ingest([write_records(tmp_path / "half.jsonl", records[::2])], workers=1)
        graph.ingest([write_records(tmp_path / "all.jsonl", records)], workers=1)
        assert graph.remove(records[0]["id"])
    assert store_quads(location) == ingest(tmp_path, "without", [records[1:]], workers=1)
    with KnowledgeGraph.open(location) as graph:
        graph.ingest([tmp_path / "all.jsonl"], workers=1)
    assert store_quads(location) == whole


def test_removing_an_article_gives_the_graph_without_it(tmp_path):
    records = sample_records()
    location = tmp_path / "all"
    with KnowledgeGraph.open(location) as graph:
        graph.ingest([write_records(tmp_path / "all.jsonl", records)], workers=1)
        assert graph.remove(records[3]["id"]) and not graph.remove(records[3]["id"])
    without = ingest(tmp_path, "without", [records[:3] + records[4:]], workers=1)
    assert store_quads(location) == without


def test_unchanged_articles_are_neither_extracted_nor_loaded_again(tmp_path, monkeypatch):
    path = write_records(tmp_path / "a.jsonl", sample_records(6))
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        graph.ingest([path], workers=1)
        monkeypatch.setattr(stage, "extract", lambda article: pytest.fail("extracted again"))
        summary = graph.ingest([path], workers=1)
    assert (summary.articles, summary.unchanged, summary.graphs_written) == (0, 6, 0)


def test_a_run_that_changes_nothing_reports_the_triples_counted_after_the_last_change(tmp_path, monkeypatch):
    records = sample_records(6)
    path = write_records(tmp_path / "a.jsonl", records)
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        counted = graph.ingest([path], workers=1).triples
        assert counted == len(graph)
        monkeypatch.setattr(graph.store, "triple_count", lambda: pytest.fail("counted again"))
        assert graph.ingest([path], workers=1).triples == counted
        monkeypatch.undo()
        assert graph.remove(records[0]["id"])
        assert graph.ingest([write_records(tmp_path / "b.jsonl", records[1:])], workers=1).triples == len(graph) < counted
        assert graph.ingest([path], workers=1).triples == counted


def test_new_resolution_code_reloads_graphs_from_cached_extractions(tmp_path, monkeypatch):
    path = write_records(tmp_path / "a.jsonl", sample_records(6))
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        graph.ingest([path], workers=1)
    before = store_quads(tmp_path / "store")
    monkeypatch.setattr(stage, "extract", lambda article: pytest.fail("extracted again"))
    monkeypatch.setattr(pipeline, "store_fingerprint", lambda: "resolution-v2")
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        summary = graph.ingest([path], workers=1)
    assert summary.graphs_written == 6
    after = store_quads(tmp_path / "store")
    assert len(after) == len(before) and after != before  # the same facts, each article's hash renewed


def test_dask_local_cluster_gives_the_quads_of_one_worker(tmp_path):
    pytest.importorskip("distributed")
    records = sample_records(8)
    one = ingest(tmp_path, "one", [records], workers=1)
    assert ingest(tmp_path, "dask", [records], workers=2, dask="local") == one


def test_an_article_the_extractor_fails_on_is_reported_and_skipped(tmp_path, monkeypatch):
    records = sample_records(4)
    real = stage.extract

    def failing(article):
        if article.id == records[1]["id"]:
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(stage, "extract", failing)
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        summary = graph.ingest([write_records(tmp_path / "a.jsonl", records)], workers=2)
        stored = {r["id"] for r in graph.sparql("SELECT ?id WHERE { ?a a kg:Article ; schema:identifier ?id }")}
    assert (summary.articles, summary.skipped) == (3, 1)
    assert records[1]["id"] in str(summary.problems[0]) and "boom" in str(summary.problems[0])
    assert stored == {r["id"] for r in records} - {records[1]["id"]}


def test_literals_with_line_breaks_and_quotes_load_as_n_quads():
    import pyoxigraph as ox
    from kg.rdf import article_quads
    from kg.records import Article, Extraction
    title = 'dòng một\r\ndòng "hai" \\ ba'
    quads = article_quads(Extraction(Article("a1", title, "Thân bài."), None))
    store = ox.Store()
    store.bulk_load((quads.body + quads.last).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    assert title in {q.object.value for q in store}


def test_an_url_that_is_no_iri_is_left_out_and_the_article_kept():
    from kg.rdf import article_quads
    from kg.records import Article, Extraction
    quads = article_quads(Extraction(Article("a1", "Tin", "Thân bài.", url="http://x.vn/a b"), None))
    assert "schema.org/url" not in quads.body and "schema.org/identifier" in quads.body


@pytest.mark.parametrize("name", ["Nguyễn Thị Kim Ngân", "Nguyễn Thi Kim Ngân"])
def test_a_resolution_node_carries_the_spelling_of_its_article(name):
    from kg.rdf import article_quads
    from kg.records import Article, Extraction, Person
    body = article_quads(Extraction(Article("a1", "Tin", "Thân bài."), None, persons=[Person(name)])).body
    notes = [line for line in body.splitlines() if "/resolution/" in line.split()[0]]
    assert any(f'<https://schema.org/name> "{name}"@vi' in line for line in notes)


def test_the_personless_and_persons_parts_of_a_graph_make_the_whole():
    from kg.extract import extract
    from kg.rdf import PERSONLESS, PERSONS, article_quads, resolve_alone
    from kg.records import Article
    for record in sample_records(6):
        extraction = extract(Article(record["id"], record["title"], record["text"], date=record["date"]))
        persons = resolve_alone(extraction)
        assert extraction.persons and extraction.events
        whole = article_quads(extraction, "h", persons)
        free, held = (article_quads(extraction, "h", persons, part=part) for part in (PERSONLESS, PERSONS))
        assert not free.last and held.last == whole.last
        assert not any("/person/" in line for line in free.body.splitlines())
        assert set(free.body.splitlines()) | set(held.body.splitlines()) == set(whole.body.splitlines())


def test_blocks_resolved_a_few_articles_at_a_time_resolve_as_all_at_once(monkeypatch):
    from kg.extract import extract
    from kg.records import Article
    from kg.resolve import resolve_persons
    stage2 = importlib.import_module("kg.ingest.resolve")
    block = [extract(Article(r["id"], r["title"], r["text"], date=r["date"])) for r in sample_records(12)]
    wanted = {k for e in block for k in stage2.person_keys(e)}
    monkeypatch.setattr(stage2, "TURN", 5)
    told = []
    resolved = stage2._in_turn(block, wanted, lambda articles, so_far: told.append(
        all((a, p.name) in so_far for a in articles for e in block if e.article.id == a for p in e.persons)))
    assert resolved == resolve_persons(block, wanted)
    assert told == [True, True, True]


def test_graphs_finished_turn_by_turn_as_persons_resolve_are_the_graphs_of_one_turn(tmp_path, monkeypatch):
    records = sample_records()
    whole = ingest(tmp_path, "whole", [records], workers=1)
    monkeypatch.setattr(importlib.import_module("kg.ingest.resolve"), "TURN", 5)
    assert ingest(tmp_path, "turns", [random.Random(3).sample(records, len(records))], workers=2) == whole


def test_a_run_that_dies_once_part_of_new_graphs_is_loaded_leaves_them_to_any_later_run(tmp_path, monkeypatch):
    records = sample_records(18)
    first, killed, later = records[:6], records[6:12], records[12:]
    whole = ingest(tmp_path, "whole", [first, killed, later], workers=1)
    location = tmp_path / "killed"
    with KnowledgeGraph.open(location) as graph:
        graph.ingest([write_records(tmp_path / "k-0.jsonl", first)], workers=1)
    state, background = importlib.import_module("kg.ingest.state").IngestState, pipeline.Background
    record, load, loads = state.record, background.load, []

    def dies_once_parts_are_loading(self, articles):  # a kill at the end of the map
        if loads:
            raise KeyboardInterrupt
        return record(self, articles)

    monkeypatch.setattr(background, "load", lambda self, parts: loads.append(1) or load(self, parts))
    monkeypatch.setattr(state, "record", dies_once_parts_are_loading)
    with pytest.raises(KeyboardInterrupt), KnowledgeGraph.open(location) as graph:
        graph.ingest([write_records(tmp_path / "k-1.jsonl", killed)], workers=1)
    assert loads
    monkeypatch.setattr(state, "record", record)
    with KnowledgeGraph.open(location) as graph:
        graph.ingest([write_records(tmp_path / "k-2.jsonl", later)], workers=1)
    assert store_quads(location) == whole
