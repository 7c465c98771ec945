"""Person resolution over the whole corpus, offline: extract once into a cache, then resolve and score.

usage: python bench/resolution_corpus.py build CACHE [CORPUS]     # extract every article (2 workers)
       python bench/resolution_corpus.py score CACHE [LABELS] [--verbose] [--officials]

CACHE is the pickle `build` writes, or the ingest state of a store (`STORE/kg-ingest.sqlite`,
read only), whose cached extractions then need no new extraction.

`score` re-reads the descriptors of every person (so that changes to kg/extract/descriptors.py
need no new extraction), runs `kg.resolve.resolve_persons` over all articles and scores it as
`../shared/eval/resolution/score-resolution` scores a store: pairwise precision and recall over
labelled mentions that share a name, mentions found, not-persons made persons. It also counts
the nodes of the well-known officials of bench/officials_2017.txt; `--officials` lists each
extra node of theirs with what its mentions say (exact name, posts, descriptors, reason).
"""
from __future__ import annotations

import itertools
import json
import pickle
import re
import sqlite3
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import replace
from multiprocessing import Pool
from pathlib import Path

from kg.articles import read_articles
from kg.errors import InputError
from kg.extract import extract
from kg.extract.descriptors import describe
from kg.ingest.state import unpack
from kg.normalize import fold
from kg.records import Extraction
from kg.resolve import PersonResolution, resolve_persons

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "baomoi-2017.jsonl.gz"


