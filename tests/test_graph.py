import json

import pytest

from kg import KnowledgeGraph
from kg.errors import QueryError
from tests.conftest import SAMPLE

POSITIONS = """SELECT ?name ?role ?body WHERE {
  ?p a schema:Person ; schema:name ?name ; org:holds ?post .
  ?post kg:roleName ?role ; org:postIn/schema:name ?body }"""


@pytest.fixture(params=["memory", "oxigraph"])
def graph(request, tmp_path):
    location = "memory" if request.param == "memory" else tmp_path / "store"
    g = KnowledgeGraph.open(location)
    yield g
    g.close()


def test_seed_positions_and_meeting_are_queryable(graph):
    graph.ingest([SAMPLE])
    rows = graph.sparql(POSITIONS).rows
    assert {r["name"] for r in rows} == {"Trần Tuấn Anh", "Nguyễn Hồng Sơn", "Trần Lưu Quang"}
    assert {"role": "Bí thư", "body": "Thành ủy Hải Phòng", "name": "Trần Lưu Quang"} in rows
    meetings = graph.sparql("""SELECT ?date (COUNT(?a) AS ?n) WHERE {
        ?m a schema:Event ; schema:startDate ?date ; schema:attendee ?a } GROUP BY ?date""").rows
    assert [(str(r["date"]), r["n"]) for r in meetings] == [("2021-10-18", 3)]


def test_ingesting_twice_changes_nothing(graph):
    graph.ingest([SAMPLE])
    before = len(graph)
    summary = graph.ingest([SAMPLE])
    assert (summary.articles, summary.unchanged, len(graph)) == (0, 1, before)


def test_an_edited_article_replaces_its_graph(graph, write_jsonl):
    first = write_jsonl([{"id": "x", "title": "T",
                          "text": "Ông Nguyễn Văn Bình, Bí thư Tỉnh ủy Bình Định, phát biểu."}])
    graph.ingest([first])
    second = write_jsonl([{"id": "x", "title": "T", "text": "Ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Bình Định."}],
                         name="edited.jsonl")
    graph.ingest([second])
    roles = {r["role"] for r in graph.sparql(POSITIONS).rows}
    assert roles == {"Chủ tịch"}


def test_bad_input_is_counted_and_leaves_the_store_intact(graph, write_jsonl):
    graph.ingest([SAMPLE])
    before = len(graph)
    bad = write_jsonl(["{not json", json.dumps({"id": "y", "title": "no text"})])
    summary = graph.ingest([bad])
    assert (summary.skipped, summary.articles, len(graph)) == (2, 0, before)


def test_remove_takes_the_article_out(graph):
    graph.ingest([SAMPLE])
    assert graph.remove("haiphong-2021-10-18")
    assert len(graph) == 0
    assert not graph.remove("haiphong-2021-10-18")


def test_every_fact_names_its_article_and_sentence(graph):
    graph.ingest([SAMPLE])
    rows = graph.sparql("""SELECT ?t ?article ?text WHERE {
        ?t a kg:Tenure ; prov:wasDerivedFrom ?article ; kg:evidence/kg:text ?text }""").rows
    assert len(rows) == 8
    assert all("haiphong" in r["article"] and r["text"] for r in rows)


def test_malformed_sparql_raises_query_error(graph):
    with pytest.raises(QueryError, match="malformed"):
        graph.sparql("SELECT ?x WHERE { ?x a }")


def test_the_seed_graph_conforms_to_the_shapes(seed_graph):
    report = seed_graph.validate()
    assert report.conforms, report.text


def test_a_broken_graph_does_not_conform():
    from rdflib import Graph, URIRef
    from kg.namespaces import KG, RDF
    from kg.validate import validate
    g = Graph()
    g.add((URIRef("urn:x"), RDF.type, KG.Tenure))
    assert not validate(g).conforms


def test_on_disk_store_persists(tmp_path):
    with KnowledgeGraph.open(tmp_path / "s") as g:
        g.ingest([SAMPLE])
        count = len(g)
    with KnowledgeGraph.open(tmp_path / "s", read_only=True) as g:
        assert len(g) == count > 0


def test_remove_keeps_what_other_articles_say_and_drops_the_rest(graph, write_jsonl):
    other = write_jsonl([{"id": "b", "title": "T", "date": "2022-01-05",
                          "text": "Ông Trần Lưu Quang, Bí thư Thành ủy Hải Phòng, tiếp đoàn công tác."}])
    graph.ingest([other])
    alone = len(graph)
    graph.ingest([SAMPLE])
    assert graph.remove("haiphong-2021-10-18")
    names = {r["n"] for r in graph.sparql("SELECT DISTINCT ?n WHERE { ?x schema:name ?n }").rows}
    assert "Trần Lưu Quang" in names and "Nguyễn Hồng Sơn" not in names and "Ban Kinh tế Trung ương" not in names
    assert len(graph) == alone


def test_articles_that_date_one_document_differently_keep_both_claims(graph, write_jsonl):
    path = write_jsonl([
        {"id": "d1", "title": "T",
         "text": "Thủ tướng ban hành Chỉ thị số 13/CT-TTg ngày 25/5/2017 của Thủ tướng Chính phủ."},
        {"id": "d2", "title": "T", "text": "Thực hiện Chỉ thị số 13/CT-TTg ngày 4/3/2015 của Thủ tướng Chính phủ."}])
    graph.ingest([path])
    dates = graph.sparql("""SELECT DISTINCT ?date ?article WHERE {
        ?d kg:number "13/CT-TTg" . GRAPH ?article { ?d schema:dateCreated ?date } }""").rows
    assert sorted(str(r["date"]) for r in dates) == ["2015-03-04", "2017-05-25"]
    assert graph.validate().conforms


XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("lexical, datatype, language", [
    ("Bí thư", XSD + "string", None), ("Bí thư", None, "vi"), ("42", XSD + "integer", None),
    ("-7", XSD + "int", None), ("abc", XSD + "integer", None), ("true", XSD + "boolean", None),
    ("0", XSD + "boolean", None), ("2017-07-15", XSD + "date", None), ("2017-02-30", XSD + "date", None),
    ("2017-02-03Z", XSD + "date", None), ("1.5", XSD + "decimal", None), ("2.5E1", XSD + "double", None),
    ("--07-15", XSD + "gMonthDay", None), ("2017-07-15T10:00:00", XSD + "dateTime", None)])
def test_oxigraph_results_read_as_rdflib_reads_them(lexical, datatype, language):
    import pyoxigraph as ox

    from kg.store import _plain, ox_plain, rdflib_term
    term = ox.Literal(lexical, language=language) if language else \
        ox.Literal(lexical, datatype=ox.NamedNode(datatype))
    fast, slow = ox_plain(term), _plain(rdflib_term(term))
    assert (fast, type(fast)) == (slow, type(slow))
    assert ox_plain(ox.NamedNode("https://x.vn/a")) == "https://x.vn/a" and ox_plain(None) is None
