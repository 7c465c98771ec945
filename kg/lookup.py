"""Finding persons, bodies and roles by the name a user types, with or without diacritics.

Every person and body carries `kg:nameKey` (its folded name, `thanh2 uy3 hai3 pho2ng`)
and `kg:plainKey` (the same without diacritics, `thanh uy hai phong`): a lookup probes
the first, then the second, each one index probe, never a scan of every name. Only a
name found under neither key costs a scan, done by the store, to suggest the nearest
known names: those sharing the most words with it, then the closest in spelling.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Literal

from kg import gazetteer
from kg.errors import QueryError
from kg.normalize import clean, fold

KINDS = {"person": "kg:Person", "organisation": "kg:Organisation"}
SUGGESTIONS = 5
CANDIDATES = 300  # names sharing the most words with the one typed, compared closely
CLOSE_SPELLING = 0.75  # difflib ratio above which a name sharing no word is still suggested

PROBE = """
SELECT DISTINCT ?node ?name ?kind ?key WHERE {
  VALUES ?probe { PROBE }
  ?node PREDICATE ?probe ; a ?type ; kg:nameKey ?key ; schema:name ?name .
  VALUES (?type ?kind) { TYPES }
}"""

SHARING = """
SELECT ?name ?plain WHERE {
  {
    SELECT DISTINCT ?plain WHERE {
      ?node kg:plainKey ?plain ; a ?type .
      VALUES (?type ?kind) { TYPES }
      BIND(CONCAT(" ", ?plain, " ") AS ?padded)
      BIND(SCORE AS ?shared)
      FILTER(?shared > 0)
    }
    ORDER BY DESC(?shared) ABS(STRLEN(?plain) - LENGTH) ?plain
    LIMIT CANDIDATES
  }
  ?node kg:plainKey ?plain ; a ?type ; schema:name ?name .
  VALUES (?type ?kind) { TYPES }
}"""

ROLES = "SELECT DISTINCT ?role ?key WHERE { ?post kg:roleName ?role ; kg:roleKey ?key }"


@dataclass(frozen=True)
class Match:
    iri: str
    name: str
    kind: str  # person | organisation
    key: str  # the folded name


class UnknownName(QueryError):
    """No person, body or role goes by the name given; `suggestions` are the nearest known names."""

    def __init__(self, what: str, text: str, suggestions: list[str]):
        self.text, self.suggestions = text, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no {what} named {text!r} in the store{hint}")


def _types(kinds: tuple[str, ...]) -> str:
    """VALUES rows pairing each class with its kind."""
    return " ".join(f'({KINDS[k]} "{k}")' for k in kinds)


def _probe(kg, predicate: str, key: str, kinds: tuple[str, ...]) -> list[Match]:
    query = PROBE.replace("PREDICATE", predicate).replace("PROBE", Literal(key).n3()).replace("TYPES", _types(kinds))
    return sorted({Match(r["node"], r["name"], r["kind"], r["key"]) for r in kg.sparql(query)},
                  key=lambda m: (m.name, m.iri))


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """A country as the news names it → its state's formal name (`Hàn Quốc` → `Đại Hàn Dân Quốc`)."""
    return {fold(country): formal for country, formal in gazetteer.pairs("foreign_states.tsv") if formal != "home"}


def _spellings(text: str, kinds: tuple[str, ...]) -> list[str]:
    """The names `text` may stand for: as typed; with its abbreviations expanded as the extraction expands
    them (`UBND tỉnh Quảng Ninh`); for a body, a country's state by its formal name (`Hàn Quốc`)."""
    names = [text, clean(text)]
    if "organisation" in kinds and fold(text) in _states():
        names.append(_states()[fold(text)])
    return list(dict.fromkeys(names))


def find(kg, text: str, kinds: tuple[str, ...] = tuple(KINDS)) -> list[Match]:
    """The persons or bodies named `text`: by folded name, else by the name without diacritics; a name found
    under neither is tried with its abbreviations expanded, and a country as its state."""
    for name in _spellings(text, kinds):
        found = _probe(kg, "kg:nameKey", fold(name), kinds) or _probe(kg, "kg:plainKey", fold(name, marks=False), kinds)
        if found:
            return found
    return []


def nearest(text: str, names: list[tuple[str, str]], n: int = SUGGESTIONS) -> list[str]:
    """The `n` names closest to `text`, from (name, plain key) pairs: most words shared, then closest spelling.

    A name that shares no word is suggested only when spelt much alike.
    """
    plain = fold(text, marks=False)
    words = set(plain.split())
    shared = sorted(names, key=lambda pair: -len(words & set(pair[1].split())))[:CANDIDATES]
    scored = [(len(words & set(key.split())), difflib.SequenceMatcher(None, plain, key).ratio(), name)
              for name, key in shared]
    ranked = sorted((s for s in scored if s[0] or s[1] >= CLOSE_SPELLING), key=lambda s: (-s[0], -s[1], s[2]))
    return list(dict.fromkeys(name for *_, name in ranked))[:n]


def _describe(kinds: tuple[str, ...]) -> str:
    return " or ".join({"person": "person", "organisation": "body"}[k] for k in kinds)


def _sharing_words(kg, text: str, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, plain key) of the names sharing most words with `text`, the store counting and sorting them."""
    plain = fold(text, marks=False)
    words = sorted({w for w in plain.split() if re.fullmatch(r"[a-z0-9]+", w)})
    if not words:
        return []
    score = " + ".join(f'IF(CONTAINS(?padded, " {w} "), 1, 0)' for w in words)
    query = SHARING.replace("SCORE", score).replace("LENGTH", str(len(plain))).replace(
        "CANDIDATES", str(CANDIDATES)).replace("TYPES", _types(kinds))
    return [(r["name"], r["plain"]) for r in kg.sparql(query)]


def require(kg, text: str, kinds: tuple[str, ...] = tuple(KINDS)) -> list[Match]:
    """Like `find`, but a name found nowhere raises `UnknownName` with the nearest known names."""
    matches = find(kg, text, kinds)
    if not matches:
        raise UnknownName(_describe(kinds), text, nearest(text, _sharing_words(kg, text, kinds)))
    return matches


def role_keys(kg, text: str) -> list[str]:
    """The folded keys of the roles named `text`, with or without diacritics; `UnknownName` if none.

    A role typed as stored is one probe; only one typed otherwise reads the (few thousand) role names.
    """
    key = fold(text)
    if kg.sparql(f"ASK {{ ?post kg:roleKey {Literal(key).n3()} }}").boolean:
        return [key]
    roles = [(r["role"], r["key"], fold(r["role"], marks=False)) for r in kg.sparql(ROLES)]
    keys = sorted({k for _, k, plain in roles if plain == fold(text, marks=False)})
    if not keys:
        raise UnknownName("role", text, nearest(text, [(role, plain) for role, _, plain in roles]))
    return keys
