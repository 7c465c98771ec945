"""Entity resolution: one stable IRI per real person, body, post, document and place.

Mentions are keyed by their folded names (case, tone placement, abbreviations and
NFC folded), so `Thành uỷ Hải Phòng` and `Thành ủy Hải Phòng` are one body, in every
article. Persons of one folded name are one node only when their context agrees
(`resolve_persons`: shared posts, birth years, residence, categories …, weights in
`data/resolution_weights.tsv`; see docs/resolution.md). IRIs are readable slugs plus a
short hash of the key: deterministic across runs.
"""
from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Iterable

from rdflib import URIRef

from kg.namespaces import ID
from kg.normalize import fix_tone_placement, fold
from kg.extract.names import looks_foreign
from kg.extract.places import provinces_named
from kg.gazetteer import triples, words
from kg.hierarchy import central_name
from kg.records import Extraction, Person


def ascii_slug(text: str, limit: int = 60) -> str:
    """`Trần Lưu Quang` → `tran-luu-quang`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:limit] or "x"


def _iri(kind: str, label: str, *key: str) -> URIRef:
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:8]
    return ID[f"{kind}/{ascii_slug(label)}-{digest}"]


def block_key(name: str) -> str:
    """The block of a person's name: namesakes and their misspellings (`Thịnh`, `Thinh`) are resolved together."""
    return fold(name, marks=False)


def person_iri(name: str, context: str = "") -> URIRef:
    """The IRI of the person of this name in this place context (`""`: no place known)."""
    return _iri("person", name, fold(name), *([fold(context)] if context else []))


@dataclass(frozen=True)
class PersonResolution:
    """Which node a person of one article is, and why."""

    iri: URIRef
    key: str  # the name block: the name without diacritics (`block_key`)
    context: str  # the province that tells namesakes apart, or ""
    reason: str
    score: float = 0.0  # the weight of the evidence that joined this mention to its node (0: alone)
    features: tuple[str, ...] = ()  # that evidence, as `kind=value`


Features = dict[str, frozenset[str]]
STRONG = ("post", "org")  # kinds whose one shared value is evidence enough (see data/resolution_weights.tsv)
WEAK = ("comention", "near", "rank", "academic", "title", "guess", "affiliation")  # context that alone does not identify a person
COMMON_VALUE = 50  # a weaker value shared by more mentions of one name than this tells nobody apart
RARE_SPELLING = 10  # a spelling this many times rarer than another in the same article is a slip of it
PUBLIC = ("post", "org", "role", "team")  # a public person's mentions say one (or an occupation): bare mentions may be them
BARE_SHARE = 0.5  # a bare mention follows a leader only if this share of the block's identified mentions are the leader
LIST_SIZE = 20  # an article naming more persons is a list (a squad, a slate): who stands beside whom tells nothing


@dataclass(frozen=True)
class _Mention:
    article: str
    name: str
    features: Features
    national: bool  # holds posts, all in central bodies
    provinces: tuple[str, ...]  # named by the bodies of the person's posts
    provincial: bool = False  # holds posts, all in the leading bodies of one province (`_provincial`)
    public: bool = True  # the article is about public affairs (`_public_affairs`)


@lru_cache(maxsize=None)
def _weights() -> tuple[float, dict[str, tuple[float, float]]]:
    """The merge threshold, and (weight per shared value, cap) of each feature."""
    rows = {kind: (float(w), float(cap or w)) for kind, w, cap in triples("resolution_weights.tsv")}
    return rows.pop("threshold")[0], rows


