"""Bodies and part-of edges on a random sample of the corpus, printed for reading by hand.

usage: python bench/bodies_sample.py [CORPUS] [--articles 300] [--bodies 40] [--edges 20] [--seed 7]
Extracts a fixed random sample of articles, then prints a random sample of the distinct bodies
found (with the article that names each) and of the part-of edges `kg.hierarchy.parent_of`
draws between them; mark each as right or junk by reading it (docs/quality.md, "Bodies").
"""
import argparse
import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

from kg.articles import article_from_record
from kg.extract import extract
from kg.hierarchy import parent_of

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def sample_articles(corpus: Path, count: int, seed: int) -> list:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        records = lines.readlines()
    picked = sorted(random.Random(seed).sample(range(len(records)), count))
    return [article_from_record(json.loads(records[i]), str(corpus), i + 1) for i in picked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--bodies", type=int, default=40)
    parser.add_argument("--edges", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
