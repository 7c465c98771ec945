"""`kg export --nquads DIR --shards N`: files a bulk loader reads back into the same quads."""
import json
import shutil
import subprocess

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import KnowledgeGraph
from kg.cli import main
from kg.dump import write_nquads
from tests.servers import SHORT_ARTICLES, sample_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dump")
    articles = folder / "short.jsonl"
    articles.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in SHORT_ARTICLES),
                        encoding="utf-8")
    return sample_store(folder / "store", articles)


def _quads(store: ox.Store) -> set:
    return set(store.quads_for_pattern(None, None, None, None))


def test_shards_loaded_back_give_the_same_quads(store, tmp_path):
    result = CliRunner().invoke(main, ["export", "--nquads", str(tmp_path / "nq"), "--shards", "3", "--store", str(store)])
    assert result.exit_code == 0, result.output
    shards = sorted((tmp_path / "nq").glob("*.nq"))
    assert [p.name for p in shards] == ["part-00000.nq", "part-00001.nq", "part-00002.nq"]
    loaded = ox.Store()
    graphs_per_shard = []
    for shard in shards:
        quads = list(ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS))
        graphs_per_shard.append({q.graph_name for q in quads})
        loaded.extend(quads)
    assert _quads(loaded) == _quads(ox.Store.read_only(str(store)))
    assert sum(map(len, graphs_per_shard)) == len(set().union(*graphs_per_shard)) == 4  # each graph whole, once


@pytest.mark.skipif(shutil.which("oxigraph") is None, reason="needs the oxigraph command (pip install oxigraph)")
def test_oxigraph_load_takes_the_shards(store, tmp_path):
    with KnowledgeGraph.open(store, read_only=True) as graph:
        paths, count = write_nquads(graph.store, tmp_path / "nq", shards=2)
    for path in paths:
        subprocess.run(["oxigraph", "load", "--location", str(tmp_path / "loaded"), "--file", str(path)],
                       check=True, capture_output=True)
    loaded = _quads(ox.Store.read_only(str(tmp_path / "loaded")))
    assert loaded == _quads(ox.Store.read_only(str(store))) and len(loaded) == count


def test_fewer_shards_replace_an_earlier_export(store, tmp_path):
    with KnowledgeGraph.open(store, read_only=True) as graph:
        write_nquads(graph.store, tmp_path, shards=4)
        paths, _ = write_nquads(graph.store, tmp_path, shards=2)
    assert sorted(tmp_path.glob("part-*.nq")) == paths