def _features(extraction: Extraction, person: Person) -> Features:
    found: dict[str, set[str]] = defaultdict(set)
    for role, org in _titles(person):
        found["role"].add(_key(role))  # weighs nothing alone, but says who the person is
        if org and _specific(org := _body(org)):
            found["post"].add(f"{_key(role)}|{_key(org)}")
            found["org"].add(_key(org))
    date = extraction.article.date  # the input's date: a year read from the text may be a plan's or a past one's
    for kind, value in person.descriptors:
        if kind == "age" and date:  # the article's year turns an age into a birth year
            kind, value = "born", str(int(date[:4]) - int(value))
        if kind != "titled":
            found[kind].add(value)
    if len(person.name.split()) >= 3 and not _foreign(person.name):  # `nhà thơ Trần Đăng Khoa`: a full name's trade
        found["occupation"] = {c for c in found["category"] if c.count("/") >= 2 and c.startswith(_public_trades())}
    unplaced = (found["role"] | found["title"]) - {post.split("|")[0] for post in found["post"]}
    if unplaced:  # `Bộ trưởng X` with no body read, in an article naming `Bộ Y tế`: the post it may be
        named = {_key(org) for o in extraction.organisations if _specific(org := _body(o.name))}
        found["guess"] = {f"{role}|{org}" for role in unplaced for org in named}
    if len(extraction.persons) <= LIST_SIZE:
        found["comention"] = {_key(p.name) for p in extraction.persons
                              if p is not person and " " in p.name and not _national(p)}
    return {kind: frozenset(values) for kind, values in found.items() if values}


def _titles(person: Person) -> list[tuple[str, str | None]]:
    """(role, body) of the person's posts, current or former, and of the titles in brackets after the name
    (`(lúc đó là Bí thư Thành ủy)`: descriptors `titled`)."""
    titled = [tuple(value.split("|", 1)) for kind, value in person.descriptors if kind == "titled"]
    return [(p.role, p.org) for p in person.positions] + titled


def _key(text: str) -> str:
    """A readable comparison key: case, tone-mark placement and spacing folded (`Tỉnh uỷ` → `tỉnh ủy`)."""
    return " ".join(fix_tone_placement(text).casefold().split())


def _body(org: str) -> str:
    """The central body a name starts with (`Bộ Công Thương xác định` → `Bộ Công Thương`), else the name."""
    words = org.split()
    return next((central for k in range(len(words), 1, -1) if (central := central_name(" ".join(words[:k])))), org)


def _specific(org: str) -> bool:
    """Names one body: a central body, or a name with a proper noun (not `Ủy ban nhân dân xã`, `Công ty`)."""
    return bool(central_name(org)) or any(word[:1].isupper() for word in org.split()[1:])


def _national(person: Person) -> bool:
    """Holds posts, all in central bodies: named everywhere, so naming them beside someone tells little."""
    orgs = [p.org for p in person.positions if p.org]
    return bool(orgs) and all(central_name(_body(o)) for o in orgs)


@lru_cache(maxsize=None)
def _provincial_heads() -> tuple[str, ...]:
    return tuple(_key(head) for head in words("provincial_heads.txt"))


def _provincial(person: Person, provinces: tuple[str, ...]) -> bool:
    """Holds posts, all in the leading bodies of one province (data/provincial_heads.txt: `Thành ủy`, `Ủy ban
    nhân dân tỉnh` …): a province's leader, rarely two people of one full name at once."""
    orgs = [_key(p.org) for p in person.positions if p.org]
    return bool(orgs) and len(set(provinces)) == 1 and all(o.startswith(_provincial_heads()) for o in orgs)


@lru_cache(maxsize=None)
def _public_trades() -> tuple[str, ...]:
    """Categories of public figures' trades (data/public_trades.txt), as prefixes: `job/art/`."""
    return tuple(f"{trade}/" for trade in words("public_trades.txt"))


@lru_cache(maxsize=None)
def _public_kinds() -> frozenset[str]:
    return words("public_kinds.txt")


def _public_affairs(extraction: Extraction) -> bool:
    """The article names a person with a post or a body of public affairs (data/public_kinds.txt)."""
    return any(p.positions for p in extraction.persons) \
        or any(o.kind in _public_kinds() for o in extraction.organisations)


def _branch(a: str, b: str) -> bool:
    """Categories on one branch: one path is a prefix of the other (`job/sport` and `job/sport/coach`)."""
    return (a + "/").startswith(b + "/") or (b + "/").startswith(a + "/")


