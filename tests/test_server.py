"""`kg serve` on a free loopback port, queried as SPARQL clients do."""
import csv
import io
import time

import httpx
import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from tests.servers import RUNAWAY, kg_serve, sample_store

NAMES = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    store = sample_store(tmp_path_factory.mktemp("served") / "store")
    with kg_serve(store, "--timeout", "2", "--max-rows", "2") as (url, _):
        yield url


def test_rdflib_sparqlstore_queries_it(endpoint):
    graph = Graph(SPARQLStore(endpoint + "/sparql"))
    names = [str(row[0]) for row in graph.query(NAMES)]
    assert names == ["Nguyễn Hồng Sơn", "Trần Lưu Quang"]  # capped at --max-rows 2


def test_plain_http_json_and_csv(endpoint):
    r = httpx.post(endpoint + "/sparql", content=NAMES, headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.headers["X-Result-Truncated"] == "2"
    assert [b["name"]["value"] for b in r.json()["results"]["bindings"]] == ["Nguyễn Hồng Sơn", "Trần Lưu Quang"]
    r = httpx.get(endpoint + "/sparql", params={"query": NAMES}, headers={"Accept": "text/csv"})
    assert list(csv.DictReader(io.StringIO(r.text)))[0]["name"] == "Nguyễn Hồng Sơn"


def test_construct_as_turtle(endpoint):
    r = httpx.post(endpoint + "/sparql", data={"query": "CONSTRUCT WHERE { ?p a kg:Person }"},
                   headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=r.text, format="turtle")) == 2


def test_updates_are_refused(endpoint):
    r = httpx.post(endpoint + "/sparql", data={"update": "DELETE WHERE { ?s ?p ?o }"})
    assert r.status_code == 403
    r = httpx.post(endpoint + "/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403


def test_a_runaway_query_is_stopped_and_the_server_answers_on(endpoint):
    started = time.monotonic()
    r = httpx.post(endpoint + "/sparql", data={"query": RUNAWAY}, timeout=30)
    assert r.status_code == 503 and time.monotonic() - started < 10
    r = httpx.get(endpoint + "/sparql", params={"query": "ASK { ?p a kg:Person }"},
                  headers={"Accept": "application/sparql-results+json"})
    assert r.json()["boolean"] is True


def test_malformed_query_is_a_400_with_position(endpoint):
    r = httpx.get(endpoint + "/sparql", params={"query": "SELECT ?x WHERE { ?x a }"})
    assert r.status_code == 400 and "1:" in r.text


def test_the_query_page_works_offline(endpoint):
    page = httpx.get(endpoint + "/").text
    assert "<textarea" in page and "http://" not in page and "https://" not in page
    questions = httpx.get(endpoint + "/questions").json()
    assert "holders" in {q["name"] for q in questions}
