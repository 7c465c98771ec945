"""Precision, recall and F1 of extraction against gold annotations, per facet.

The comparison follows `GUIDELINES.md` ("Scoring") exactly, so that the figures agree
with the shared `score.py`: both sides folded the same way and compared as sets,
micro-averaged over articles.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.normalize import fold_syllable

# The scoring rules' abbreviations, expanded before case folding (GUIDELINES.md, "Scoring").
SCORING_ABBREVIATIONS = [
    (r"\bTP\s*\.?\s*HCM\b|\bTp\s*\.?\s*HCM\b", "thành phố Hồ Chí Minh"),
    (r"\bT\.Ư\b|\bTƯ\b|\bTW\b", "Trung ương"),
    (r"\bTP\b\.?|\bTp\b\.?", "thành phố "),
    (r"\bUBND\b", "Ủy ban nhân dân"),
    (r"\bHĐND\b", "Hội đồng nhân dân"),
    (r"\bUBKT\b", "Ủy ban Kiểm tra"),
    (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
    (r"\bĐBQH\b", "đại biểu Quốc hội"),
    (r"\bQH\b", "Quốc hội"),
    (r"\bTHPT\b", "trung học phổ thông"),
    (r"\bGD\s*(?:&|-|và)?\s*ĐT\b", "Giáo dục và Đào tạo"),
    (r"\bTN\s*(?:&|-|và)\s*MT\b", "Tài nguyên và Môi trường"),
    (r"\bTT\s*(?:&|-|và)\s*TT\b", "Thông tin và Truyền thông"),
    (r"\bGTVT\b", "Giao thông vận tải"),
    (r"\bBVĐK\b", "Bệnh viện đa khoa"),
    (r"\bTNHH\b", "trách nhiệm hữu hạn"),
]
FACETS = ("persons", "positions", "memberships", "organisations", "events", "participants", "documents")


def score_key(text) -> str:
    """The scoring rules' folding of a name, role, body or number."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    for pattern, repl in SCORING_ABBREVIATIONS:
        text = re.sub(pattern, repl, text)
    text = re.sub(r"[\s\-–—,.;:()\"'“”]+", " ", text.casefold()).strip()
    return " ".join(fold_syllable(s) for s in text.split())


def _month_day(date) -> str | None:
    m = re.fullmatch(r"(?:\d{4}|-)-(\d{2})-(\d{2})", date or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


def facets(doc: dict) -> dict[str, set]:
    """The sets compared for each facet of one article's extraction (gold or predicted)."""
    out = {f: set() for f in FACETS}
    for p in doc.get("persons") or []:
        name = score_key(p.get("name"))
        if not name:
            continue
        out["persons"].add(name)
        for pos in p.get("positions") or []:
            role, org = score_key(pos.get("role")), score_key(pos.get("org"))
            out["positions"].add((name, role, org))
            out["memberships"].add((name, org))
    out["organisations"] = {score_key(o) for o in doc.get("organisations") or [] if score_key(o)}
    for e in doc.get("events") or []:
        key = _month_day(e.get("date")) or ("no date", score_key(e.get("type")))
        out["events"].add(key)
        out["participants"].update((key, score_key(who)) for who in e.get("participants") or [])
    for d in doc.get("documents") or []:
        out["documents"].add((score_key(d.get("type")), score_key(d.get("number")) or score_key(d.get("name"))))
    return out


@dataclass
class FacetScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing expected and nothing found: a perfect score, as in the scoring rules."""
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        return 1.0 if self.empty else (self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0)

    @property
    def recall(self) -> float:
        return 1.0 if self.empty else (self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(gold: dict, predicted: dict, name: str, scores: dict[str, FacetScore]) -> None:
    """Add one article's comparison to `scores`, recording every miss and extra."""
    g, p = facets(gold), facets(predicted)
    for facet in FACETS:
        s = scores.setdefault(facet, FacetScore())
        s.tp += len(g[facet] & p[facet])
        s.fp += len(p[facet] - g[facet])
        s.fn += len(g[facet] - p[facet])
        s.misses += [f"{name}\tmissed {facet}\t{item}" for item in sorted(map(str, g[facet] - p[facet]))]
        s.misses += [f"{name}\textra  {facet}\t{item}" for item in sorted(map(str, p[facet] - g[facet]))]


def evaluate_dir(gold_dir: str | Path, extract_file) -> dict[str, FacetScore]:
    """Extract every `GOLD_DIR/*.txt` with `extract_file(path) -> dict` and score it against its `.json`."""
    scores: dict[str, FacetScore] = {}
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        text_file = gold_file.with_suffix(".txt")
        if gold_file.name == "ids.json" or not text_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        compare(gold, extract_file(text_file), gold_file.stem, scores)
    return scores