def _conflict(a: Features, b: Features) -> str:
    """What tells two profiles apart for certain, or ""."""
    for kind, gap in (("born", 1), ("age", 2)):
        if any(abs(int(x) - int(y)) > gap for x in a.get(kind, ()) for y in b.get(kind, ())):
            return kind
    for x in a.get("category", ()):
        for y in b.get("category", ()):
            if x.split("/")[0] == y.split("/")[0] and not _branch(x, y):
                return "category"
    return ""


def _score(a: Features, b: Features) -> tuple[float, tuple[str, ...]]:
    """The weight of what two mentions share, and what they share (`kind=value`)."""
    total, shared = 0.0, []
    for kind, (weight, cap) in _weights()[1].items():
        if kind in ("born", "age"):
            same = sorted({x for x in a.get(kind, ()) for y in b.get(kind, ()) if abs(int(x) - int(y)) <= 1})
        elif kind == "guess":  # a title with no body, and a body the article names, against a post
            same = sorted(_guessed(a, b))
        elif kind == "affiliation":  # a body after the name (`X, Đoàn luật sư Hà Nội`), against the same in brackets
            same = sorted(a.get(kind, frozenset()) & (b.get(kind, frozenset()) | b.get("tag", frozenset()))
                          | b.get(kind, frozenset()) & a.get("tag", frozenset()))
        elif kind == "category":  # the shared part of the paths: `job/sport/coach` counts 3
            same = sorted({min(x, y, key=len) for x in a.get(kind, ()) for y in b.get(kind, ()) if _branch(x, y)},
                          key=lambda c: (-c.count("/"), c))[:1]
        else:
            same = sorted(a.get(kind, frozenset()) & b.get(kind, frozenset()))
        if same:
            count = same[0].count("/") + 1 if kind == "category" else len(same)
            total += min(cap, weight * count)
            shared.extend(f"{kind}={v}" for v in same)
    return total, tuple(shared)


class _Clusters:
    """Union-find over the mentions of one name, refusing unions whose profiles conflict."""

    def __init__(self, mentions: list[_Mention]):
        self.parent = list(range(len(mentions)))
        self.profile = [dict(m.features) for m in mentions]
        self.size = [1] * len(mentions)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, titled: bool = False) -> bool:
        """Join the nodes of i and j unless their profiles conflict; a shared post (`titled`) outweighs
        disagreeing categories (a stray `luật sư` beside a president), the larger node's categories kept."""
        a, b = sorted((self.find(i), self.find(j)))
        if a == b:
            return True
        conflict = _conflict(self.profile[a], self.profile[b])
        if conflict and not (titled and conflict == "category"):
            return False
        kept = self.profile[a if self.size[a] >= self.size[b] else b].get("category", frozenset())
        self.parent[b] = a
        self.size[a] += self.size[b]
        for kind in ("born", "age", "category"):
            self.profile[a][kind] = self.profile[a].get(kind, frozenset()) | self.profile[b].get(kind, frozenset())
        if conflict:
            self.profile[a]["category"] = kept
        return True


def _candidate_pairs(mentions: list[_Mention]) -> list[tuple[int, int]]:
    """Pairs sharing a value: a star per strong value, every pair for uncommon weaker values, and a guessed
    post's mentions each with the first holder of that post."""
    weighed = _weights()[1]
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for kind, values in m.features.items():
            for value in values if kind in weighed else ():
                holders["tag" if kind == "affiliation" else kind, value].append(i)
    pairs: set[tuple[int, int]] = set()
    for (kind, value), members in holders.items():
        if kind in STRONG:
            pairs.update((members[0], j) for j in members[1:])
        elif kind == "guess":
            held = holders.get(("post", value))
            if held:
                pairs.update((min(held[0], j), max(held[0], j)) for j in members)
        elif len(members) <= COMMON_VALUE:
            pairs.update(itertools.combinations(members, 2))
    return sorted(pairs)


def _identified(m: _Mention) -> bool:
    """Says anything about who the person is, beyond the persons and places around them."""
    return any(kind not in WEAK for kind in m.features)


