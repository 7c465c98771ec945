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
from typing import Collection

from rdflib import Literal

from kg import gazetteer
from kg.errors import QueryError
from kg.extract.lexicon import lexicon
from kg.extract.mentions import Title, with_country
from kg.extract.names import looks_foreign
from kg.extract.places import central_form, province_qualified, without_of
from kg.extract.text import tokenize
from kg.normalize import clean, fold

KINDS = {"person": "kg:Person", "organisation": "kg:Organisation"}
USUAL_NAMES = """SELECT ?p ?name (COUNT(?r) AS ?mentions)
WHERE { %s ?r kg:person ?p ; schema:name ?name }
GROUP BY ?p ?name"""
MAX_VALUES = 2000  # person nodes asked by name in one query; more: every person's name is read
SUGGESTIONS = 5
CANDIDATES = 300  # names sharing the most words with the one typed, compared closely
CLOSE_SPELLING = 0.75  # difflib ratio above which a name sharing no word is still suggested
FOREIGN_SPELLING = 0.8  # difflib ratio above which two foreign names with one initial are one name spelt twice
SOUND_ALIKE = 0.75  # difflib ratio above which a last name written by sound (`Xi-xi`) is a foreign one (`Sisi`)
BRACKETED = re.compile(r"(.+?)\s*\(\s*([^()]+?)\s*\)")  # `Ngân hàng Trung ương châu Âu (ECB)`: a name, its short name
TRANSLITERATED = re.compile(r"(\w)\.\s?(\w+(?:-\w+)+)")  # `A.Xi-xi`: an initial, a last name in hyphened syllables
SOUNDS = (("ph", "f"), ("x", "s"), ("c", "k"), ("q", "k"), ("y", "i"))  # Vietnamese letters for a foreign sound

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
ASK_HELD = """ASK { VALUES ?key { ROLES } ?org kg:nameKey BODY . ?post org:postIn ?org ; kg:roleKey ?key .
  ?t kg:post ?post ; kg:current true }"""


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
def _countries() -> dict[str, tuple[str, ...]]:
    """A country as the news names it → the bodies its heads sit in as the extraction names them:
    its state by its formal name (`Hàn Quốc` → `Đại Hàn Dân Quốc`, data/foreign_states.tsv), and the body of
    each national title of data/roles.tsv held in each name of the country, as `kg.extract.mentions.with_country`
    names it (`Chính phủ Nhật Bản`; `Chính phủ Italy` and `Chính phủ Italia`, which share their formal name; the
    central committee of a one-party state's party, `Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào`; Việt Nam's
    own: `Chính phủ`, `Nhà nước`). The formal name finds the same bodies, and a one-party state's party its central
    committee (data/ruling_parties.tsv: `Đảng Cộng sản Trung Quốc`)."""
    formal = _formal()
    national = list({role.org: role for role in gazetteer.roles() if role.org}.values())
    aliases: dict[str, list[str]] = {}
    for country, _ in [*gazetteer.pairs("countries.txt"), *formal.items()]:
        aliases.setdefault(formal.get(country) or country, []).append(country)
    bodies = {state: tuple(dict.fromkeys([*([state] if state in formal.values() else []), *(
        with_country(Title(role, role.org, False), alias).org for alias in countries for role in national)]))
        for state, countries in aliases.items()}
    found = {fold(name): bodies[state] for state in bodies for name in {state, *aliases[state]}}
    party = [role for role in national if role.org.endswith(" Đảng")]
    return found | {fold(name): tuple(dict.fromkeys(with_country(Title(role, role.org, False), country).org
                                                      for role in party))
                    for country, name in gazetteer.pairs("ruling_parties.tsv")}


def _formal() -> dict[str, str]:
    """A foreign country as the news names it → its state's formal name (data/foreign_states.tsv; not Việt Nam)."""
    return {country: state for country, state in gazetteer.pairs("foreign_states.tsv") if state != "home"}


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """A foreign country as the news names it, or its state, folded → its state's folded name (`cuba` → `cộng hòa
    cuba`)."""
    return {fold(name): fold(state) for name, state in [*_formal().items(), *((s, s) for s in _formal().values())]}


