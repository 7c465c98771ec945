"""A sentence read as a row of mentions: names, titles, bodies, honorifics and separators."""
from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count, repeat
from operator import attrgetter
from typing import NamedTuple

from kg import gazetteer
from kg.extract.bodies import BodyMention, find_body, name_end, place_tail, starts_person
from kg.extract.known import find_known_name
from kg.extract.lexicon import Lexicon, cue_before, place_at
from kg.extract.names import MAX_NAME_WORDS, NameMention, find_foreign_name, find_name, is_initial_surname, looks_foreign
from kg.extract.text import Sentence, tokenize
from kg.gazetteer import Role
from kg.hierarchy import central_name
from kg.normalize import fold

STATE = "Nhà nước"  # the fixed body of `Chủ tịch nước`
MAX_FIELD_TAIL = 3  # lower-case words a central body's field may go on past where name_end stopped
SEPARATORS = {",": "comma", ";": "semicolon", ":": "colon", "và": "and", "kiêm": "comma", "-": "dash", "–": "dash",
              "gồm": "introducer", "(": "dash"}


@dataclass(frozen=True)
class Title:
    """A role, with the body it is held in when the text names one."""

    role: Role
    org: str | None
    former: bool
    body: BodyMention | None = None
    country: str | None = None  # `Thủ tướng Israel`: a foreign country's title
    served: bool = False  # `người phát ngôn của Tổng thống Nga X`: the title of the one served, held by no name here
    opens_chain: bool = False  # `của Bộ trưởng Bộ Y tế, ĐB X (Hà Nội)`: a deputy with a province, no title before it
    acting: str = ""  # `Quyền Giám đốc Sở Y tế X`: the cue of a title held ad interim (not the full title), folded


class Mention(NamedTuple):
    """One item of a sentence's row; a named tuple, since one is made for every token read (a frozen dataclass
    costs several times more to make)."""

    kind: str  # name | title | body | place | honorific | link | copula | comma | semicolon | colon | and | dash | other
    start: int
    end: int
    value: NameMention | Title | BodyMention | str | None = None  # a honorific's value is its kind


@lru_cache(maxsize=None)
def _states() -> dict[str, str]:
    return {fold(country): formal for country, formal in gazetteer.pairs("foreign_states.tsv")}


def _foreign_title(sentence: Sentence, i: int, end: int, role: Role, lex: Lexicon, former: bool) -> Mention | None:
    """`Thủ tướng Israel` → Chính phủ Israel; `Tổng thống Mỹ` → the state, by its formal name."""
    tokens = sentence.tokens
    country = lex.countries.match(tokens, end, capitalised=True) if end < len(tokens) else None
    if role.head or country is None:
        return None
    title = with_country(Title(role, role.org or None, former), sentence.span_text(end, country[0]))
    return Mention("title", i, country[0], title) if title.org else None


def with_country(title: Title, country: str) -> Title:
    """The title held in a country: `Thủ tướng` + Israel → Chính phủ Israel; `Tổng thống` + Mỹ → the
    state by its formal name; `Tổng Bí thư` + Lào → the party's central committee (data/ruling_parties.tsv);
    in Việt Nam the domestic body stays."""
    formal = _states().get(fold(country))
    if formal == "home":
        return title
    role = title.role
    party = ruling_party(country) if role.org.endswith(" Đảng") else None
    state = formal if role.org == STATE else None  # `Chủ tịch nước Lào`: a head of state's org is the state
    org = f"{role.org[:-len('Đảng')]}{party}" if party else state or (f"{role.org} {country}" if role.org
                                                                       else formal or country)
    return Title(role, org, title.former, country=country, acting=title.acting)


def ruling_party(country: str) -> str | None:
    """The one party of a one-party state (data/ruling_parties.tsv): `Lào` → `Đảng Nhân dân Cách mạng Lào`."""
    return _parties().get(fold(country))


@lru_cache(maxsize=None)
def _parties() -> dict[str, str]:
    return {fold(country): party for country, party in gazetteer.pairs("ruling_parties.tsv")}


