"""kg: a knowledge graph of Vietnamese officials, bodies, meetings and documents from news.

>>> from kg import KnowledgeGraph
>>> with KnowledgeGraph.open("memory") as graph:
...     _ = graph.ingest(["data/articles"])
...     len(graph.sparql("SELECT ?m WHERE { ?m a schema:Event }"))
1
"""
from kg.errors import DataError, InputError, KGError, QueryError, StoreError
from kg.extract import extract
from kg.graph import IngestSummary, KnowledgeGraph
from kg.records import Article, Extraction

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "IngestSummary", "extract", "Article", "Extraction",
           "KGError", "InputError", "QueryError", "StoreError", "DataError", "__version__"]