def state_keys(kg, text: str, keys: list[str], roles: list[str]) -> list[str]:
    """The body keys a role asked of a body typed as `text` is held in: for a country whose state holds that role now,
    the state alone (`Cuba` role=`Chủ tịch` asks for the head of state, Raúl Castro, not Quốc hội Cuba's chair:
    its name is the country's, not the state's); else `keys` as found."""
    state = _states().get(fold(text))
    if state is None or state not in keys or not roles:
        return keys
    held = ASK_HELD.replace("BODY", Literal(state).n3()).replace("ROLES", " ".join(Literal(r).n3() for r in roles))
    return [state] if kg.sparql(held).boolean else keys


def _other_names(text: str) -> list[str]:
    """What else a body typed as `text` may be called in the store: its one name as the extraction gives it
    (`Ngân hàng Nhà nước Việt Nam` for `NHNN`, `Quốc hội` for `Quốc hội Việt Nam`, `Ủy ban Kinh tế Quốc hội`
    for `Ủy ban Kinh tế của Quốc hội`), either of a name and its short name in brackets (`Cục Dự trữ Liên bang Mỹ
    (Fed)`), and for a country the bodies its heads sit in (`_countries`)."""
    bracketed = BRACKETED.fullmatch(clean(text))
    names = [text, *(bracketed.groups() if bracketed else ())]
    return list(dict.fromkeys([*map(_canonical, names), *_countries().get(fold(text), ())]))


def _canonical(text: str) -> str:
    """The body's one name: its alias's, without `của …`, a central body's form, a province with its kind
    (`UBND Đồng Nai` → `Ủy ban nhân dân tỉnh Đồng Nai`)."""
    lex = lexicon()
    name = clean(text)
    name = central_form(lex.body_aliases.get(fold(name), without_of(name, lex)), lex)
    return province_qualified(name, lex) or name


def _heads_bodies(text: str) -> list[str]:
    """The bodies whose heads are the heads of a body typed as `text`, as exactly named (`Hội đồng quản trị
    Sacombank`, `Trung ương Hội Nông dân Việt Nam`: data/roles_bodies.tsv). A country has none: its heads sit in
    its state and government (`_countries`), and `Hội đồng quản trị Trung Quốc` is a misreading."""
    if fold(text) in _countries():
        return []
    bodies = {fold(body): body for body in (_canonical(text), clean(text))}.values()
    return [f"{before} {body}" for body in bodies for before in sorted(gazetteer.words("roles_bodies.tsv"))]


def _wider_names(text: str) -> list[str]:
    """The name a body typed as `text` may go by when none of `_other_names` is in the store: a part named
    without the body it is part of (`Hội đồng Dân tộc` for `Hội đồng Dân tộc của Quốc hội`: the cue `of` of
    data/cue_words.tsv)."""
    name = clean(text)
    cuts = [name.index(f" {of} ") for of in lexicon().cues["of"] if f" {of} " in name]
    return [name[:min(cuts)]] if cuts else []


def _probes(kg, name: str, kinds: tuple[str, ...], plain: bool = True) -> list[Match]:
    """The persons or bodies named `name`: by folded name, else (with `plain`) by the name without diacritics."""
    return _probe(kg, "kg:nameKey", fold(name), kinds) or (
        _probe(kg, "kg:plainKey", fold(name, marks=False), kinds) if plain else [])


def find(kg, text: str, kinds: tuple[str, ...] = tuple(KINDS)) -> list[Match]:
    """The persons or bodies named `text`: by folded name, else by the name without diacritics. A body is found
    under its other names too (`_other_names`: every one that the store holds: `PVN` and `Tập đoàn Dầu khí Việt
    Nam`, `Vương quốc Anh` and `Chính phủ Anh`) and its heads' bodies (`_heads_bodies`), and, when none of these
    is stored, under its wider names (`_wider_names`). A person's name is looked up as typed only."""
    found = set(_probes(kg, text, kinds))
    if "organisation" in kinds and not any(m.kind == "person" for m in found):
        found |= {m for name in _other_names(text) if fold(name) != fold(text) for m in _probes(kg, name, kinds)}
        found |= {m for name in _heads_bodies(text) for m in _probes(kg, name, kinds, plain=False)}
        found = found or {m for name in _wider_names(text) for m in _probes(kg, name, kinds)}
    return sorted(found, key=lambda m: (m.name, m.iri))


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


