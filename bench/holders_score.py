"""Score a store's `holders` answers against posts whose 2017 holders are public record.

usage: python bench/holders_score.py STORE [TABLE] [--verbose]
(TABLE defaults to bench/holders_2017.tsv: body, role, holders separated by `;`, and an optional date)

For each row, `kg ask holders BODY role=ROLE [date=DATE]` is asked; its persons are compared with
the table's (case, diacritics and hyphens folded: `Moon Jae-in` is `Moon Jae In`). Prints precision
and recall over all answered persons, the rows answered exactly, and the median time of a question.
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


def table(path: Path) -> list[tuple[str, str, set[str], str]]:
    """(body, role, holders, date or "") per row."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            body, role, holders, *date = line.split("\t")
            rows.append((body, role, {h.strip() for h in holders.split(";") if h.strip()}, "".join(date).strip()))
    return rows


def same_name(name: str) -> str:
    """A name as compared: case, diacritics and hyphens folded."""
    return " ".join(plain(name).replace("-", " ").split())


def _answer(graph, body: str, role: str, date: str, verbose: bool) -> set[str]:
    """The persons `holders` answers for one row, names folded as compared."""
    try:
        rows = graph.ask("holders", body=body, role=role, **({"date": date} if date else {})).rows
    except KGError as exc:
        if verbose:
            print(f"  {body} / {role}: {exc}")
        return set()
    return {same_name(str(r["person"])) for r in rows}


def main(store: str, path: Path, verbose: bool) -> None:
    counts: dict[bool, list[int]] = {False: [0, 0, 0, 0, 0], True: [0, 0, 0, 0, 0]}  # right, answered, expected, exact, rows
    times = []
    with KnowledgeGraph.open(store, read_only=True) as graph:
        for body, role, gold, date in table(path):
            started = time.perf_counter()
            got = _answer(graph, body, role, date, verbose)
            times.append((time.perf_counter() - started) * 1000)
            want = {same_name(h) for h in gold}
            for k, n in enumerate((len(got & want), len(got), len(want), got == want, 1)):
                counts[bool(date)][k] += n
            if verbose and got != want:
                print(f"{body} / {role}{' on ' + date if date else ''}: missing {sorted(want - got)}; "
                      f"extra {sorted(got - want)[:8]}{' …' if len(got - want) > 8 else ''}")
    for dated, (right, answered, expected, exact, rows) in counts.items():
        if rows:
            p, r = right / answered if answered else 1.0, right / expected if expected else 1.0
            print(f"holders{' on a date' if dated else ''}: precision {p:.2f} ({right}/{answered}), recall {r:.2f} "
                  f"({right}/{expected}), exact {exact}/{rows} rows")
    print(f"median {statistics.median(times):.0f} ms a question")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    main(args[0], Path(args[1]) if len(args) > 1 else ROOT / "bench" / "holders_2017.tsv", "--verbose" in sys.argv)
