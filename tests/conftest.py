import json
from pathlib import Path

import pytest

from kg import KnowledgeGraph
from kg.records import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "articles"


def article(text: str, title: str = "Tin thời sự", ident: str = "t1", date: str | None = None) -> Article:
    return Article(ident, title, text, date=date)


@pytest.fixture
def seed_graph():
    graph = KnowledgeGraph.open("memory")
    graph.ingest([SAMPLE])
    return graph


@pytest.fixture
def write_jsonl(tmp_path):
    def write(records, name="articles.jsonl"):
        path = tmp_path / name
        path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                                  for r in records) + "\n", encoding="utf-8")
        return path
    return write