def _title(sentence: Sentence, i: int, lex: Lexicon, former: bool, lower: bool) -> Mention | None:
    tokens = sentence.tokens
    m = lex.roles.match(tokens, i, capitalised=not lower)
    if m is None:
        return None
    end, _, role = m
    if foreign := _foreign_title(sentence, i, end, role, lex, former):
        return foreign
    if role.org:  # `Phó Thủ tướng Thường trực Chính phủ`: the fixed body may be written out
        return Mention("title", i, _after_phrase(tokens, end, role.org), Title(role, role.org, former))
    if role.head and end < len(tokens) and _names_a_field(tokens, end, role, lex) \
            and tokens[end].is_word and not is_initial_surname(tokens[end].text):
        # `Bộ trưởng Tài chính` → `Bộ Tài chính`; `Chánh Thanh tra quận X` → `Thanh tra quận X`
        tail_end = name_end(tokens, end, lex) if tokens[end].is_capitalised else place_tail(tokens, end, lex)
        tail_end = _central_end(sentence, role.head, end, tail_end, lex)
        if tail_end > end and not _a_given_name(tokens, end, tail_end):
            if tail_end < len(tokens) and (country := lex.countries.match(tokens, tail_end, capitalised=True)):
                tail_end = country[0]  # `Bộ trưởng Lao động Philippines` → `Bộ Lao động Philippines`
            org = f"{role.head} {sentence.span_text(end, tail_end)}"
            return Mention("title", i, tail_end, Title(role, org, former, _headed(role, end, tail_end, org)))
    body = find_body(sentence, end, lex, lower_head=True) if end < len(tokens) else None
    if body is None and end + 1 < len(tokens) and tokens[end].folded in lex.cues["of"] and tokens[end + 1].is_capitalised:
        body = find_body(sentence, end + 1, lex)  # `người phát ngôn của Nhà Trắng Sean Spicer`
    if body is None and not role.head and not role.org and not role.foreign:
        body = _brand(sentence, end, lex)  # `Tổng Giám đốc Vietjet Nguyễn Thị Phương Thảo`, `Chủ tịch VCCI`
    if body is None:
        return Mention("title", i, end, Title(role, None, former))
    return Mention("title", i, body.end, held_in(Title(role, None, former), body.name, body))


def _brand(sentence: Sentence, k: int, lex: Lexicon) -> BodyMention | None:
    """A company or association named by one word printed with inner capitals (`VCCI`, `HoREA`, `FLC`,
    `LienVietPostBank`) right after a title: its holder's body, unless it is a place, a body head, a name or a
    Vietnamese body's abbreviation (`VPCP`, `HĐTV`: the initials of a head start it)."""
    tokens = sentence.tokens
    if k >= len(tokens) or not _inner_capitals(tokens[k].text) or tokens[k].text.startswith(_head_initials()) \
            or place_at(tokens, k, lex) \
            or lex.body_heads.match(tokens, k, capitalised=True) or is_initial_surname(tokens[k].text):
        return None
    return BodyMention(k, k + 1, tokens[k].text, gazetteer.BodyHead(tokens[k].text, "company", True, False))


@lru_cache(maxsize=None)
def _head_initials() -> tuple[str, ...]:
    """`VP`, `HĐ`, `LĐ`, `UB`: the initials of body heads of two words or more (data/bodies.tsv)."""
    initials = {"".join(w[0] for w in head.head.split()).upper() for head in gazetteer.body_heads()
                if len(head.head.split()) > 1}
    return tuple(initials | {_plain(i) for i in initials})  # `UBNDTP`: initials printed without marks


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _branded(title: Title) -> bool:
    """`Chủ tịch FIFA …`: a title held in a body named by one brand-like word (what `_brand` reads)."""
    return title.body is not None and title.body.name == title.body.head.head and _inner_capitals(title.body.name)


def _inner_capitals(word: str) -> bool:
    return len(word) > 2 and word[0].isupper() and any(c.isupper() for c in word[1:]) and word.isalnum()


def _central_end(sentence: Sentence, head: str, start: int, end: int, lex: Lexicon) -> int:
    """Where a field after a minister's title ends when head + field name a central body: `Bộ trưởng Giao
    thông vận tải X` (not cut at `vận`), `Bộ trưởng Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường`
    (not run on into the name); else `end`."""
    tokens = sentence.tokens
    longest = end
    while longest < min(end + MAX_FIELD_TAIL, len(tokens)) and tokens[longest].is_word \
            and not tokens[longest].is_capitalised:
        longest += 1
    k = next((k for k in range(longest, start, -1) if central_name(f"{head} {sentence.span_text(start, k)}")), end)
    return k if k >= end or starts_person(tokens, k, lex) else end  # not `Bộ trưởng Tài chính Liên bang Đức`


