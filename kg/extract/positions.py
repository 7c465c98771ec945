"""Who holds which title: chains of titles attached to the names they stand beside.

The grammar of official news: `Name, Title, Title` and `Name Title` (titles after the
name); `Title Name` and `Title, đồng chí Name` (titles before it); and group lists,
`các đồng chí Title: Name, Name`, where the titles apply to every name listed.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.known import known_country
from kg.extract.lexicon import lexicon
from kg.extract.mentions import Mention, Title, held_in, ruling_party, with_country
from kg.extract.places import NATIONAL_KINDS
from kg.normalize import fold
from kg.records import Position
from kg.extract.names import looks_foreign

JOINERS = ("comma", "and", "dash")
MAX_UNREAD = 4  # unread words (a body's name) that may end a chain of titles before a comma and the next title


@dataclass(frozen=True)
class Chain:
    start: int  # index of the first and one past the last title mention
    end: int
    titles: tuple[Title, ...]


def _chains(mentions: list[Mention]) -> list[Chain]:
    """Runs of titles joined by commas, `và` or nothing."""
    chains, i = [], 0
    while i < len(mentions):
        if mentions[i].kind != "title":
            i += 1
            continue
        j, titles = i, []
        while j < len(mentions) and mentions[j].kind == "title":
            titles.append(mentions[j].value)
            k = j + 1
            while k < len(mentions) and mentions[k].kind in JOINERS:
                k += 1
            if k < len(mentions) and mentions[k].kind == "title" and k - j <= 2 and not mentions[k].value.opens_chain \
                    and not mentions[j].value.served \
                    and not _two_holders(mentions[j].value, mentions[k - 1].kind, mentions[k].value):
                j = k  # not `thừa ủy quyền Thủ tướng, Bộ trưởng X`: X's is the second
            else:
                j += 1
                break
        chains.append(Chain(i, j, tuple(_share_bodies(titles))))
        i = j
    return chains


def _two_holders(title: Title, joiner: str, after: Title) -> bool:
    """Joined titles that are two persons': one of a country, `và`, one held in a body of another (or of Việt Nam),
    `Tổng thống Mỹ và Thủ tướng Nguyễn Xuân Phúc`; a post one person holds (data/cue_words.tsv `sole`) in two bodies
    joined by `và`, `Bộ trưởng Bộ Văn hóa và Bộ trưởng Bộ Y tế`; or by anything, when the two are local bodies of one
    kind in two places, `Chủ tịch HĐND tỉnh Xiêng Khoảng, Chủ tịch HĐND tỉnh Thanh Hóa X` (not two ministries:
    `Bộ trưởng Quốc phòng kiêm Bộ trưởng Tài chính X`)."""
    if after.org is None or title.org is None or (title.role.role != after.role.role and joiner != "and"):
        return False
    if joiner == "and" and title.country is not None:
        return after.country != title.country
    if title.role.role != after.role.role or fold(title.org) == fold(after.org):
        return False
    if joiner == "and" and title.role.role.lower() in lexicon().cues["sole"]:
        return True
    one, other = title.body, after.body
    return one is not None and other is not None and one.head == other.head and one.head.local


def _share_bodies(titles: list[Title]) -> list[Title]:
    """`Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`: a title without a body takes the body the next one names
    (not a fixed one: `Bộ trưởng, đại biểu X (TP.HCM)` is no minister of Quốc hội)."""
    shared = list(titles)
    for i in range(len(shared) - 2, -1, -1):
        lent = shared[i + 1]
        if shared[i].org is None and lent.org is not None and lent.org != lent.role.org and not shared[i].role.org:
            shared[i] = held_in(shared[i], lent.org, lent.body)
    return shared


def _skip(mentions: list[Mention], i: int, kinds: tuple[str, ...], step: int) -> int:
    while 0 <= i < len(mentions) and mentions[i].kind in kinds:
        i += step
    return i


def _colon_after(mentions: list[Mention], i: int) -> int | None:
    """The colon that opens a list after a group's titles: `…:`, `…, gồm:`, `… là:`."""
    j = _skip(mentions, i, ("honorific", "comma", "introducer"), 1)
    return j if j < len(mentions) and mentions[j].kind == "colon" else None


def _list_after_colon(mentions: list[Mention], i: int) -> list[Mention]:
    """The names listed after a colon at mentions[i], each with its own titles skipped over. A list that starts
    with a bare name ends where a semicolon opens a titled item: `nguyên Chủ tịch Quốc hội: A, B; Thủ tướng C`."""
    names = []
    j = i + 1
    bare = _kind_at(mentions, _skip(mentions, j, ("honorific",), 1)) == "name"
    while j < len(mentions) and mentions[j].kind in ("name", "title", "comma", "and", "semicolon", "honorific"):
        if mentions[j].kind == "name":
            names.append(mentions[j])
        elif mentions[j].kind == "semicolon" and bare \
                and _kind_at(mentions, _skip(mentions, j + 1, ("honorific",), 1)) == "title":
            break
        j += 1
    return names


