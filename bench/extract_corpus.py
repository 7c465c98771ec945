"""Extract every article of a JSON Lines corpus, check each output against the schema, print figures.

usage: python bench/extract_corpus.py [CORPUS] [SCHEMA] [--limit N]
(defaults: ../shared/corpus/baomoi-2017.jsonl.gz and ../shared/eval/extraction.schema.json; `--limit N`
reads the first N articles only). The CPU time of `extract` alone is printed in ms per article.
"""
import argparse
import json
import time
import resource
from collections import Counter
from itertools import islice
from pathlib import Path

import jsonschema

from kg.articles import read_articles
from kg.errors import InputError
from kg.extract import extract
from kg.extract.lexicon import rare_collections

ROOT = Path(__file__).resolve().parent.parent


def main(corpus: Path, schema_path: Path, limit: int | None) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    counts, invalid, chars, cpu = Counter(), [], 0, 0.0
    with rare_collections():  # the lexicon built once, outside the timings; the collector as kg extract runs it
        started = time.perf_counter()
        for item in islice(read_articles([corpus]), limit):
            if isinstance(item, InputError):
                counts["skipped"] += 1
                continue
            before = time.process_time()
            extraction = extract(item)
            cpu += time.process_time() - before
            record = extraction.to_json()
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
    print(f"extract CPU {cpu / max(counts['articles'], 1) * 1e3:.2f} ms/article")
    for ident, message in invalid[:10]:
        print(f"invalid {ident}: {message}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz")
    parser.add_argument("schema", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval" / "extraction.schema.json")
    parser.add_argument("--limit", type=int, default=None, help="read the first N articles only")
    args = parser.parse_args()
    main(args.corpus, args.schema, args.limit)
