"""Stage 2, resolve: one deterministic pass over every mention of the name blocks that changed.

`kg.resolve.resolve_persons` is blockable (the nodes of a name block, the name without diacritics,
depend only on the articles that mention it), so adding articles resolves again only the blocks they touch, and only the
articles whose persons resolve differently are loaded again.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

from kg.extract.lexicon import rare_collections
from kg.ingest.state import IngestState
from kg.records import Extraction
from kg.resolve import PersonResolution, block_key, resolve_persons


def person_keys(extraction: Extraction) -> list[str]:
    """The blocks an article belongs to: the names of its persons without diacritics."""
    return sorted({block_key(p.name) for p in extraction.persons})


def _essence(r: PersonResolution) -> tuple:
    """What of a resolution goes into the graph: the node, and the evidence that joined the mention to it."""
    return str(r.iri), r.key, r.context, r.reason, r.score, r.features


def _by_article(resolutions: dict[tuple[str, str], PersonResolution], keys: set[str]) -> dict[str, dict]:
    grouped: dict[str, dict] = defaultdict(dict)
    for (article, name), r in resolutions.items():
        if block_key(name) in keys:
            grouped[article][name] = _essence(r)
    return grouped


Ready = Callable[[list[str], dict[tuple[str, str], PersonResolution]], None]  # articles resolved, resolutions so far
TURN = 2000  # articles whose blocks `_in_turn` resolves at a time


def _in_turn(block: list[Extraction], wanted: set[str], ready: Ready) -> dict[tuple[str, str], PersonResolution]:
    """`resolve_persons(block, wanted)`, TURN articles at a time: the wanted blocks of the next articles not
    resolved yet, with every article that mentions them; `ready` is told after each turn (the same
    resolutions: a block's depend only on the articles that mention it)."""
    keys_of = {e.article.id: [k for k in person_keys(e) if k in wanted] for e in block}
    mentioning: dict[str, list[Extraction]] = defaultdict(list)
    for e in block:
        for key in keys_of[e.article.id]:
            mentioning[key].append(e)
    resolved, done = {}, set()
    for start in range(0, len(block), TURN):
        turn = [e.article.id for e in block[start:start + TURN]]
        keys = {k for a in turn for k in keys_of[a]} - done
        members = {e.article.id: e for k in keys for e in mentioning[k]}
        resolved.update(resolve_persons(members.values(), keys))
        done |= keys
        ready(turn, resolved)
    return resolved


def resolve(state: IngestState, extractions: dict[str, Extraction],
            ready: Ready | None = None) -> dict[tuple[str, str], PersonResolution]:
    """Resolve the dirty blocks again, with every stored article that mentions them; the resolutions made.

    The articles whose persons resolve otherwise than before become pending. With `ready` and more than TURN
    articles extracted in this run (a large load), the blocks are resolved a turn of articles at a time, and
    `ready` is told the articles whose persons are all resolved.
    """
    keys = state.dirty_keys()
    if not keys:
        return {}
    members = state.articles_mentioning(keys)
    cached = state.cached(h for a, h in members.items() if a not in extractions)
    block = [extractions.get(a) or cached[h] for a, h in sorted(members.items())]
    wanted = set(keys)
    with rare_collections():  # the collector would walk every extraction held, again and again
        in_turn = ready and len(extractions) > TURN
        resolved = _in_turn(block, wanted, ready) if in_turn else resolve_persons(block, wanted)
    before, after = _by_article(state.resolutions(members), wanted), _by_article(resolved, wanted)
    changed = {a for a in members if before.get(a) != after.get(a)}
    with state.transaction():
        state.save_resolutions(keys, resolved, changed)
    return resolved
