"""Which body each body is part of (`org:subOrganizationOf`), from its name and the gazetteers.

Three rules, in order: the table of central bodies (`data/central_bodies.tsv`); a body
named inside another's name (`Ban Thường vụ Tỉnh ủy X` ⊂ `Tỉnh ủy X`); and the
patterns of `data/parent_rules.tsv` (`Sở … tỉnh X` ⊂ `Ủy ban nhân dân tỉnh X`,
ministries ⊂ `Chính phủ`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import gazetteer
from kg.extract.lexicon import lexicon
from kg.extract.text import tokenize
from kg.gazetteer import BodyHead
from kg.normalize import clean, fold


PARTY = "party"  # the kind of the party's bodies (data/bodies.tsv)


@lru_cache(maxsize=1)
def _joins() -> frozenset[str]:
    """`và` (data/cue_words.tsv `and`) and `&`, folded: words that join the fields of one name."""
    return frozenset({*map(fold, lexicon().cues["and"]), "&"})


def _key(name: str) -> str:
    """`Bộ Kế hoạch - Đầu tư`, `Bộ Kế hoạch & Đầu tư` and `Bộ Kế hoạch và Đầu tư` give one key."""
    return " ".join(word for word in fold(name).split() if word not in _joins())


@lru_cache(maxsize=1)
def _central() -> dict[str, tuple[str, str, str]]:
    """Key → (canonical name, parent, kind) of every central body."""
    return {_key(name): (clean(name), clean(parent), kind)
            for name, kind, parent in gazetteer.triples("central_bodies.tsv")}


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(pattern), parent) for pattern, parent in gazetteer.pairs("parent_rules.tsv"))


def central_name(name: str) -> str | None:
    """The canonical name of a central body, if `name` is one."""
    entry = _central().get(_key(name))
    return entry[0] if entry else None


def _established(inner: str, head: BodyHead, whole: bool) -> bool:
    """Whether a body named inside another is one: a complete name ending the outer one, a
    committee or office that takes a place, a central body, or a name that says where it is."""
    from kg.extract.places import names_place
    if head.complete:
        return whole
    return head.placed or central_name(inner) is not None or names_place(inner, lexicon())


def _named_inside(name: str) -> str | None:
    """The first body named in `name` after its head noun: `Thanh tra Sở Y tế tỉnh X` → `Sở Y tế tỉnh X`,
    `Phòng Cảnh sát giao thông Công an tỉnh X` → `Công an tỉnh X`.

    Words right after a head are often its field (`Cục Cảnh sát giao thông`), so a body named
    inside must be one of its own (`_established`, `_field_of`).
    """
    lex = lexicon()
    tokens = tokenize(name)
    outer = lex.body_heads.match(tokens, 0, capitalised=True)
    field = False  # within words that name the outer body's field (`Cảnh sát Phòng cháy chữa cháy`)
    for i in range(outer[0] if outer else 1, len(tokens)):
        if not tokens[i].is_capitalised or tokens[i - 1].text in lex.cues["and"] or tokens[i - 1].text == ",":
            continue
        head = lex.body_heads.match(tokens, i, capitalised=True)
        inner = name[tokens[i].start:]
        if head and lex.not_bodies.match(tokens, i) is None and fold(inner) != fold(name) \
                and _established(inner, head[2], head[0] == len(tokens)):
            if not (outer and (field or i == outer[0]) and _field_of(outer[2], head[2], inner)):
                return inner
            field = True
    return None


def _field_of(outer: BodyHead, head: BodyHead, inner: str) -> bool:
    """Whether a body named right after another's head is that body's field, not a body it is part of:
    `Phòng Cảnh sát giao thông …`, `Học viện Ngân hàng …`, `Cảnh sát Phòng cháy chữa cháy …` (a head that is
    neither local nor complete names a kind of body or a sector, not one unit). An organ of the body that follows
    (a party committee, an office: `Ban Thường vụ Đảng ủy Khối`, `Văn phòng Ban An toàn giao thông`) is part of it."""
    return not (head.local or head.complete or central_name(inner)) \
        and outer.kind != PARTY and outer.head not in office_heads()


@lru_cache(maxsize=1)
def office_heads() -> frozenset[str]:
    """The offices inside bodies (`Văn phòng`, `Thanh tra`, `Đảng ủy`), from the role words that hold them."""
    return frozenset(role.head for role in gazetteer.roles() if role.office)


def _foreign_parent(name: str) -> str | None:
    """`Bộ Ngoại giao Mỹ` ⊂ `Chính phủ Mỹ`: a foreign ministry sits in its own country's government
    (the parent of its Vietnamese namesake, with the country)."""
    lex = lexicon()
    tokens = tokenize(name)
    for i in range(1, len(tokens)):
        country = lex.countries.match(tokens, i, capitalised=True)
        if country and country[0] == len(tokens):
            domestic = _central().get(_key(name[:tokens[i].start]))
            written = name[tokens[i].start:]
            return f"{domestic[1]} {written}" if domestic and domestic[2] == "ministry" else None
    return None


def is_foreign(name: str) -> bool:
    """Whether a body's name ends in a foreign country (`Quốc hội Mỹ`)."""
    from kg.extract.places import foreign_country
    tokens = tokenize(name)
    return any(foreign_country(tokens[i:], lexicon()) == name[tokens[i].start:] for i in range(1, len(tokens)))


def parent_of(name: str) -> str | None:
    """The body that `name` is part of, or None when nothing says. A foreign body is never part of a
    Vietnamese one."""
    entry = _central().get(_key(name))
    if entry:
        return entry[1] or None
    if is_foreign(name):
        return _foreign_parent(name)
    inner = _named_inside(name)
    if inner:
        return central_name(inner) or _qualified(inner)
    for pattern, template in _rules():
        m = pattern.match(name)
        if m and ("place" not in m.groupdict() or _is_province(m["place"])):
            return template.format(**m.groupdict())
    return None


def _qualified(name: str) -> str:
    """A parent named with a bare province as its own name writes it: `Công an An Giang` → `Công an tỉnh An Giang`."""
    from kg.extract.places import province_qualified
    lex = lexicon()
    tokens = tokenize(name)
    head = lex.body_heads.match(tokens, 0, capitalised=True)
    return (head and head[2].local and province_qualified(name, lex)) or name


def _is_province(place: str) -> bool:
    """`tỉnh Bình Định`, `Thành phố Hồ Chí Minh`: a Vietnamese province, not a foreign one of the same kind
    (`tỉnh Sơn Đông` has no Ủy ban nhân dân)."""
    lex = lexicon()
    tokens = tokenize(place)
    admin = lex.admin_words.match(tokens, 0)
    province = lex.provinces.match(tokens, admin[0] if admin else 0, capitalised=True)
    return province is not None and province[0] == len(tokens)
