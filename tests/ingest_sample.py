"""Small articles written for the ingest tests: namesakes in several provinces, shared bodies, meetings."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyoxigraph as ox

NAMES = ["Nguyễn Văn Bình", "Trần Thị Hoa", "Lê Minh Đức", "Phạm Quốc Hùng"]
PROVINCES = ["Nghệ An", "Bình Định", "Thái Bình"]
ROLES = [("Bí thư", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh"), ("Phó Chủ tịch", "HĐND tỉnh")]


def sample_records(count: int = 24) -> list[dict]:
    """`count` articles; some name a person with a province, some without one, some the same body."""
    records = []
    combos = itertools.cycle(itertools.product(NAMES, PROVINCES, ROLES))
    for i in range(count):
        name, province, (role, body) = next(combos)
        other = NAMES[(i + 1) % len(NAMES)]
        text = (f"Ngày {1 + i % 27}/3/2021, ông {name}, {role} {body} {province}, đã chủ trì hội nghị "
                f"tổng kết công tác năm. Dự hội nghị có ông {other}. "
                + ("Ông " + name + " nhấn mạnh yêu cầu cải cách hành chính." if i % 3 == 0 else ""))
        records.append({"id": f"art-{i:03d}", "title": f"Hội nghị tại {province}", "text": text,
                        "date": f"2021-03-{1 + i % 27:02d}", "source": "tests"})
    return records


def write_records(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def store_quads(path: Path) -> set[str]:
    """Every quad of an on-disk Oxigraph store, read directly."""
    store = ox.Store.read_only(str(path))
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}
