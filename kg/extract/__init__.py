"""Extraction: an article's text in, an `Extraction` record out.

The stages, each a module: `text` (sentences, tokens), `names`, `bodies`,
`mentions` and `positions` (titles and who holds them), `places` (implied places),
`dates`, `events` and `documents`. Every list they use is a data file (`kg.gazetteer`).
"""
from __future__ import annotations

from kg.extract.assemble import extract

__all__ = ["extract"]