def _resolve_block(key: str, mentions: list[_Mention]) -> dict[int, PersonResolution]:
    """Resolve the mentions of one name block (the name without diacritics), sorted by article.

    Each spelling is resolved on its own first (links, then its leading person); spellings then
    meet only through a shared post, so a typing slip (`Thinh` for `Thịnh`) with the same title
    joins its person, and a bare slip or another real name (`Bính`) does not, unless the slip's
    own article also spells the name the common way (`_slips`).
    """
    clusters, joined, notes, leaders = _Clusters(mentions), {}, {}, []
    spellings: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        spellings[fold(m.name)].append(i)
    identified = sum(map(_identified, mentions))
    for members in spellings.values():
        local = _candidate_pairs([mentions[i] for i in members])
        _link(mentions, [(members[i], members[j]) for i, j in local], clusters, joined)
        leader = _lead(mentions, members, clusters, notes, identified)
        if leader is not None:
            leaders.append(leader)
    if len(spellings) > 1:
        across = [(i, j) for i, j in _candidate_pairs(mentions) if fold(mentions[i].name) != fold(mentions[j].name)
                  and _posts_meet(mentions[i].features, mentions[j].features)]
        for i, j, shared in _link(mentions, across, clusters, joined):
            for k in (i, j):
                notes.setdefault(k, f"the name spelled otherwise in another article, and {', '.join(shared)}")
        for i, j in _slips(mentions, spellings):
            if clusters.union(j, i):
                notes[i] = f"a rare spelling of the name, with nothing beside it, in an article that also names " \
                           f"{mentions[j].name}: joined that mention"
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[clusters.find(i)].append(i)
    found = {}
    for root, members in groups.items():
        led = [mentions[i].name for i in leaders if clusters.find(i) == root]
        main = max(led, key=lambda n: (sum(mentions[i].name == n for i in members), n)) if led else None
        found.update(_cluster_resolutions(key, mentions, members, main, joined, notes))
    return found


def _posts_meet(a: Features, b: Features) -> bool:
    """Two profiles share a post, or one's guessed post (a title and a body the article names) is the other's."""
    return bool(a.get("post", frozenset()) & b.get("post", frozenset()) or _guessed(a, b))


def _guessed(a: Features, b: Features) -> frozenset[str]:
    """The posts one profile guesses (a title with no body, and a body its article names) that the other holds."""
    none = frozenset()
    return a.get("guess", none) & b.get("post", none) | b.get("guess", none) & a.get("post", none)


def _slips(mentions: list[_Mention], spellings: dict[str, list[int]]) -> list[tuple[int, int]]:
    """(slip, mention) pairs of one article: a spelling at most a tenth as common in the block as another
    spelling the same article uses (`Phạm Binh Minh` in an article headed `Phó Thủ tướng Phạm Bình Minh`),
    the slip identified by nothing of its own. `Bùi Tiến Dụng`, a real name a third as common as `Bùi Tiến
    Dũng`, is no slip."""
    count = {spelling: len(members) for spelling, members in spellings.items()}
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_article[m.article].append(i)
    return [(i, j) for members in by_article.values() for i in members for j in members
            if not _identified(mentions[i]) and RARE_SPELLING * count[fold(mentions[i].name)] <= count[fold(mentions[j].name)]]


