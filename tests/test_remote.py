"""`--store http://…`: the graph in a real `oxigraph serve` on loopback answers as the local store does."""
import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg import KnowledgeGraph
from kg.ask import ready_queries
from kg.cli import main
from kg.errors import QueryError, StoreError
from kg.remote import RemoteStore, endpoints
from tests.conftest import SAMPLE
from tests.servers import SHORT_ARTICLES, free_port, running

pytestmark = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="needs the oxigraph server (pip install oxigraph)")

@pytest.fixture
def oxigraph(tmp_path):
    """A running `oxigraph serve` on a free loopback port, stopped afterwards."""
    port = free_port()
    with running(["oxigraph", "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"], port):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def articles(write_jsonl):
    return [SAMPLE, write_jsonl(SHORT_ARTICLES)]


def _quads(graph: KnowledgeGraph) -> set:
    return {(s, p, o, g) for g in graph.store.named_graphs() for s, p, o in graph.store.graph_triples(g)}


def _rows(result) -> list:
    return sorted(json.dumps(row, default=str, sort_keys=True, ensure_ascii=False) for row in result.rows)


def test_ingest_into_oxigraph_server_gives_the_quads_and_answers_of_the_local_store(oxigraph, articles, tmp_path):
    with KnowledgeGraph.open(tmp_path / "local") as local, KnowledgeGraph.open(oxigraph) as remote:
        assert local.ingest(articles).articles == remote.ingest(articles).articles == 3
        assert _quads(remote) == _quads(local) and len(remote) == len(local) > 400
        for query in ready_queries().values():  # as written, each asks about everything
            assert _rows(remote.sparql(query.text)) == _rows(local.sparql(query.text)), query.name
        for question, args in [("positions", {"name": "Phạm Văn Thắng"}), ("holders", {"body": "Tỉnh ủy Lâm Đồng"}),
                               ("meetings", {"name": "Trần Tuấn Anh"})]:
            answer = remote.ask(question, **args)
            assert answer.rows and _rows(answer) == _rows(local.ask(question, **args))
        assert remote.ingest(articles).unchanged == 3


def test_remove_on_the_server_leaves_what_the_local_store_leaves(oxigraph, articles, tmp_path):
    with KnowledgeGraph.open(tmp_path / "local") as local, KnowledgeGraph.open(oxigraph) as remote:
        for graph in (local, remote):
            graph.ingest(articles)
            assert graph.remove("remote-2") and not graph.remove("remote-2")
        assert _quads(remote) == _quads(local)


def test_cli_commands_against_the_server(oxigraph, articles, tmp_path):
    def run(*args):
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert result.exit_code == 0, result.output
        return result.output

    local = tmp_path / "local"
    for store in (local, oxigraph):
        run("ingest", *articles, "--store", store)
    for command in (["query", "SELECT ?n WHERE { ?p a kg:Person ; schema:name ?n } ORDER BY ?n", "--format", "csv"],
                    ["ask", "positions", "Phạm Văn Thắng", "--format", "json"], ["stats", "--format", "json"]):
        assert run(*command, "--store", oxigraph) == run(*command, "--store", local)
    for store, name in ((local, "local"), (oxigraph, "remote")):
        run("export", "--view", "membership", "--format", "json", "--out", tmp_path / f"{name}.json", "--store", store)
        run("viz", "--out", tmp_path / f"{name}.html", "--store", store)
    assert (tmp_path / "remote.json").read_text() == (tmp_path / "local.json").read_text()
    assert "Phạm Văn Thắng" in (tmp_path / "remote.html").read_text(encoding="utf-8")


def test_a_server_that_is_down_is_a_clear_error_naming_it():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match=f"{url}/query.*Is it running"):
        KnowledgeGraph.open(url)
    result = CliRunner().invoke(main, ["query", "ASK {}", "--store", url])
    assert result.exit_code == 1 and url in result.output


@pytest.fixture
def junk_server():
    """A loopback HTTP server that answers every request with an HTML page."""
    class Junk(BaseHTTPRequestHandler):
        def _answer(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>not SPARQL</html>")
        do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Junk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_response_that_is_not_sparql_results_is_a_clear_error(junk_server):
    with pytest.raises(StoreError, match=f"{junk_server}/query answered with text/html"):
        RemoteStore(junk_server)


def test_bulk_load_posts_quads_of_many_graphs_at_once(oxigraph):
    g1, g2, p = URIRef("https://example.org/g1"), URIRef("https://example.org/g2"), URIRef("https://example.org/p")
    nquads = (f'{g1.n3()} {p.n3()} "một"@vi {g1.n3()} .\n{g2.n3()} {p.n3()} "hai\\nba" {g2.n3()} .\n').encode()
    store = RemoteStore(oxigraph)
    store.bulk_load(nquads)
    assert sorted(store.named_graphs()) == [g1, g2]
    assert list(store.graph_triples(g2)) == [(g2, p, Literal("hai\nba", datatype=XSD.string))]
    assert store.triple_count() == 2


def test_malformed_query_is_a_query_error(oxigraph):
    with KnowledgeGraph.open(oxigraph) as graph, pytest.raises(QueryError, match="malformed"):
        graph.sparql("SELECT ?x WHERE { ?x a }")


def test_blank_nodes_and_writes_to_a_read_only_store_are_refused(oxigraph):
    graph = URIRef("https://example.org/g")
    with pytest.raises(StoreError, match="blank node"):
        RemoteStore(oxigraph).add(graph, [(BNode(), URIRef("https://example.org/p"), Literal("x"))])
    with pytest.raises(StoreError, match="read-only"):
        RemoteStore(oxigraph, read_only=True).add(graph, [(graph, URIRef("https://example.org/p"), Literal("x"))])


def test_serve_refuses_a_remote_store(oxigraph):
    result = CliRunner().invoke(main, ["serve", "--store", oxigraph])
    assert result.exit_code == 2 and "on-disk store" in result.output


def test_endpoint_forms():
    assert endpoints("http://h:7878").query == "http://h:7878/query"
    fuseki = endpoints("fuseki+http://h:3030/kg/")
    assert (fuseki.update, fuseki.union) == ("http://h:3030/kg/update", {"default-graph-uri": "urn:x-arq:UnionGraph"})
    assert endpoints("http://h:1?store=/gsp").store == "http://h:1/gsp"
    with pytest.raises(StoreError, match="unknown SPARQL server kind"):
        endpoints("virtuoso+http://h:1")
    with pytest.raises(StoreError, match="unknown endpoint option"):
        endpoints("http://h:1?graph=x")