def role_keys(kg, text: str, body: str = "") -> list[str]:
    """The folded keys of the roles named `text`, with or without diacritics; `UnknownName` if none.

    A role typed as stored is one probe (with the titles it starts that name the body alone: `_fixed_titles`); only
    one typed otherwise reads the (few thousand) role names.
    A title the extraction reads as another role is that role (`Ngoại trưởng` → `Bộ trưởng`, data/roles.tsv), and
    a title typed with words of the `body` asked about is the title it starts with (`Trưởng ban` → `Trưởng` in
    `Ban Tổ chức Trung ương`, `Bí thư Tỉnh ủy` → `Bí thư`; not `Bộ trưởng Quốc phòng` → `Bộ trưởng` in `Mỹ`).
    """
    key = fold(text)
    if kg.sparql(f"ASK {{ ?post kg:roleKey {Literal(key).n3()} }}").boolean:
        return [key, *_fixed_titles(text, body)]
    roles = [(r["role"], r["key"], fold(r["role"], marks=False)) for r in kg.sparql(ROLES)]
    bare = fold(text, marks=False)
    typed = {bare} | {fold(r.role, marks=False) for r in gazetteer.roles()
                       if r.role and fold(r.surface, marks=False) == bare} | {
        fold(read, marks=False) for read in _read_role(text, body)}
    keys = sorted({k for _, k, plain in roles if plain in typed})
    if not keys:
        raise UnknownName("role", text, nearest(text, [(role, plain) for role, _, plain in roles]))
    return keys


def _fixed_titles(text: str, body: str) -> list[str]:
    """The keys of the titles of `body` that start with `text` and read as that body's alone (data/roles.tsv, fixed
    body): `Chủ tịch` of `Nhà nước Việt Nam` is also `Chủ tịch nước`."""
    org, typed = fold(_canonical(body)) if body else "", fold(text, marks=False)
    return sorted({fold(r.role) for r in gazetteer.roles() if org and fold(r.org) == org and fold(r.role) != fold(text)
                   and fold(r.surface, marks=False).startswith(f"{typed} ")})


def _read_role(text: str, body: str) -> list[str]:
    """The role of the longest title that `text` starts with, as the extraction reads it (data/roles.tsv), when
    the words after it are words of `body`'s name."""
    typed = clean(text)
    tokens = tokenize(typed)
    found = lexicon().roles.match(tokens, 0)
    if found is None or found[0] >= len(tokens):
        return []
    rest = fold(typed[tokens[found[0]].start:])
    return [found[2].role or found[1]] if f" {rest} " in f" {fold(body)} " else []


def title_in(kg, role: str, body: str) -> tuple[list[Match], list[str]] | None:
    """A role typed with the words of a body and asked of the place or country that body is of (`Bộ trưởng Quốc
    phòng` of `Nga`, `Chủ tịch Quốc hội` of `Lào`, `Chủ tịch UBND` of `Đồng Nai`): the bodies those words name there,
    as the extraction names them (`Bộ Quốc phòng Nga`, `Quốc hội Lào`, `Ủy ban nhân dân tỉnh Đồng Nai`; the title's
    head noun first, data/roles.tsv), and the title's role keys; None when the words name no stored body there."""
    typed = clean(role)
    tokens = tokenize(typed)
    found = lexicon().roles.match(tokens, 0)
    if found is None or found[0] >= len(tokens):
        return None
    title, words = found[2], typed[tokens[found[0]].start:]
    head = f"{title.head} " if title.head and not fold(words).startswith(fold(title.head)) else ""
    bodies = find(kg, f"{head}{words} {body}", ("organisation",))
    return (bodies, role_keys(kg, title.role or found[1])) if bodies else None


def usual_names(kg, nodes: Collection[str] | None = None) -> dict[str, str]:
    """Each person node's name as most of its mentions spell it (its kg:Resolution nodes' schema:name; on a tie,
    the first in order), for `nodes` or every person: `Nguyễn Thị Kim Ngân`, not one article's `Nguyễn Thi Kim Ngân`.
    A node whose resolutions carry no spelling (a store written before they did) is left out."""
    if nodes is not None and not nodes:
        return {}
    asked = nodes is not None and len(nodes) <= MAX_VALUES
    values = "VALUES ?p { %s }" % " ".join(f"<{n}>" for n in sorted(nodes)) if asked else ""
    usual: dict[str, str] = {}
    for row in sorted(kg.sparql(USUAL_NAMES % values).rows, key=lambda r: (-int(r["mentions"]), r["name"])):
        usual.setdefault(row["p"], row["name"])
    return usual if nodes is None or asked else {n: usual[n] for n in nodes if n in usual}