def _kind_at(mentions: list[Mention], i: int) -> str | None:
    return mentions[i].kind if 0 <= i < len(mentions) else None


def attach_titles(mentions: list[Mention], countries: dict[str, set[str]] | None = None) -> list[tuple[Mention, Title]]:
    """Pair each title with the name it belongs to; titles with no named holder are dropped. `countries`: the
    countries the article has named with each role (`Tổng thống Thổ Nhĩ Kỳ`), for a foreign holder's bare title."""
    pairs: list[tuple[Mention, Title]] = []
    for chain in _chains(mentions):
        if any(title.served for title in chain.titles):
            continue
        after = _skip(mentions, _past_parent(mentions, chain), ("honorific",), 1)
        after_comma = _skip(mentions, chain.end, ("comma", "dash", "copula", "honorific"), 1)  # `Title – ông X`,
        # `Title là ông X`
        before = _skip(mentions, chain.start - 1, ("comma", "dash", "link"), -1)
        preceded_by_name = before >= 0 and mentions[before].kind == "name"
        named_after = after < len(mentions) and mentions[after].kind == "name"
        split = named_after and len(chain.titles) > 1 and mentions[chain.start - 1].kind == "comma"
        if split and ((preceded_by_name and _kind_at(mentions, before - 1) == "title") or _after_cut_chain(mentions, chain)):
            pairs.extend(_held(mentions[after], _unshared(mentions, chain), countries))
            continue
        if split and preceded_by_name:  # `ông A, Chủ tịch X, Thứ trưởng B`: two holders
            pairs.extend(_held(mentions[before], chain.titles[:-1], countries))
            pairs.extend(_held(mentions[after], chain.titles[-1:], countries))
            continue
        titles = chain.titles
        if named_after:
            holders, titles = [mentions[after]], titles if preceded_by_name else _past_audience(titles)
        elif (not preceded_by_name and after_comma < len(mentions) and mentions[after_comma].kind == "name"
              and mentions[after_comma - 1].kind == "honorific"):
            holders, titles = [mentions[after_comma]], _past_audience(titles)
        elif (colon := _colon_after(mentions, chain.end)) is not None:
            holders = _list_after_colon(mentions, colon)
        elif preceded_by_name and not _new_subject(mentions, before, chain) \
                and not _another_place(mentions, before, chain):
            holders = [mentions[before]]
        else:
            holders = []
        for holder in holders:
            pairs.extend(_held(holder, titles, countries))
    return pairs


def _past_audience(titles: tuple[Title, ...]) -> tuple[Title, ...]:
    """`Báo cáo gửi các đại biểu Quốc hội, Bộ trưởng Bộ Công Thương X cho biết`: a seat the text also gives those
    present or addressed (data/cue_words.tsv `audience`), first in a chain no name stands before, is theirs, not the
    holder's named after the titles that follow it."""
    audience = lexicon().cues["audience"]
    k = 0
    while k < len(titles) - 1 and titles[k].role.role.lower() in audience:
        k += 1
    return titles[k:]


def _unshared(mentions: list[Mention], chain: Chain) -> tuple[Title, ...]:
    """The titles of a chain between two holders that the second surely holds: the last, those naming no body of
    their own (`Chủ tịch nước A, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao B`) and, before a title of Việt Nam, seats
    (`…, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội B`). Another title may be the first holder's or an unnamed
    third's (`Thủ tướng Lào A, Phó Tổng thống Indonesia, Phó Thủ tướng Thái Lan, Thủ tướng Singapore B`)."""
    written = [m.value for m in mentions[chain.start:chain.end] if m.kind == "title"]
    seats = lexicon().cues["seat"] if written[-1].country is None else frozenset()
    return tuple(t for k, (t, w) in enumerate(zip(chain.titles, written)) if k == len(written) - 1
                 or (w.body is None and w.country is None) or w.role.role.lower() in seats)


def _after_cut_chain(mentions: list[Mention], chain: Chain) -> bool:
    """`Đại tướng A, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng, Thủ tướng B`: a
    chain after a comma and a few unread words that end a holder's chain of titles goes on with that chain."""
    k = _skip(mentions, chain.start - 2, ("other",), -1)
    if _kind_at(mentions, chain.start - 1) != "comma" or not 0 < chain.start - 2 - k <= MAX_UNREAD \
            or _kind_at(mentions, k) != "title":
        return False
    return _kind_at(mentions, _skip(mentions, k, ("title", "comma", "and", "dash", "other"), -1)) == "name"