def held_in(title: Title, org: str, body: BodyMention | None) -> Title:
    """A title held in a body; an office's title in the office inside it (`Chánh Văn phòng` + `Sở Y tế` →
    `Văn phòng Sở Y tế`, also where a later title lends the body: `Chánh Văn phòng, Người phát ngôn Sở Y tế`)."""
    role = title.role
    if role.office and not fold(org).startswith(fold(role.head)):
        org = f"{role.head} {org}"
        body = _headed(role, body.start, body.end, org) if body else None
    return Title(role, org, title.former, body, title.country, acting=title.acting)


def _a_given_name(tokens, start: int, end: int) -> bool:
    """`Thứ trưởng Ái`, `Bộ trưởng Mattis`: one capitalised word after a title is its holder's name; a field
    takes two syllables or more (`Bộ trưởng Y tế`) or is an abbreviation (`Bộ trưởng GTVT`)."""
    return end - start == 1 and tokens[start].is_capitalised and not tokens[start].text.isupper()


def _names_a_field(tokens, end: int, role: Role, lex: Lexicon) -> bool:
    """Whether the words after a role with a head noun name its body's field, not a body of their own:
    `Bộ trưởng Tài chính`, and `Bộ trưởng Công an` or `Phó Ban Tổ chức` where the body head after the
    role is of another kind than the role's (a ministry's field, never `Công an tỉnh X`). A body of the
    role's own kind or head stands for itself (`Hiệu trưởng Đại học X`, `Viện trưởng VKSND`), as do offices."""
    after = lex.body_heads.match(tokens, end, capitalised=False)
    if after is None:
        return True
    own = _body_heads().get(fold(role.head))
    return not role.office and own is not None and after[2].kind != own.kind \
        and not fold(after[2].head).startswith(fold(role.head))


def _headed(role: Role, start: int, end: int, org: str) -> BodyMention | None:
    """The body a role's head noun makes of the words after it (`Bộ trưởng Tài chính` → `Bộ Tài chính`)."""
    head = _body_heads().get(fold(role.head))
    return BodyMention(start, end, org, head) if head else None


@lru_cache(maxsize=None)
def _body_heads() -> dict[str, gazetteer.BodyHead]:
    return {fold(head.head): head for head in gazetteer.body_heads()}


def _after_phrase(tokens, i: int, phrase: str) -> int:
    """The index after `phrase` if the tokens at i spell it, else i."""
    words = [t.folded for t in tokenize(phrase)]
    found = [t.folded for t in tokens[i:i + len(words)]]
    return i + len(words) if found == words else i


def _lower_title_of_name(sentence: Sentence, i: int, lex: Lexicon) -> Mention | None:
    """`… cho biết đại biểu Quốc hội Nguyễn Văn A`, `gặp phó Tổng thống Mike Pence`: a title in lower case
    inside a clause is one where a name follows it directly."""
    mention = _title(sentence, i, lex, False, lower=True)
    if mention is None or mention.end >= len(sentence.tokens) or not sentence.tokens[mention.end].is_capitalised:
        return None
    k = mention.end
    named = find_name(sentence, k, lex) or find_known_name(sentence, k, lex) or (
        looks_foreign(sentence.tokens[k].text) and find_foreign_name(sentence, k, lex))
    return mention if named else None


def _deputy(sentence: Sentence, i: int, lex: Lexicon, former: bool) -> Mention | None:
    """`đại biểu Trần Hoàng Ngân (TP.HCM)`, `ĐB X (đoàn Nghệ An)`: a deputy (data/cue_words.tsv, `deputy`) named
    with the province that elected them is a deputy of the National Assembly."""
    tokens = sentence.tokens
    cue = _cue_end(tokens, i, lex.cues["deputy"])
    if not cue or cue >= len(tokens) or (name := find_name(sentence, cue, lex)) is None:
        return None
    k = name.end
    if k >= len(tokens) or tokens[k].text != "(":
        return None
    k += 1
    while k < len(tokens) and tokens[k].folded in lex.cues["deputy-filler"] and not lex.provinces.match(tokens, k, capitalised=True):
        k += 1
    province = lex.provinces.match(tokens, k, capitalised=True) if k < len(tokens) else None
    if province is None or province[0] >= len(tokens) or tokens[province[0]].text != ")":
        return None
    deputy = _deputy_role(lex)
    return Mention("title", i, cue, Title(deputy, deputy.org, former, opens_chain=True)) if deputy else None


