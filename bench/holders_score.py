"""Score a store's `holders` answers against posts whose 2017 holders are public record.

usage: python bench/holders_score.py STORE [TABLE] [--verbose]
(TABLE defaults to bench/holders_2017.tsv: body, role, holders separated by `;`)

For each post, `kg ask holders BODY role=ROLE` is asked without a date; its persons are compared
with the table's (case and diacritics folded). Prints precision and recall over all answered
persons, the posts answered exactly, and the median time of a question.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from kg import KnowledgeGraph
from kg.errors import KGError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from resolution_corpus import plain  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def table(path: Path) -> list[tuple[str, str, set[str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            body, role, holders = line.split("\t")
            rows.append((body, role, {h.strip() for h in holders.split(";") if h.strip()}))
    return rows


def main(store: str, path: Path, verbose: bool) -> None:
    right = answered = expected = exact = 0
    times = []
    with KnowledgeGraph.open(store, read_only=True) as graph:
        for body, role, gold in table(path):
            started = time.perf_counter()
            try:
                rows = graph.ask("holders", body=body, role=role).rows
            except KGError as exc:
                rows = []
                if verbose:
                    print(f"  {body} / {role}: {exc}")
            times.append((time.perf_counter() - started) * 1000)
            got = {plain(str(r["person"])) for r in rows}
            want = {plain(h) for h in gold}
            right, answered, expected = right + len(got & want), answered + len(got), expected + len(want)
            exact += got == want
            if verbose and got != want:
                print(f"{body} / {role}: missing {sorted(want - got)}; extra {sorted(got - want)[:8]}"
                      f"{' …' if len(got - want) > 8 else ''}")
    p, r = right / answered if answered else 1.0, right / expected if expected else 1.0
    print(f"holders: precision {p:.2f} ({right}/{answered}), recall {r:.2f} ({right}/{expected}), "
          f"exact {exact}/{len(times)} posts; median {statistics.median(times):.0f} ms a question")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    main(args[0], Path(args[1]) if len(args) > 1 else ROOT / "bench" / "holders_2017.tsv", "--verbose" in sys.argv)
