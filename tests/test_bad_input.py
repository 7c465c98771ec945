"""Bad records and paths: refused at the door with file and line, never stored, never aborting the run."""
import pyoxigraph
import pytest

from kg import KnowledgeGraph
from kg.articles import read_articles
from kg.errors import InputError
from kg.namespaces import SCHEMA
from kg.records import Article, Event, Extraction
from kg.rdf import article_quads

GOOD = {"id": "ok", "title": "Tin", "text": "Ông Lê Văn Tám dự họp."}


def _problems(items):
    return [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("ident, says", [
    (123, "id is a number"), (True, "id is true/false"), ({"a": 1}, "id is an object"), ("  ", "missing field(s): id"),
])
def test_ids_must_be_non_empty_strings(write_jsonl, ident, says):
    path = write_jsonl([{**GOOD, "id": ident}, GOOD])
    items = list(read_articles([path]))
    [problem] = _problems(items)
    assert says in str(problem) and problem.line == 1 and problem.source == str(path)
    assert [a.id for a in items if isinstance(a, Article)] == ["ok"]


def test_numbers_are_accepted_as_json_strings(write_jsonl):
    [article] = read_articles([write_jsonl([{**GOOD, "id": "123"}])])
    assert article.id == "123"


@pytest.mark.parametrize("field, value", [("url", 12), ("title", ["a"]), ("text", 7), ("date", 20211018),
                                          ("source", {"x": 1})])
def test_a_field_of_the_wrong_type_skips_the_record_only(write_jsonl, field, value):
    path = write_jsonl([{**GOOD, "id": "bad", field: value}, GOOD])
    items = list(read_articles([path]))
    [problem] = _problems(items)
    assert f"{field} is" in problem.reason and problem.line == 1
    assert [a.id for a in items if isinstance(a, Article)] == ["ok"]


@pytest.mark.parametrize("date", ["2021-13-45", "2021-02-29", "18/10/2021", "2021-1-5", "--10-18"])
def test_impossible_or_malformed_dates_are_refused(write_jsonl, date):
    [problem] = list(read_articles([write_jsonl([{**GOOD, "date": date}])]))
    assert isinstance(problem, InputError) and "not a calendar date" in problem.reason


def test_a_timestamp_keeps_its_day(write_jsonl):
    [article] = read_articles([write_jsonl([{**GOOD, "date": "2020-02-29T08:30:00+07:00"}])])
    assert article.date == "2020-02-29"


def test_a_duplicate_id_is_reported_and_the_first_wins(write_jsonl):
    path = write_jsonl([GOOD, {**GOOD, "text": "Bản khác."}])
    first, problem = list(read_articles([path]))
    assert first.text == GOOD["text"]
    assert isinstance(problem, InputError) and problem.line == 2 and f"first read at {path}:1" in problem.reason


def test_one_file_named_twice_or_through_another_spelling_is_read_once(tmp_path, write_jsonl, monkeypatch):
    path = write_jsonl([GOOD])
    monkeypatch.chdir(tmp_path)
    items = list(read_articles([path, "articles.jsonl", f"./{path.name}", tmp_path]))
    assert [a.id for a in items] == ["ok"]


def test_a_txt_article_is_the_same_article_whatever_the_path_spelling(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Tiêu đề\nThân bài.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [a], [b] = read_articles(["a.txt"]), read_articles([tmp_path / "." / "a.txt"])
    assert a == b


def test_an_impossible_date_from_extraction_never_reaches_the_store():
    article = Article("d1", "Tin", "Họp.", date="2021-10-18")
    events = [Event("họp", date=d) for d in ("2021-02-30", "--02-30", "--02-29", "2021-10-18")]
    store = pyoxigraph.Store()
    store.load(article_quads(Extraction(article, article.date, events=events)).body, format=pyoxigraph.RdfFormat.N_QUADS)
    dates = sorted(q.object.value for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(SCHEMA.startDate)), None))
    assert dates == ["2021-10-18"]  # --02-29 would be 2021-02-29 in the article's year: no such day


def test_bad_records_are_counted_and_the_good_ones_stored(write_jsonl):
    path = write_jsonl([{**GOOD, "url": 12}, {**GOOD, "id": 5}, GOOD, GOOD, {**GOOD, "id": "x", "date": "2021-13-45"}])
    graph = KnowledgeGraph.open("memory")
    summary = graph.ingest([path])
    assert (summary.articles, summary.skipped) == (1, 4)
    assert sorted(p.line for p in summary.problems) == [1, 2, 4, 5]
