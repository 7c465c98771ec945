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
from kg.normalize import clean, fold


@lru_cache(maxsize=1)
def _central() -> dict[str, tuple[str, str]]:
    """Folded name → (canonical name, parent) of every central body."""
    return {fold(name): (clean(name), clean(parent)) for name, _, parent in gazetteer.triples("central_bodies.tsv")}


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(pattern), parent) for pattern, parent in gazetteer.pairs("parent_rules.tsv"))


def central_name(name: str) -> str | None:
    """The canonical name of a central body, if `name` is one."""
    entry = _central().get(fold(name))
    return entry[0] if entry else None


def _named_inside(name: str) -> str | None:
    """The longest body named at the end of `name`, after a first word: `… Thành ủy Đà Nẵng`."""
    lex = lexicon()
    tokens = tokenize(name)
    outer = lex.body_heads.match(tokens, 0, capitalised=True)
    for i in range(outer[0] if outer else 1, len(tokens)):
        if not tokens[i].is_capitalised or tokens[i - 1].text in ("và", ","):
            continue
        head = lex.body_heads.match(tokens, i, capitalised=True)
        if head and (head[0] == len(tokens) if head[2].complete else head[0] < len(tokens) or head[2].local):
            inner = name[tokens[i].start:]
            if lex.not_bodies.match(tokens, i) is None and fold(inner) != fold(name):
                return inner
    return None


def parent_of(name: str) -> str | None:
    """The body that `name` is part of, or None when nothing says."""
    entry = _central().get(fold(name))
    if entry:
        return entry[1] or None
    inner = _named_inside(name)
    if inner:
        return central_name(inner) or inner
    for pattern, template in _rules():
        m = pattern.match(name)
        if m:
            return template.format(**m.groupdict())
    return None