@lru_cache(maxsize=4096)
def _form(name: str) -> tuple[tuple[str, ...], frozenset[str], str, str, bool]:
    """A name's folded words (tone marks kept: `Hùng` is not `Hưng`), the set of them, its letters, its letters
    without diacritics, and whether every capitalised word looks foreign."""
    words = tuple(fold(name).split())
    capitalised = [w for w in name.split() if w[:1].isupper()]  # not a particle: `al-Sisi`, `de Gaulle`
    return words, frozenset(words), "".join(words), "".join(fold(name, marks=False).split()), \
        bool(capitalised) and all(map(looks_foreign, capitalised))


def named_alike(name: str, other: str) -> bool:
    """`name` is `other` written short or spelt another way: its first or last word (`Putin`), some of its
    words in order (`Tayyip Erdogan`, `Hun Sen` of `Samdech Hun Sen`), the same letters spaced otherwise
    (`Hunsen`, `Prayut Chan-ocha`), the initial and the last name spelt by sound (`A.Xi-xi`: `_transliterates`), or,
    both foreign, the same surname or nearly the same letters after the same initial (`Jim Mattis`, `Sergey Lavrov`,
    `Bun-nhăng Vô-la-chít` for `Bounnhang Vorachith`).
    Vietnamese names are compared by their words only: `Nguyễn Văn Hùng` is not `Nguyễn Văn Hưng`."""
    (words, kept, letters, plain, foreign), (others, known, other_letters, other_plain, other_foreign) = \
        _form(name), _form(other)
    if not words or not others or words == others or letters == other_letters:
        return bool(words) and bool(others) and words != others
    if len(words) == 1:
        return words[0] in (others[0], others[-1])
    if _transliterates(name, other):
        return True
    if kept <= known:
        rest = iter(others)
        if all(word in rest for word in words):
            return True
    return foreign and other_foreign and plain[0] == other_plain[0] and (
        words[-1] == others[-1] or difflib.SequenceMatcher(None, plain, other_plain).ratio() >= FOREIGN_SPELLING)


def _sounds(word: str) -> str:
    """A word's letters as it sounds, Vietnamese or foreign spelling alike: `Xi-xi` and `Sisi` are `sisi`."""
    plain = "".join(fold(word, marks=False).split())
    for letters, sound in SOUNDS:
        plain = plain.replace(letters, sound)
    return re.sub(r"(.)\1+", r"\1", plain)


def _transliterates(name: str, other: str) -> bool:
    """`name` is how the Vietnamese press writes `other`, a foreign name of two words or more: its first initial,
    then its last name spelt by sound in hyphened syllables (`A.Xi-xi` for Abdel Fattah al-Sisi, `E.Phi-líp` for
    Édouard Philippe, `X.La-vrốp` for Sergey Lavrov)."""
    written, words = TRANSLITERATED.fullmatch(name.strip()), fold(other, marks=False).split()
    if written is None or len(words) < 2 or TRANSLITERATED.fullmatch(other.strip()) or not _form(other)[4]:
        return False
    return _sounds(written.group(1)) == _sounds(words[0][:1]) and difflib.SequenceMatcher(
        None, _sounds(written.group(2)), _sounds(words[-1])).ratio() >= SOUND_ALIKE


def alike_names(names: list[str]) -> list[list[int]]:
    """For each of `names`, the positions of the others spelt alike or that it or they name short or spelt another
    way (`named_alike` either way), comparing only names that could be: ones sharing a first or last word, the
    same letters, or two foreign names with one initial."""
    near: dict[tuple, set[int]] = {}
    for i, name in enumerate(names):
        words, kept, letters, plain, foreign = _form(name)
        for key in [*(("word", w) for w in kept), ("letters", letters), *([("initial", plain[:1])] if foreign else [])]:
            near.setdefault(key, set()).add(i)
    out = []
    for i, name in enumerate(names):
        words, _, letters, plain, foreign = _form(name)
        keys = [("word", words[0]), ("word", words[-1])] if words else []
        keys += [("letters", letters), *([("initial", plain[:1])] if foreign else [])]
        candidates = {j for key in keys for j in near.get(key, ()) if j != i}
        out.append(sorted(j for j in candidates if _form(names[j])[0] == words
                          or named_alike(name, names[j]) or named_alike(names[j], name)))
    return out
