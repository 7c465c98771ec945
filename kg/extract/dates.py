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
_DIGIT = re.compile(r"\d")


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
        return DateMention(self.start, self.end, self.day, self.month, year).iso


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every valid day-month date in `text`, with offsets shifted by `offset`."""
    found = []
    if not _DIGIT.search(text):  # every date has digits
        return found
    for m in _DATE.finditer(text):
        d, mo, y = (next((m.group(f"{g}{i}") for i in ("", "2", "3", "4") if m.group(f"{g}{i}")), None)
                    for g in ("d", "m", "y"))
        day, month = int(d), int(mo)
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append(DateMention(m.start() + offset, m.end() + offset, day, month, int(y) if y else None))
    return found


_RANGE_DASH = re.compile(r"\s?[-–]\s?\d")
_WORD = re.compile(r"\w+")
_MONTH_YEAR = re.compile(r"\btháng\s+(\d{1,2})\s*(?:[/\-]|năm)\s*(\d{4})\b", re.IGNORECASE)
_RANGE_END = re.compile(r"(?<=\d)\s?[-–]\s?(?:\d{1,2}[/.]\d{1,2}[/.])?(\d{4})\b")
ANNIVERSARY = "kỷ niệm"


def follows(before: str, cues: frozenset[str]) -> bool:
    """Whether the words just before a date or year are one of `cues` (`đến năm`, `sinh ngày`)."""
    words = [w.casefold() for w in _WORD.findall(before[-40:])]
    return any(" ".join(words[-len(cue.split()):]) == cue for cue in cues)


def month_years(text: str, month: int) -> set[int]:
    """The years the text gives `month` (`tháng 6/2017`, `tháng 6 năm 2017`, `tháng 6-2017`)."""
    return {int(m.group(2)) for m in _MONTH_YEAR.finditer(text) if int(m.group(1)) == month}


def starts_other_year_range(date: DateMention, sentence: str, sentence_start: int) -> bool:
    """`(9/5/1945 – 9/5/2017)`: the date opens a range that ends in another year, so its year is not the event's."""
    end = _RANGE_END.match(sentence, date.end - sentence_start)
    return date.year is not None and end is not None and int(end.group(1)) != date.year


def anniversary_years(text: str) -> list[int]:
    """`kỷ niệm 105 năm … (9/7/1912-9/7/2017)`: the last year of an anniversary's range, the year it is held."""
    at = text.casefold().find(ANNIVERSARY)
    return [int(m.group(1)) for m in _RANGE_END.finditer(text, at)] if at >= 0 else []


def year_of(date: DateMention, sentence: str, sentence_start: int, article: str, other: frozenset[str]) -> int | None:
    """The year of an event dated `date` in `sentence`, only where the text ties one to it (guidelines, "Year"):
    the date's own year (not a range's start, not a birth's or a plan's), the year of its month
    (`tháng 5/2017`, one in the article), else the latest year of a full date in its sentence (`từ ngày
    29-31/5/2017`, the programme it carries out `ngày 29/4/2021`) or of an anniversary held there; else None."""
    if date.year and not _RANGE_DASH.match(sentence, date.end - sentence_start) and \
            not follows(sentence[:date.start - sentence_start], other):
        return date.year
    years = month_years(article, date.month)
    if len(years) == 1:
        return years.pop()
    dated = [d.year for d in find_dates(sentence) if d.year and not follows(sentence[:d.start], other)]
    return max(dated + anniversary_years(sentence), default=None)