def _new_subject(mentions: list[Mention], before: int, chain: Chain) -> bool:
    """`… với Thứ trưởng X, Phó Thủ tướng cho biết …`: a lone title after a titled name and a comma and before the
    words of a new clause is its subject, another person, not an apposition to X, when it names no body, or when it
    is another state's or another national body's head (`hội kiến với Chủ tịch nước X, Thủ tướng Belarus khẳng
    định`, `của Phó Thủ tướng X, Chủ tịch Quốc hội cho rằng`)."""
    if len(chain.titles) != 1 or _kind_at(mentions, before - 1) != "title" or mentions[chain.start - 1].kind != "comma" \
            or _kind_at(mentions, chain.end) != "other":
        return False
    title = chain.titles[0]
    return (title.body is None and title.country is None) or _another_head(mentions[before - 1].value, title)


def _another_place(mentions: list[Mention], before: int, chain: Chain) -> bool:
    """`Chủ tịch HĐND tỉnh Thanh Hóa X, Chủ tịch HĐND tỉnh Chămpaxắc …`: after a name titled in a local body, the
    same title in another place's body is the next person's in a list."""
    return _kind_at(mentions, before - 1) == "title" \
        and _two_holders(mentions[before - 1].value, "comma", chain.titles[0])


def _another_head(own: Title, title: Title) -> bool:
    """Whether `title` is a post one person holds (data/cue_words.tsv `sole`) that the holder of `own`, a post (not a
    `seat`) in another body, cannot also hold: in another country, or of a national body (`Chủ tịch Quốc hội`)."""
    cues = lexicon().cues
    if title.role.role.lower() not in cues["sole"] or own.role.role.lower() in cues["seat"] \
            or fold(title.org or "") == fold(own.org or ""):
        return False
    if title.country is not None:
        return title.country != own.country
    body = title.body  # `Chủ tịch Quốc hội`: a body every state has one of, whose head alone names it
    return bool(title.role.org) or (body is not None and body.head.complete and body.head.kind in NATIONAL_KINDS)


def _past_parent(mentions: list[Mention], chain: Chain) -> int:
    """`Cục trưởng Cục X, Thanh tra Chính phủ Nguyễn Văn A`: a title held in a body, then a comma and the body
    that body is part of, before the holder (`…, Bộ Tư pháp, ông X`): where the holder's name or its form of address starts."""
    k = chain.end
    if chain.titles[-1].org is None or k + 2 >= len(mentions) or mentions[k].kind != "comma" \
            or mentions[k + 1].kind != "body":
        return k
    j = _skip(mentions, k + 2, ("comma", "dash"), 1)  # `…, Bộ Tư pháp, ông X`
    named = j < len(mentions) and (mentions[j].kind == "honorific" or (mentions[j].kind == "name" and j == k + 2))
    return j if named else k


def _held(holder: Mention, titles: tuple[Title, ...], countries: dict[str, set[str]] | None) -> list[tuple[Mention, Title]]:
    return [(holder, held) for title in titles if (held := _held_by(holder.value.name, title, countries or {}))]


def _held_by(name: str, title: Title, countries: dict[str, set[str]]) -> Title | None:
    """A title with no country, read for its holder: `Tổng thống Donald Trump` in the country the corpus
    gives him; a foreign name's bare title in the one country the article names with that role
    (`Tổng thống Thổ Nhĩ Kỳ …, Tổng thống T.Éc-đô-gan`) or with a role of the same body (`Thủ tướng Lào …;
    X, Phó Thủ tướng`), a party title in the one one-party state it names; `Thủ tướng Netanyahu` is not a
    Vietnamese body's."""
    role = title.role
    if title.country is not None or role.head or not (role.org or role.foreign) or title.org != (role.org or None):
        return title
    foreign = any(map(looks_foreign, name.split()))
    named = countries.get(role.role) or countries.get(role.org) or (
        {c for named in countries.values() for c in named if ruling_party(c)} if role.org.endswith(" Đảng") else set())
    if country := known_country(name) or (next(iter(named)) if foreign and len(named) == 1 else None):
        return with_country(title, country)
    return None if role.org and (foreign or role.foreign) else title  # `Ngoại trưởng` is never Vietnam's


def most_specific(positions: list[Position]) -> list[Position]:
    """Drop a position whose body another of the same role extends (`Chính phủ` beside `Chính phủ Singapore`,
    `Ban Pháp chế HĐND thành phố` beside `… thành phố Hà Nội`): the article named the longer one."""
    def extended(p: Position) -> bool:
        return any(q is not p and fold(q.role) == fold(p.role) and fold(q.org).startswith(fold(p.org) + " ")
                   for q in positions)
    return [p for p in positions if not extended(p)]
