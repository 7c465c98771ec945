"""Bodies and part-of edges on a random sample of the corpus, printed for reading by hand.

usage: python bench/bodies_sample.py [CORPUS] [--articles 300] [--bodies 40] [--edges 20] [--seed 7]
                                     [--store STORE]
Extracts a fixed random sample of articles, then prints a random sample of the distinct bodies
found (with the article that names each) and of the part-of edges `kg.hierarchy.parent_of`
draws between them; mark each as right or junk by reading it (docs/quality.md, "Bodies").
With `--store`, samples the body nodes of a built store instead (each node as likely as any other,
as a reader of the graph meets them), with how many articles name it and the sentence of one of
them that names it; `now:` tells what the current extraction makes of that sentence's body.
"""
import argparse
import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

from kg.articles import article_from_record
from kg.extract import extract
from kg.extract.text import sentences
from kg.hierarchy import parent_of
from kg.normalize import fold
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
STORE_BODIES = """SELECT ?o (SAMPLE(?name) AS ?n) (COUNT(DISTINCT ?g) AS ?articles) (SAMPLE(?id) AS ?article)
WHERE { ?o a kg:Organisation ; schema:name ?name . GRAPH ?g { ?g schema:mentions ?o ; schema:identifier ?id } }
GROUP BY ?o"""


def read_records(corpus: Path) -> list[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        return lines.readlines()


def sample_articles(corpus: Path, count: int, seed: int) -> list:
    records = read_records(corpus)
    picked = sorted(random.Random(seed).sample(range(len(records)), count))
    return [article_from_record(json.loads(records[i]), str(corpus), i + 1) for i in picked]


def sample_store(store: str, corpus: Path, count: int, seed: int) -> None:
    """A random sample of a store's body nodes, each with its article count and a sentence naming it."""
    graph = open_store(store, read_only=True)
    rows = sorted((r["n"], int(r["articles"]), r["article"]) for r in graph.query(STORE_BODIES))
    picked = random.Random(seed).sample(rows, min(count, len(rows)))
    wanted = {article for _, _, article in picked}
    articles = {}
    for number, line in enumerate(read_records(corpus), 1):
        record = json.loads(line)
        if record.get("id") in wanted:
            articles[record["id"]] = article_from_record(record, str(corpus), number)
    print(f"{len(rows)} body nodes in {store}; {len(picked)} drawn (seed {seed})\n")
    for name, n, article_id in picked:
        print(f"- {name}  ({n} articles)  [{article_id}]  {_context(name, articles.get(article_id))}")


def _context(name: str, article) -> str:
    """The sentence of `article` in which the current extraction finds `name`, or else the bodies it finds
    that share the name's first words and the first sentence whose folded text holds those words (searched
    sentence by sentence: folding changes lengths, so offsets in the folded text are not offsets in the text)."""
    if article is None:
        return "(article not in the corpus)"
    orgs = extract(article).organisations
    key = fold(name)
    same = next((o for o in orgs if fold(o.name) == key), None)
    if same:
        return f"now: same  «{same.evidence[0].sentence[:160] if same.evidence else ''}»"
    stem = fold(" ".join(name.split()[:2]))
    near = [o.name for o in orgs if fold(o.name).startswith(stem)]
    around = next((s.text for s in sentences(article.full_text) if stem in fold(s.text)), "")
    return f"now: {near or 'gone'}  «{around[:200]}»"


def sample_extracted(args: argparse.Namespace) -> None:
    named_in: dict[str, str] = {}
    evidence: dict[str, str] = {}
    for article in sample_articles(args.corpus, args.articles, args.seed):
        for org in extract(article).organisations:
            named_in.setdefault(org.name, article.id)
            evidence.setdefault(org.name, org.evidence[0].sentence if org.evidence else "")
    rng = random.Random(args.seed)
    names = sorted(named_in)
    print(f"{len(names)} distinct bodies in {args.articles} articles (seed {args.seed})\n")
    print("## bodies")
    for name in rng.sample(names, min(args.bodies, len(names))):
        print(f"- {name}  [{named_in[name]}]  «{evidence[name][:140]}»")
    edges = defaultdict(list)
    for name in names:
        if parent := parent_of(name):
            edges[parent].append(name)
    pairs = sorted((child, parent) for parent, children in edges.items() for child in children)
    print(f"\n## part-of edges ({len(pairs)} in all)")
    for child, parent in rng.sample(pairs, min(args.edges, len(pairs))):
        print(f"- {child}  ⊂  {parent}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--bodies", type=int, default=40)
    parser.add_argument("--edges", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", help="sample the body nodes of this store instead of extracting articles")
    args = parser.parse_args()
    if args.store:
        sample_store(args.store, args.corpus, args.bodies, args.seed)
    else:
        sample_extracted(args)


if __name__ == "__main__":
    main()