@lru_cache(maxsize=None)
def _deputy_role(lex: Lexicon) -> Role | None:
    """The title of a deputy named with a province (data/cue_words.tsv, `deputy-role`), looked up once."""
    roles = [m[2] for phrase in sorted(lex.cues["deputy-role"]) if (m := lex.roles.match(tokenize(phrase), 0))]
    return roles[0] if roles else None


def _serves(tokens, i: int, lex: Lexicon) -> bool:
    """`người phát ngôn của …`, `Thư ký báo chí Tổng thống Nga …`: the title at tokens[i] names whom an aide
    serves (data/cue_words.tsv: `aide`, then maybe `of`)."""
    end = i - 1 if i > 0 and tokens[i - 1].folded in lex.cues["of"] else i
    return cue_before(tokens, end, lex.cues["aide"], 4)


@lru_cache(maxsize=None)
def _phrases(cues: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cue phrases by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted((tuple(c.split()) for c in cues), key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


@lru_cache(maxsize=None)
def _role_starts() -> frozenset[str]:
    """The first words of role surfaces, in lower case."""
    return frozenset(tokenize(role.surface)[0].folded for role in gazetteer.roles())


def _cue_end(tokens, i: int, cues: frozenset[str]) -> int:
    """The index after the longest cue phrase at tokens[i], or 0 if none starts there."""
    for words in _phrases(cues).get(tokens[i].folded, ()):
        if tuple(t.folded for t in tokens[i:i + len(words)]) == words:
            return i + len(words)
    return 0


def _ended(found: list[Mention]) -> list[Mention]:
    """The mentions with the titles after the last name marked former."""
    last_name = max((k for k, m in enumerate(found) if m.kind == "name"), default=-1)
    return [m._replace(value=replace(m.value, former=True)) if k > last_name and m.kind == "title" else m
            for k, m in enumerate(found)]


def _short_aside(tokens, i: int, longest: int = 8) -> int | None:
    """The index after the `)` closing a short bracketed aside opened at tokens[i], if there is one."""
    for k in range(i + 1, min(i + longest + 2, len(tokens))):
        if tokens[k].text == ")":
            return k + 1
    return None


def _introduces_a_name(found: list[Mention], tokens, i: int, lex: Lexicon) -> bool:
    """`ông …`, `Hoàng hậu …`, `Thủ tướng Israel …`, `Bộ trưởng Tài chính Đức V.Soi-blơ`: what may come
    before a name of any origin (after a domestic title, only a word no Vietnamese syllable spells)."""
    last = found[-1] if found else None
    skipped = last is not None and len(found) > 1 and (
        last.kind == "place" or (last.kind == "other" and tokens[last.start].text.isupper()))
    if skipped:
        last = found[-2]  # `Giám đốc FBI James Comey`: the word between names the body
    if last is None:
        return False
    if last.kind == "title":
        title, word = last.value, tokens[i].text
        return title.role.foreign or title.country is not None or is_initial_surname(word) or (
            looks_foreign(word) and (skipped or bool(title.role.org) or _ends_in_country(tokens, last.end, lex)
                                     or _branded(title)))
    return last.kind == "honorific" and last.value == "address"


def _ends_in_country(tokens, end: int, lex: Lexicon) -> bool:
    """`Bộ trưởng Thương mại Mỹ …`: a title whose body ends in a country is a foreign official's."""
    return any(lex.countries.ending_at(tokens, end, 3, capitalised=True))


def _titled_foreign_name(sentence: Sentence, i: int, lex: Lexicon, role_commas: list[int]) -> NameMention | None:
    """`Douglas Paal, Phó Chủ tịch …`: foreign words that a title follows after a comma or a dash (`role_commas`:
    the commas and dashes a role follows; a name ends within MAX_NAME_WORDS of its start)."""
    tokens = sentence.tokens
    if not any(i < k <= i + MAX_NAME_WORDS for k in role_commas) or not looks_foreign(tokens[i].text) \
            or (name := find_foreign_name(sentence, i, lex)) is None:
        return None
    k = name.end
    titled = k + 1 < len(tokens) and tokens[k].text in ",-–" and lex.roles.match(tokens, k + 1, capitalised=True)
    return name if titled and name.end - name.start > 1 else None


def _inside_a_name(tokens, i: int, lex: Lexicon) -> bool:
    """`quận Hai Bà Trưng`: a capitalised honorific after a capitalised word is part of a name,
    unless a Vietnamese name follows it (`… HĐND Ông Đoàn Văn B`)."""
    return i > 0 and tokens[i].is_capitalised and tokens[i - 1].is_capitalised and tokens[i - 1].is_word \
        and not (i + 1 < len(tokens) and starts_person(tokens, i + 1, lex))


_folded, _capitalised = attrgetter("folded"), attrgetter("is_capitalised")
_new = tuple.__new__  # a mention made without NamedTuple's keyword-handling constructor: several times faster


def _separator(kind: str, i: int) -> Mention:
    """The one-token mention of a separator or any other word."""
    return _new(Mention, (kind, i, i + 1, None))


@lru_cache(maxsize=None)
def _opening_words(*cues: frozenset[str]) -> frozenset[str]:
    """The first words of these cue phrases, and `(` (an aside): where a lower-case token may open an item
    that no phrase matcher's table shows."""
    return frozenset(c.split()[0] for kind in cues for c in kind) | {"("}


def read_mentions(sentence: Sentence, lex: Lexicon) -> list[Mention]:
    """Scan a sentence left to right, longest item first at each token."""
    tokens, found, i = sentence.tokens, [], 0
    former, acting = False, ""  # `acting`: the cue read before the next title
    ends_titles, opens_titles = _phrases(lex.cues["former"]), _phrases(lex.cues["now"])
    deputies, counterparts = _phrases(lex.cues["deputy"]), _phrases(lex.cues["counterpart"])
    roles_at, honorifics_at = lex.roles.starting(tokens), lex.honorifics.starting(tokens)  # may start there
    opening = _opening_words(lex.cues["former"], lex.cues["now"], lex.cues["deputy"], lex.cues["counterpart"],
                             lex.cues["copula"], lex.cues["acting"])
    folded = list(map(_folded, tokens))
    kinds = list(map(SEPARATORS.get, folded, repeat("other")))  # each token's kind as a separator
    # A lower-case token where no role, honorific or title link starts and no cue opens is a separator or
    # `other`: every test below would fail on it (`_lower_title_of_name` and `_link` need a match there too).
    # Only the other tokens are read one by one; each run between them is added at once. Of those, a capitalised
    # token outside `cued_at` goes straight to the tests of places, names and bodies.
    cued_at = roles_at | honorifics_at | lex.title_links.starting(tokens) | set(
        compress(count(), map(opening.__contains__, folded)))
    items_at = cued_at | set(compress(count(), map(_capitalised, tokens)))
    stops = [*sorted(items_at), len(tokens)]
    role_commas = [k - 1 for k in roles_at if k and tokens[k - 1].text in ",-–"]  # `X, Phó Chủ tịch …`
    role_starts = _role_starts()
    while i < len(tokens):
        if i not in items_at:
            end = stops[bisect_left(stops, i)]
            run = kinds[i:end]
            found.extend(map(_new, repeat(Mention), zip(run, range(i, end), range(i + 1, end + 1), repeat(None))))
            if former and run.count("comma") < len(run):
                former = False
            i = end
            continue
        t = tokens[i]
        mention = None
        if i in cued_at:  # else a capitalised word where no role, honorific, title link or cue starts: it may
            # open a place, a name, a body or a foreign name, and no test of this branch can succeed on it
            prev = found[-1].kind if found else None
            if t.text == "(" and (close := _short_aside(tokens, i)) and not lex.roles.match(tokens, i + 1):
                i = close  # `Sở NN-PTNT (NN-PTNT), Tổ trưởng …`: an abbreviation in brackets, not `X (Giám đốc …)`
                continue
            cue = _cue_end(tokens, i, lex.cues["former"]) if t.folded in ends_titles else 0
            if cue and (not t.is_capitalised or (  # `Nguyên Bí thư …`, `thôi giữ chức …`; not `Nguyên` a name
                    cue < len(tokens) and lex.roles.match(tokens, cue))):
                former = True
                i = cue
                continue
            if t.folded in lex.cues["acting"] and _acting(tokens, i, prev, lex):
                acting = t.folded  # `Quyền Giám đốc Sở X`: the title after it is held ad interim
                i += 1
                continue
            now = _cue_end(tokens, i, lex.cues["now"]) if prev == "title" and t.folded in opens_titles else 0
            if now and now < len(tokens) and lex.roles.match(tokens, now, capitalised=False):
                found = _ended(found)  # `Chủ tịch UBND tỉnh nay là Bí thư Tỉnh ủy`: one holder, the first title ended
                found.append(Mention("comma", i, now))
                i = now
                continue
            lower_ok = prev in ("name", "comma", "honorific", "title", "link") or former or acting or (
                i > 0 and (tokens[i - 1].text.isdigit() or tokens[i - 1].folded == "các")) or (  # `3 phó Ban …`
                prev == "dash" and len(found) > 1 and found[-2].kind == "name")  # `ông X - giám đốc Sở Y`
            mention = _title(sentence, i, lex, former, lower=lower_ok) if t.is_word and i in roles_at else None
            if mention is not None and t.is_capitalised and not _holder_before(found) and (board := _board(sentence, i, lex)):
                mention = Mention("body", board.start, board.end, board)
            if mention is None and t.folded in deputies and prev != "title":
                mention = _deputy(sentence, i, lex, former)
            if mention is None and not lower_ok and t.folded in role_starts and t.is_word and not t.is_capitalised:
                mention = _lower_title_of_name(sentence, i, lex)
            if acting and mention is not None and mention.kind == "title":
                mention = mention._replace(value=replace(mention.value, acting=acting))
            if mention is not None and _serves(tokens, i, lex):
                mention = mention._replace(value=replace(mention.value, served=True))
            elif mention is not None and prev in ("comma", "and") and mention.kind == "title" \
                    and _another_holder(found, tokens, mention.value, lex):
                mention = mention._replace(value=replace(mention.value, opens_chain=True))
            if mention is None and prev in ("name", "comma") and (link := _link(tokens, i, found, lex)):
                if link.kind == "comma":  # `Chủ tịch X, đồng thời là Bí thư Y`: one chain of titles
                    found[-1] = link
                    i = link.end
                    continue
                mention = link
            if mention is None and prev == "title" and t.folded in lex.cues["copula"] and lex.honorifics.match(tokens, i + 1) \
                    and not any(w.folded in lex.cues["earlier"] for w in tokens[:i]):  # not `Trước đó, Trưởng đoàn …`
                mention = Mention("copula", i, i + 1)  # `Trưởng đoàn … là ông X`
            if mention is None and t.folded in counterparts:
                mention = _counterpart(sentence, i, found, lex)
            if mention is None and i in honorifics_at and (h := lex.honorifics.match(tokens, i)) \
                    and not _inside_a_name(tokens, i, lex) \
                    and not (t.is_capitalised and place_at(tokens, i, lex)):  # `Bà Rịa-Vũng Tàu`
                mention = Mention("honorific", i, h[0], h[2])
        if mention is None and t.is_capitalised and (place := place_at(tokens, i, lex)):
            mention = Mention("place", i, place)
        if mention is None and t.is_capitalised and (
                name := find_name(sentence, i, lex) or find_known_name(sentence, i, lex)):
            mention = Mention("name", name.start, name.end, name)
        if mention is None and t.is_capitalised and (body := find_body(sentence, i, lex)):
            mention = Mention("body", body.start, body.end, body)
        if mention is None and t.is_capitalised and t.is_word:
            foreign = find_foreign_name(sentence, i, lex) if _introduces_a_name(found, tokens, i, lex) \
                else _titled_foreign_name(sentence, i, lex, role_commas)
            if foreign:
                mention = Mention("name", foreign.start, foreign.end, foreign)
        if mention is None:
            mention = _separator(kinds[i], i)
        if mention.kind != "title" and mention.kind != "comma":
            former = False
        acting = ""
        found.append(mention)
        i = mention.end
    return found


def _another_holder(found: list[Mention], tokens, title: Title, lex: Lexicon) -> bool:
    """Whether `title`, after a comma or `và`, is another person's than the titles before it: a head's and its
    deputy's of one body (`Chủ tịch và Phó Chủ tịch UBND tỉnh X`, `thay mặt Thủ tướng, Phó Thủ tướng X`); or, after
    words for the one met, spoken of or stood in for (data/cue_words.tsv `addressee`: `gặp Tổng Giám đốc WHO, Thủ
    tướng X`, `của Bộ trưởng Bộ Y tế, Chủ tịch Quốc hội X`), titles ending in one with its own body or country, a
    comma, then a title of another body. One person's list stays one: a bare title before (`Tổng Bí thư, Chủ tịch
    Trung Quốc X`), a party title (`Ủy viên Bộ Chính trị, Chủ tịch Quốc hội X`), `kiêm`, a bare title after of the
    same role (`người đồng cấp Nga, Tổng thống X`)."""
    if len(found) < 2 or found[-2].kind != "title":
        return False
    first = found[-2].value
    if first.org in (None, title.org) and _deputy_of(title.role.role, first.role.role, lex):
        return True
    if tokens[found[-1].start].text != ",":
        return False
    k = len(found) - 2
    while k > 0 and found[k - 1].kind in ("title", "comma", "and"):
        k -= 1
    if k == 0 or not cue_before(tokens, found[k].start, lex.cues["addressee"], 2):
        return False
    if (first.body is None and first.country is None) or any(
            m.kind == "title" and m.value.body is not None and m.value.body.head.kind == "party" for m in found[k:]):
        return False
    if title.org is None:  # `Thủ tướng Ấn Độ, Tổng thống Trump`
        return first.country is not None and title.role.role != first.role.role
    return fold(title.org) != fold(first.org or "")


def _acting(tokens, i: int, prev: str | None, lex: Lexicon) -> bool:
    """`Quyền Bộ trưởng Tư pháp Mỹ X`, `ông X, quyền Giám đốc Sở Y`, `là quyền Chủ tịch`: an acting cue
    (data/cue_words.tsv) before a title, at a clause's start, after a name or a form of address, or after an
    addressee or copula word; not `chính quyền Tổng thống X`, `ủy quyền Chủ tịch`, nor `ông Quyền` (a name)."""
    if i + 1 >= len(tokens) or not lex.roles.match(tokens, i + 1):
        return False
    before = tokens[i - 1] if i else None
    return before is None or not before.is_word or prev == "name" \
        or (prev == "honorific" and not tokens[i].is_capitalised) \
        or before.folded in lex.cues["addressee"] or before.folded in lex.cues["copula"]


def _deputy_of(one: str, other: str, lex: Lexicon) -> bool:
    """Whether either role is the other's deputy (`Phó Thủ tướng`, `Thủ tướng`; data/cue_words.tsv `vice`): two
    persons."""
    return any(a.startswith(f"{vice.capitalize()} {b}")
               for vice in lex.cues["vice"] for a, b in ((one, other), (other, one)))


def _counterpart(sentence: Sentence, i: int, found: list[Mention], lex: Lexicon) -> Mention | None:
    """`Tổng thống Mỹ Donald Trump và người đồng cấp Nga Vladimir Putin`: a counterpart (data/cue_words.tsv,
    `counterpart`) holds the title named before it in the country named after it."""
    tokens = sentence.tokens
    end = _cue_end(tokens, i, lex.cues["counterpart"])
    country = lex.countries.match(tokens, end, capitalised=True) if 0 < end < len(tokens) else None
    before = next((m for m in reversed(found) if m.kind == "title"), None)
    if country is None or before is None or before.value.served:
        return None
    name = sentence.span_text(end, country[0])
    title = _in_country(sentence, before, name, lex) if _states().get(fold(name)) != "home" else None
    return Mention("title", i, country[0], title) if title else None


def _in_country(sentence: Sentence, mention: Mention, country: str, lex: Lexicon) -> Title | None:
    """The same title in another country: `Thủ tướng`, `Tổng thống` by their fixed bodies or states; `Bộ trưởng
    Quốc phòng Mỹ` → `Bộ Quốc phòng Canada`; a Vietnamese central body's (`Bộ Quốc phòng`) with the country after it."""
    title, role = mention.value, mention.value.role
    if role.org or (not role.head and role.foreign):
        return with_country(Title(role, role.org or None, False), country)
    if title.org is None:
        return None
    starts = [m[3] for m in lex.countries.ending_at(sentence.tokens, mention.end, 3, mention.start, capitalised=True)]
    own = sentence.span_text(starts[-1], mention.end) if starts else None  # the longest country ending the title
    if own and title.org.endswith(" " + own):
        return Title(role, f"{title.org[:-len(own)]}{country}", False, country=country)
    return Title(role, f"{title.org} {country}", False, country=country) if central_name(title.org) else None


def _link(tokens, i: int, found: list[Mention], lex: Lexicon) -> Mention | None:
    """`ông X còn là Giám đốc …`, `ông X, đồng thời là …` (data/title_links.txt): words that join a name to the title
    after them; after a title and a comma, one comma from the comma to the title (`Chủ tịch X, đồng thời là …`)."""
    link = lex.title_links.match(tokens, i)
    if link is None or link[0] >= len(tokens) or not lex.roles.match(tokens, link[0]):
        return None
    before = found[-2].kind if found[-1].kind == "comma" and len(found) > 1 else found[-1].kind
    if before == "title" and found[-1].kind == "comma":
        return Mention("comma", found[-1].start, link[0])
    return Mention("link", i, link[0]) if before == "name" else None


def _holder_before(found: list[Mention]) -> bool:
    """A title or a name (then commas or dashes) right before: what comes now is a title (`ông Y, Thường trực …`)."""
    for m in reversed(found):
        if m.kind not in ("comma", "dash"):
            return m.kind in ("title", "name", "honorific", "link")
    return False


def _board(sentence: Sentence, i: int, lex: Lexicon) -> BodyMention | None:
    """`Thường trực HĐND tỉnh X đã có công văn`: a role word that begins a longer body head (data/bodies.tsv),
    with no title before it and no name after the body, names the body (a standing board), not a holder."""
    tokens = sentence.tokens
    head, role = lex.body_heads.match(tokens, i, capitalised=True), lex.roles.match(tokens, i, capitalised=True)
    if head is None or role is None or head[0] <= role[0] or (body := find_body(sentence, i, lex)) is None:
        return None
    return None if body.end < len(tokens) and starts_person(tokens, body.end, lex) else body


def _body_of(m: Mention) -> BodyMention | None:
    if m.kind == "body":
        return m.value
    return m.value.body if m.kind == "title" else None


def defined_acronyms(sentence: Sentence, mentions: list[Mention], lex: Lexicon) -> dict[str, BodyMention]:
    """Short names a sentence gives its bodies in brackets: `Ngân hàng TMCP Sài Gòn Thương tín (Sacombank)`,
    `Tập đoàn Dệt may Việt Nam (Vinatex)`; the body runs on to the bracket over up to three words."""
    tokens, found = sentence.tokens, {}
    for m in mentions:
        body = _body_of(m) if m.kind in ("body", "title") else None
        if body is None:
            continue
        k = body.end
        while k < min(body.end + 3, len(tokens)) and tokens[k].is_word:
            k += 1
        if k + 2 < len(tokens) and tokens[k].text == "(" and _closes_short_name(tokens, k + 2, lex) \
                and (short := tokens[k + 1]).is_word and short.is_capitalised and not place_at(tokens, k + 1, lex):
            start, head = _after_board(tokens, body, k, lex)
            found[short.text] = BodyMention(start, k, sentence.span_text(start, k), head)
    return found


def _after_board(tokens, body: BodyMention, end: int, lex: Lexicon) -> tuple[int, gazetteer.BodyHead]:
    """`Hội đồng quản trị Ngân hàng X (Sacombank)`: the short name is the company's, after its board
    (data/cue_words.tsv, `board`); where its head starts, and the head."""
    k = _cue_end(tokens, body.start, lex.cues["board"])
    if body.start < k < end and (m := lex.body_heads.match(tokens, k, capitalised=True)):
        return k, m[2]
    return body.start, body.head


def _closes_short_name(tokens, k: int, lex: Lexicon) -> bool:
    """`(Sacombank)`, `(Sacombank; mã: STB)`, `(Habeco - mã BHN)`: a short name's bracket closes, or goes on to
    the stock code (data/cue_words.tsv, `ticker`)."""
    return tokens[k].text in ");" or (tokens[k].text in ",-–" and k + 1 < len(tokens)
                                       and tokens[k + 1].folded in lex.cues["ticker"])


def with_acronyms(sentence: Sentence, mentions: list[Mention], acronyms: dict[str, BodyMention]) -> list[Mention]:
    """`Chủ tịch Vinatex Trần Quang Nghị`: a title with no body takes the body an acronym after it stands for."""
    if not acronyms:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        defined = acronyms.get(sentence.tokens[m.start].text) if m.kind == "other" else None
        if defined and last is not None and last.kind == "title" and last.value.org is None:
            body = BodyMention(m.start, m.end, defined.name, defined.head)
            out[-1] = Mention("title", last.start, m.end, held_in(last.value, body.name, body))
            continue
        out.append(m)
    return out

