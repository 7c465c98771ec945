"""Reading a store's body sample by hand, and re-checking the junk found against the current extraction.

usage: python bench/judge_bodies.py read STORE [--bodies 100] [--seed 7] [CORPUS]
       python bench/judge_bodies.py recheck STORE READINGS [CORPUS]

`read` draws the same nodes as `bench/bodies_sample.py --store` and prints, for each, what a reader
needs to judge it: the article's title, the article's sentences that name it, its parent, and the
store's other nodes that may be the same body (`same key:` the same name but for case and
punctuation; `near:` a name that extends it or that it extends).

`recheck` reads a tab-separated file of readings (columns idx, name, articles, article, verdict, …;
the header line is skipped), re-extracts the article of every `junk` row with the extraction on the
Python path (run with PYTHONPATH at a worktree of the commit to check), and prints whether that
name is still extracted (`kept`) or `gone`, then every body extracted now that the store does not
hold for that article (read these by hand: they are where new junk would be).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
from collections import defaultdict
from pathlib import Path

from kg.articles import Article, article_from_record
from kg.extract import extract
from kg.extract.text import sentences
from kg.normalize import fold
from kg.store import open_store

from bodies_sample import STORE_BODIES  # the same query, and so the same draw, as bench/bodies_sample.py

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
ALL_BODIES = """SELECT ?o ?name ?key ?parent WHERE { ?o a kg:Organisation ; schema:name ?name ; kg:plainKey ?key .
OPTIONAL { ?o org:subOrganizationOf/schema:name ?parent } }"""
ARTICLE_BODIES = """SELECT DISTINCT ?name WHERE { GRAPH ?g { ?g schema:identifier ?id ; schema:mentions ?o }
?o a kg:Organisation ; schema:name ?name }"""
MAX_SENTENCES = 4


def read_articles_by_id(corpus: Path, wanted: set[str]) -> dict[str, Article]:
    """The corpus articles whose id is in `wanted`."""
    found = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            record = json.loads(line)
            if record.get("id") in wanted:
                found[record["id"]] = article_from_record(record, str(corpus), number)
    return found


def _plain(key: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", key).split())


class StoreBodies:
    """Every body node's names, plain key and parents, for finding a node's likely twins."""

    def __init__(self, graph) -> None:
        self.key_of: dict[str, str] = {}
        self.names_by_key: dict[str, set[str]] = defaultdict(set)
        self.parents: dict[str, set[str]] = defaultdict(set)
        for row in graph.query(ALL_BODIES):
            key = _plain(row["key"])
            self.key_of[row["name"]] = key
            self.names_by_key[key].add(row["name"])
            if row.get("parent"):
                self.parents[row["name"]].add(row["parent"])

    def same_key(self, name: str) -> list[str]:
        return sorted(self.names_by_key[self.key_of.get(name, "")] - {name})

    def near(self, name: str, limit: int = 8) -> list[str]:
        """Names that extend this one by whole words, or that it extends (two words at least)."""
        key = self.key_of.get(name, "")
        return [other for other, k in self.key_of.items() if other != name and len(k.split()) >= 2
                and (k.startswith(key + " ") or key.startswith(k + " "))][:limit]


def naming_sentences(name: str, article: Article) -> list[str]:
    """The article's sentences holding the name's first two words (folded), at most MAX_SENTENCES."""
    stem = fold(" ".join(name.split()[:2]))
    found = [s.text for s in sentences(article.full_text) if stem in fold(s.text)]
    return found[:MAX_SENTENCES]


def read_sample(args: argparse.Namespace) -> None:
    graph = open_store(args.store, read_only=True)
    rows = sorted((r["n"], int(r["articles"]), r["article"]) for r in graph.query(STORE_BODIES))
    picked = random.Random(args.seed).sample(rows, min(args.bodies, len(rows)))
    bodies = StoreBodies(graph)
    articles = read_articles_by_id(args.corpus, {article for _, _, article in picked})
    print(f"{len(rows)} body nodes in {args.store}; {len(picked)} drawn (seed {args.seed})")
    for index, (name, count, article_id) in enumerate(picked, 1):
        print(f"\n=== #{index} {name}  ({count} articles) [{article_id}] parent={sorted(bodies.parents[name])}")
        for label, names in (("same key", bodies.same_key(name)), ("near", bodies.near(name))):
            if names:
                print(f"   {label}: {names}")
        article = articles.get(article_id)
        if article is None:
            print("   (article not in the corpus)")
            continue
        print(f"   title: {article.title}")
        for sentence in naming_sentences(name, article) or ["(no sentence holds its first words)"]:
            print(f"   > {sentence[:400]}")


def junk_rows(readings: Path) -> list[dict[str, str]]:
    with readings.open(encoding="utf-8") as lines:
        return [row for row in csv.DictReader(lines, delimiter="\t") if row["verdict"] == "junk"]


def recheck(args: argparse.Namespace) -> None:
    graph = open_store(args.store, read_only=True)
    rows = junk_rows(args.readings)
    articles = read_articles_by_id(args.corpus, {row["article"] for row in rows})
    gone = 0
    for row in rows:
        now = extract(articles[row["article"]]).organisations
        names = {fold(body.name): body for body in now}
        stored = {fold(r["name"]) for r in graph.query(ARTICLE_BODIES.replace("?id", json.dumps(row["article"])))}
        kept = fold(row["name"]) in names
        gone += not kept
        print(f"#{row['idx']} {'kept' if kept else 'gone'}: {row['name']}  [{row['article']}]")
        for key, body in names.items():
            if key not in stored:
                evidence = body.evidence[0].sentence[:160] if body.evidence else ""
                print(f"    new: {body.name}  «{evidence}»")
    print(f"\n{gone} of {len(rows)} junk names gone")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    reader = commands.add_parser("read", help="print a store sample's bodies with what judging them needs")
    reader.add_argument("store")
    reader.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    reader.add_argument("--bodies", type=int, default=100)
    reader.add_argument("--seed", type=int, default=7)
    checker = commands.add_parser("recheck", help="re-extract the articles of the junk rows of a readings file")
    checker.add_argument("store")
    checker.add_argument("readings", type=Path)
    checker.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    args = parser.parse_args()
    read_sample(args) if args.command == "read" else recheck(args)


if __name__ == "__main__":
    main()
