import gzip
import json

import pytest

from kg.articles import read_articles
from kg.errors import InputError


def _split(items):
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_txt_has_its_title_on_the_first_line(tmp_path):
    (tmp_path / "a1.txt").write_text("Tiêu đề\nThân bài.", encoding="utf-8")
    [a] = list(read_articles([tmp_path / "a1.txt"]))
    assert (a.id, a.title, a.text) == ("a1", "Tiêu đề", "Thân bài.")


def test_json_and_jsonl_and_gz(tmp_path, write_jsonl):
    (tmp_path / "one.json").write_text(json.dumps({"title": "T", "text": "X", "date": "2021-10-18"}),
                                       encoding="utf-8")
    write_jsonl([{"id": "a", "title": "T", "text": "X"}, {"id": "b", "title": "T", "text": "Y"}])
    with gzip.open(tmp_path / "more.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "c", "title": "T", "text": "Z"}) + "\n")
    articles, problems = _split(list(read_articles([tmp_path])))
    assert sorted(a.id for a in articles) == ["a", "b", "c", "one"]
    assert not problems
    assert next(a for a in articles if a.id == "one").date == "2021-10-18"


def test_bad_lines_are_reported_with_file_and_line_and_skipped(write_jsonl):
    path = write_jsonl([{"id": "a", "title": "T", "text": "X"}, "{broken", {"id": "c", "title": "T"},
                        '"just a string"', {"id": "e", "title": "T", "text": "ok"}])
    articles, problems = _split(list(read_articles([path])))
    assert [a.id for a in articles] == ["a", "e"]
    assert [p.line for p in problems] == [2, 3, 4]
    assert all(str(path) in str(p) for p in problems)
    assert "missing field(s): text" in str(problems[1])


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    ("Tiêu đề\nđã".encode("cp1258", errors="replace") + b"\xff\xfe", "not UTF-8"),
    (b"abc\x00\x01\x02", "binary"),
])
def test_unreadable_files_give_a_clear_error(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [problem] = list(read_articles([path]))
    assert isinstance(problem, InputError) and reason in str(problem) and "bad.txt" in str(problem)


def test_missing_path_and_unknown_kind(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    problems = list(read_articles([tmp_path / "nope", tmp_path / "x.pdf"]))
    assert [("no such file" in str(p), "unknown kind" in str(p)) for p in problems] == [(True, False), (False, True)]