def plain(text: str) -> str:
    """Names compared as score-resolution compares them: case and diacritics dropped."""
    text = unicodedata.normalize("NFD", text.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")).strip()


def _articles(corpus: Path):
    for item in read_articles([corpus]):
        if not isinstance(item, InputError):
            yield item


def build(cache: Path, corpus: Path) -> None:
    started = time.perf_counter()
    with Pool(2) as pool:
        extractions = list(pool.imap(extract, _articles(corpus), chunksize=64))
    cache.write_bytes(pickle.dumps(extractions, protocol=5))
    print(f"{len(extractions):,} extractions in {time.perf_counter() - started:.0f} s → {cache}")


def _extractions(cache: Path) -> list[Extraction]:
    """The pickle of `build`, or the extractions an ingest state caches for the articles it holds, given back
    their articles' text from the corpus (the state keeps none, and the descriptors are read from it)."""
    if cache.suffix != ".sqlite":
        return pickle.loads(cache.read_bytes())
    db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
    rows = db.execute("SELECT e.data FROM article a JOIN extraction e ON e.hash = a.hash ORDER BY a.id")
    extractions = [unpack(data) for data, in rows]
    texts = {article.id: article.text for article in _articles(CORPUS)}
    return [replace(e, article=replace(e.article, text=texts.get(e.article.id, e.article.text))) for e in extractions]


def pairwise(labels: list[dict], node: dict[tuple[str, str], str], verbose: bool) -> tuple[int, int, int]:
    """(right pairs, wrong merges, splits) over labelled person mentions that share a name."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(labels, 2):
        if plain(a["name"]) != plain(b["name"]):
            continue
        gold = a["referent"] == b["referent"]
        na, nb = node.get((a["article"], plain(a["name"]))), node.get((b["article"], plain(b["name"])))
        pred = na is not None and na == nb
        tp, fp, fn = tp + (pred and gold), fp + (pred and not gold), fn + (gold and not pred)
        if verbose and pred != gold:
            print(("WRONG MERGE " if pred else "SPLIT ") + a["name"], a["article"], b["article"], "|",
                  a["referent"][:60], "|", b["referent"][:60], file=sys.stderr)
    return tp, fp, fn


def _figures(tp: int, fp: int, fn: int) -> str:
    p, r = (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
    return f"P={p:.3f} R={r:.3f} (pairs: {tp} right, {fp} wrong merges, {fn} splits)"


def score(cache: Path, label_files: list[Path], verbose: bool, officials_listed: bool) -> None:
    extractions = _extractions(cache)
    started = time.perf_counter()
    for extraction in extractions:
        for person in extraction.persons:
            person.descriptors = describe(person, extraction.article)
    described = time.perf_counter() - started
    resolved = resolve_persons(extractions)
    seconds = time.perf_counter() - started - described
    node: dict[tuple[str, str], str] = {}
    for (article, name), resolution in sorted(resolved.items()):
        node.setdefault((article, plain(name)), str(resolution.iri))
    print(f"{len(resolved):,} person mentions, {len({str(r.iri) for r in resolved.values()}):,} nodes; "
          f"descriptors {described:.0f} s, resolution {seconds:.1f} s")
    labels = [json.loads(line) for f in label_files for line in f.open(encoding="utf-8") if line.strip()]
    persons = [label for label in labels if label["kind"] == "person"]
    officials = {plain(n) for n in _officials()}
    found = sum((p["article"], plain(p["name"])) in node for p in persons)
    made = sum((label["article"], plain(label["name"])) in node for label in labels if label["kind"] != "person")
    print(f"all names      {_figures(*pairwise(persons, node, verbose))}; mentions found {found}/{len(persons)}; "
          f"not-persons made persons {made}/{len(labels) - len(persons)}")
    print(f"officials      {_figures(*pairwise([p for p in persons if plain(p['name']) in officials], node, False))}")
    print(f"common names   {_figures(*pairwise([p for p in persons if plain(p['name']) not in officials], node, False))}")
    nodes = defaultdict(set)
    for (article, name), iri in node.items():
        if name in officials:
            nodes[name].add(iri)
    extra = {name: len(iris) - 1 for name, iris in nodes.items() if len(iris) > 1}
    print(f"well-known officials: {len(officials)}, {sum(extra.values())} extra nodes "
          f"({', '.join(f'{n} {k}' for n, k in sorted(extra.items(), key=lambda x: -x[1]))})")
    exact = {fold(n) for n in _officials()}  # with diacritics: case, Unicode form and tone placement folded
    spelled = defaultdict(set)
    for (article, name), resolution in resolved.items():
        if fold(name) in exact:
            spelled[fold(name)].add(str(resolution.iri))
    print(f"  names compared with their diacritics (Bình is not Bính): "
          f"{sum(len(iris) - 1 for iris in spelled.values())} extra nodes")
    if officials_listed:
        _list_officials(extractions, resolved, officials)


def _list_officials(extractions: list[Extraction], resolved: dict[tuple[str, str], PersonResolution],
                    officials: set[str]) -> None:
    """Every node of an official's name, largest first: its mentions, exact names, posts, descriptors, reason."""
    persons = {(e.article.id, p.name): p for e in extractions for p in e.persons}
    by_node: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (article, name), resolution in sorted(resolved.items()):
        if plain(name) in officials:
            by_node[str(resolution.iri)].append((article, name))
    for official in sorted(officials):
        nodes = sorted((m for m in by_node.values() if plain(m[0][1]) == official), key=lambda m: -len(m))
        for rank, mentions in enumerate(nodes if len(nodes) > 1 else ()):
            posts = sorted({f"{q.role}|{q.org}" for a, n in mentions for q in persons[a, n].positions})
            described = sorted({f"{k}={v}" for a, n in mentions for k, v in persons[a, n].descriptors})
            names = sorted({n for _, n in mentions})
            print(f"{official} #{rank} {len(mentions)} mentions {names} e.g. {mentions[0][0]}"
                  f"\n    posts {posts[:6]}\n    descr {described[:6]}"
                  f"\n    reason {resolved[mentions[0]].reason[:120]}")


def _officials() -> list[str]:
    path = ROOT / "bench" / "officials_2017.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2 or args[0] not in ("build", "score"):
        sys.exit(__doc__)
    if args[0] == "build":
        build(Path(args[1]), Path(args[2]) if len(args) > 2 else CORPUS)
    else:
        score(Path(args[1]), [Path(a) for a in args[2:]] or [SHARED / "eval" / "resolution" / "dev.jsonl"],
              "--verbose" in sys.argv, "--officials" in sys.argv)
