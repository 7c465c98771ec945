"""Dates as Vietnamese news writes them: `chiều 18/10`, `ngày 23/6/2021`, `18-10-2021`, `sáng nay (22.6)`,
`ngày 5 tháng 7 năm 2017`."""
from __future__ import annotations

import regex as re
from dataclasses import dataclass

_DATE = re.compile(
    r"(?<![\w/\-.])(?P<d>\d{1,2})\s?[/\-]\s?(?P<m>\d{1,2})(?:\s?[/\-]\s?(?P<y>\d{4}))?(?![\w/\-]|\.\d)"
    r"|(?<=\b(?:ngày|sáng|chiều|tối|trưa|hôm) )(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})(?:\.(?P<y2>\d{4}))?(?!\w|\.\d)"
    r"|\bngày (?P<d3>\d{1,2}) tháng (?P<m3>\d{1,2})(?: năm (?P<y3>\d{4}))?"
    r"|(?<=\()(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})(?:\.(?P<y4>\d{4}))?(?=\))",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None

    @property
    def iso(self) -> str:
        """`YYYY-MM-DD`, or `--MM-DD` when the text gives no year."""
        year = f"{self.year:04d}" if self.year else "-"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int | None) -> str:
        return DateMention(self.start, self.end, self.day, self.month, self.year or year).iso


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every valid day-month date in `text`, with offsets shifted by `offset`."""
    found = []
    for m in _DATE.finditer(text):
        d, mo, y = (next((m.group(f"{g}{i}") for i in ("", "2", "3", "4") if m.group(f"{g}{i}")), None)
                    for g in ("d", "m", "y"))
        day, month = int(d), int(mo)
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append(DateMention(m.start() + offset, m.end() + offset, day, month, int(y) if y else None))
    return found


def years_in(text: str) -> list[int]:
    """Four-digit years that plausibly date the article (1945 to 2099)."""
    return [int(y) for y in re.findall(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)", text)]
