"""How articles get their date: extract every STEP-th article of a corpus, print the share dated, the years
given, and the speed (run by hand; the corpus is 2017 news, so years far from 2017 are suspect).

usage: python bench/dates_sample.py [CORPUS] [STEP]   (defaults: ../shared/corpus/baomoi-2017.jsonl.gz, 50)
"""
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path

from kg.articles import read_articles
from kg.errors import InputError
from kg.extract import extract

ROOT = Path(__file__).resolve().parent.parent


def main(corpus: Path, step: int) -> None:
    years, events, count = Counter(), Counter(), 0
    started = time.perf_counter()
    for item in islice(read_articles([corpus]), 0, None, step):
        if isinstance(item, InputError):
            continue
        result = extract(item)
        count += 1
        years[result.date[:4] if result.date else "undated"] += 1
        for event in result.events:
            events["dated" if event.date else "undated"] += 1
    seconds = time.perf_counter() - started
    dated = count - years["undated"]
    print(f"articles {count:,}  dated {dated:,} ({dated / count:.1%})  "
          f"events {sum(events.values()):,} (undated {events['undated']:,})  "
          f"time {seconds:.1f} s ({count / seconds:.0f} articles/s)")
    print("years: " + ", ".join(f"{year} {n}" for year, n in sorted(years.items()) if year != "undated"))


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz",
         int(args[1]) if len(args) > 1 else 50)
