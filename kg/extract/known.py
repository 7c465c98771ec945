"""Names the corpus establishes: mined where a strong cue stands beside them, recognised anywhere.

`kg mine-names CORPUS` reads every article and keeps the names that a title or a form of
address introduces (`ông X`, `X, Bí thư …`, `Tổng thống Mỹ X`) but that the surname rule
would not find alone (foreign names, pen names, rare surnames). Those cued in at least
`min_articles` articles go to `data/known_names.tsv`, and extraction then recognises them
where they stand without a cue (`… cuộc gặp với Donald Trump`).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg import gazetteer
from kg.extract.lexicon import Lexicon, PhraseMatcher, lexicon
from kg.extract.names import NameMention, looks_foreign, stops_name
from kg.extract.text import Sentence, sentences
from kg.normalize import normalise
from kg.records import Article

KNOWN_NAMES = "known_names.tsv"
MIN_ARTICLES = 3


@lru_cache(maxsize=None)
def _known() -> PhraseMatcher:
    path = gazetteer.data_dir() / KNOWN_NAMES
    rows = gazetteer.pairs(KNOWN_NAMES) if path.exists() else ()
    return PhraseMatcher((name, name) for name, _ in rows)


def find_known_name(sentence: Sentence, i: int, lex: Lexicon) -> NameMention | None:
    """A name of `data/known_names.tsv` starting at token i and ending where a name ends."""
    tokens = sentence.tokens
    found = _known().match(tokens, i, capitalised=True)
    if found is None or (found[0] < len(tokens) and not stops_name(sentence, found[0], lex)):
        return None
    return NameMention(i, found[0], sentence.span_text(i, found[0]))


def _worth_knowing(name: str, lex: Lexicon) -> bool:
    """Only what the surname rule misses: a first word not a surname; one word only if foreign."""
    words = name.split()
    return words[0] not in lex.surnames and (len(words) > 1 or looks_foreign(name))


def cued_names(article: Article, lex: Lexicon) -> set[str]:
    """The names of an article that a title holds or a form of address introduces."""
    from kg.extract.mentions import read_mentions
    from kg.extract.positions import attach_titles

    found = set()
    for sentence in sentences(normalise(article.full_text).text):
        mentions = read_mentions(sentence, lex)
        found.update(holder.value.name for holder, _ in attach_titles(mentions))
        found.update(m.value.name for prev, m in zip(mentions, mentions[1:])
                     if m.kind == "name" and prev.kind == "honorific" and prev.value == "address")
    return {name for name in found if _worth_knowing(name, lex)}


def mine_names(articles: Iterable[Article], min_articles: int = MIN_ARTICLES) -> list[tuple[str, int]]:
    """Names cued in at least `min_articles` articles, with their counts, most frequent first."""
    lex = lexicon()
    counts = Counter(name for article in articles for name in cued_names(article, lex))
    return sorted(((n, c) for n, c in counts.items() if c >= min_articles), key=lambda row: (-row[1], row[0]))


def write_known_names(rows: list[tuple[str, int]], path: Path) -> None:
    header = ("# Names established by a cue (a title, a form of address) in at least this many corpus\n"
              "# articles; written by `kg mine-names`, do not edit by hand.\n# name\tarticles\n")
    path.write_text(header + "".join(f"{name}\t{count}\n" for name, count in rows), encoding="utf-8")