def _link(mentions: list[_Mention], pairs: Iterable[tuple[int, int]], clusters: _Clusters,
          joined: dict[int, tuple[float, tuple[str, ...]]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Join the pairs whose shared context reaches the threshold, strongest first; the links that joined two nodes."""
    threshold, edges, linked = _weights()[0], [], []
    for i, j in pairs:
        score, shared = _score(mentions[i].features, mentions[j].features)
        if score >= threshold:
            edges.append((-score, i, j, shared))
    for score, i, j, shared in sorted(edges):
        if clusters.find(i) != clusters.find(j) and clusters.union(i, j, any(f.startswith("post=") for f in shared)):
            linked.append((i, j, shared))
            for k in (i, j):
                joined.setdefault(k, (-score, shared))
    return linked


def _lead(mentions: list[_Mention], members: list[int], clusters: _Clusters, notes: dict[int, str],
          identified: int) -> int | None:
    """The leading person among these mentions of one spelling, if one clearly leads, with the mentions
    that only follow it joined to it; a mention of that person. Mentions with nothing beside the name join
    only a public person (`_Leader.public`) that at least half of the block's `identified` mentions are
    (namesakes with evidence of their own make a bare mention anyone's)."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in members:
        groups[clusters.find(i)].append(i)
    if _foreign(mentions[members[0]].name):
        return _one_foreigner(groups, clusters, notes)
    dominant = _dominant(mentions, groups)
    if dominant is None:
        return None
    main, leader = dominant
    followers = [group for root, group in groups.items()
                 if root != main and all(_follows(mentions[i], leader) for i in group)]
    followed = sum(_identified(mentions[i]) for group in followers + [groups[main]] for i in group)
    bare_joins = leader.public and followed >= BARE_SHARE * identified
    for group in followers:
        bare = bare_joins and (not leader.national or all(mentions[i].public or _identified(mentions[i]) for i in group))
        if (bare or any(_echoes(mentions[i], leader) for i in group)) and clusters.union(main, group[0]):
            notes.update((i, "no other context, or only a title the leading person of this name holds: "
                             "joined that person") for i in group)
    return main


def _foreign(name: str) -> bool:
    """A foreign full name (`Roger Federer`, `Abu Bakr al-Baghdadi`, `Moon Jae-in`): two words or more, one that no
    Vietnamese syllable spells. Not `Mohammed`, nor `Tuấn Anh`: a single word or Vietnamese given names are many people's."""
    words = name.split()
    return len(words) > 1 and any(map(looks_foreign, words))


def _one_foreigner(groups: dict[int, list[int]], clusters: _Clusters, notes: dict[int, str]) -> int:
    """A foreign full name is rare in this news: its mentions are one person, largest group first, except those
    whose profiles conflict (birth years, ages, categories); a mention of that person."""
    order = sorted(groups.values(), key=lambda group: (-len(group), group[0]))
    main = order[0][0]
    for group in order[1:]:
        if clusters.union(main, group[0]):
            notes.update((i, "a foreign full name, and nothing that tells its mentions apart: one person") for i in group)
    return main


def _echoes(m: _Mention, leader: "_Leader") -> bool:
    """Says something beside the name that the leading person's mentions also say (a post, a rank, a place …;
    not merely the persons named around it)."""
    return any(values & leader.held[kind] for kind, values in m.features.items() if kind != "comention")


class _Leader:
    """What the mentions of a leading person give, gathered once for the mentions `_follows` compares."""

    def __init__(self, mentions: list[_Mention]):
        self.held: dict[str, set[str]] = defaultdict(set)
        for other in mentions:
            for kind, values in other.features.items():
                self.held[kind] |= values
        self.national = any(other.national for other in mentions)
        self.provincial = any(other.provincial for other in mentions)
        self.provinces = {p for other in mentions for p in other.provinces}
        categories = self.held.get("category", set())
        self.public = (any(self.held.get(kind) for kind in PUBLIC) or any(c.startswith("job/") for c in categories)) \
            and not any(c.startswith("justice/") for c in categories)  # what they do, not what befell them


def _follows(m: _Mention, leader: _Leader) -> bool:
    """Says nothing that the leading person of the name does not: no context at all, or only posts whose
    roles that person holds (in none of the provinces that person's posts leave out), categories on that
    person's branches, and other values that person's mentions give. A leader in national office takes
    any post in central bodies: one full name is rarely two people in national office."""
    if not _identified(m):
        return True
    national = (m.national and leader.national or m.provincial and leader.provincial) and " " in m.name  # not `Mohammed`
    return all(_held(kind, values, leader.held, national) for kind, values in m.features.items()) \
        and set(m.provinces) <= leader.provinces


def _held(kind: str, values: frozenset[str], held: dict[str, set[str]], national: bool) -> bool:
    """Whether the leading person's values (`held`) cover these values of one kind of feature; with `national`
    posts on both sides, any role and any place (a deputy's delegation, `ĐB Hồ Đức Phớc (Nghệ An)`)."""
    if kind in WEAK or kind in STRONG or (national and kind in ("role", "place")):
        return True
    if kind in ("category", "occupation"):  # an occupation is a category (`_features`)
        return all(any(_branch(c, d) for d in held["category"]) for c in values)
    if kind in ("born", "age"):
        return all(any(abs(int(x) - int(y)) <= 1 for y in held[kind]) for x in values)
    return values <= held[kind]


def _dominant(mentions: list[_Mention], groups: dict[int, list[int]]) -> tuple[int, _Leader] | None:
    """The cluster that most identified mentions of the name belong to, when it clearly leads: with the
    clusters that only follow it, at least half of them, and twice the largest of the others; with what
    its mentions give."""
    size = {root: sum(_identified(mentions[i]) for i in members) for root, members in groups.items()}
    root = min(size, key=lambda r: (-size[r], r)) if size else None
    if root is None or size[root] == 0 or len(groups[root]) < 2:  # a leader is a link, not one mention
        return None
    leader = _Leader([mentions[i] for i in groups[root]])
    others = [size[r] for r, members in groups.items()
              if r != root and not all(_follows(mentions[i], leader) for i in members)]
    followed = sum(size.values()) - sum(others)
    return (root, leader) if followed >= 0.5 * sum(size.values()) and size[root] >= 2 * max(others, default=0) \
        else None


def _cluster_resolutions(key: str, mentions: list[_Mention], members: list[int], main: str | None,
                         joined: dict[int, tuple[float, tuple[str, ...]]],
                         notes: dict[int, str]) -> list[tuple[int, PersonResolution]]:
    """The resolutions of one node's mentions: the leading person's node is named by `main`."""
    first = mentions[members[0]]
    iri = person_iri(main) if main else _iri("person", first.name, fold(first.name), first.article)
    provinces = Counter(p for i in members for p in mentions[i].provinces)
    context = provinces.most_common(1)[0][0] if provinces else ""
    found = []
    for i in members:
        score, shared = joined.get(i, (0.0, ()))
        reason = notes.get(i) or (f"same name and {', '.join(shared)}" if shared else "no other mention of this "
                                  "name shares its context: a node of its own")
        found.append((i, PersonResolution(iri, key, context, reason, score, shared)))
    return found


def resolve_persons(extractions: Iterable[Extraction],
                    keys: Collection[str] | None = None) -> dict[tuple[str, str], PersonResolution]:
    """Which node each (article id, person name) is: namesakes merge only on shared context.

    Deterministic, independent of input order; the result for a folded name depends only on the
    extractions that mention it. With `keys`, only the persons of those name blocks are resolved
    (the same resolutions as without, for those blocks).
    """
    blocks: dict[str, list[_Mention]] = defaultdict(list)
    for extraction in extractions:
        for person in extraction.persons:
            key = block_key(person.name)
            if keys is not None and key not in keys:
                continue
            provinces = tuple(p for _, org in _titles(person) if org for p in provinces_named(org))
            blocks[key].append(_Mention(extraction.article.id, person.name, _features(extraction, person),
                                        _national(person), provinces, _provincial(person, provinces),
                                        _public_affairs(extraction)))
    found = {}
    for key in sorted(blocks):
        mentions = sorted(blocks[key], key=lambda m: (m.article, m.name))
        for i, resolution in _resolve_block(key, mentions).items():
            found[mentions[i].article, mentions[i].name] = resolution
    return found


def organisation_iri(name: str) -> URIRef:
    return _iri("org", name, fold(name))


def post_iri(role: str, org: str) -> URIRef:
    return _iri("post", f"{role} {org}", fold(role), fold(org))


def document_iri(doc_type: str, number: str | None, name: str | None) -> URIRef:
    return _iri("document", f"{doc_type} {number or name or ''}", fold(doc_type), fold(number or name))


def place_iri(name: str) -> URIRef:
    return _iri("place", name, fold(name))


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{ascii_slug(article_id, 120)}-{hashlib.sha1(article_id.encode()).hexdigest()[:6]}"]


def scoped_iri(article: URIRef, kind: str, *key: str) -> URIRef:
    """An IRI for something that exists only within one article (a tenure, an event, a sentence)."""
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:10]
    return URIRef(f"{article}/{kind}/{digest}")
