"""Extract every article of a JSON Lines corpus, check each output against the schema, print figures.

usage: python bench/extract_corpus.py [CORPUS] [SCHEMA]
(defaults: ../shared/corpus/baomoi-2017.jsonl.gz and ../shared/eval/extraction.schema.json)
"""
import json
import sys
import time
import resource
from collections import Counter
from pathlib import Path

import jsonschema

from kg.articles import read_articles
from kg.errors import InputError
from kg.extract import extract

ROOT = Path(__file__).resolve().parent.parent


def main(corpus: Path, schema_path: Path) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    counts, invalid, chars = Counter(), [], 0
    started = time.perf_counter()
    for item in read_articles([corpus]):
        if isinstance(item, InputError):
            counts["skipped"] += 1
            continue
        record = extract(item).to_json()
        chars += len(item.text)
        errors = list(validator.iter_errors(record))
        if errors:
            invalid.append((item.id, errors[0].message))
        counts["articles"] += 1
        for facet in ("persons", "organisations", "events", "documents"):
            counts[facet] += len(record[facet])
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"articles {counts['articles']:,}  skipped {counts['skipped']:,}  invalid {len(invalid):,}")
    print(f"persons {counts['persons']:,}  organisations {counts['organisations']:,}  "
          f"events {counts['events']:,}  documents {counts['documents']:,}")
    print(f"time {seconds:.1f} s  ({counts['articles'] / seconds:.0f} articles/s, "
          f"{chars / seconds / 1e6:.2f} M chars/s)  peak RSS {peak / 1e6:.0f} MB")
    for ident, message in invalid[:10]:
        print(f"invalid {ident}: {message}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz",
         Path(args[1]) if len(args) > 1 else ROOT.parent / "shared" / "eval" / "extraction.schema.json")
