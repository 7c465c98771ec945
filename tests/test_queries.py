"""The ready questions of docs/queries/ and entity resolution, on a hand-made three-article history."""
import pytest

from kg import KnowledgeGraph
from kg.ask import ready_queries
from kg.errors import QueryError
from kg.lookup import UnknownName

HISTORY = [
    {"id": "a1", "date": "2015-03-01", "title": "Hội nghị Tỉnh ủy Nam Định",
     "text": "Sáng 1/3, ông Nguyễn Văn Hùng, Bí thư Tỉnh ủy Nam Định, chủ trì hội nghị. "
             "Dự hội nghị có ông Phạm Đình Nghị, Phó Bí thư Tỉnh ủy Nam Định. "
             "Tỉnh ủy Nam Định ban hành Nghị quyết số 12-NQ/TU ngày 1/3/2015 của Tỉnh ủy Nam Định."},
    {"id": "a2", "date": "2018-05-01", "title": "Nam Định có tân Bí thư",
     "text": "Sáng 1/5, ông Đoàn Hồng Phong, Bí thư Tỉnh ủy Nam Định, có buổi làm việc với Sở Y tế. "
             "Ông Nguyễn Văn Hùng, nguyên Bí thư Tỉnh uỷ Nam Định, cùng dự."},
    {"id": "a3", "date": "2019-07-01", "title": "Đắk Lắk tiếp đoàn công tác",
     "text": "Chiều 1/7, ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh Đắk Lắk, có buổi làm việc với đoàn công tác."},
]


@pytest.fixture(params=["memory", "oxigraph"])
def history(request, tmp_path, write_jsonl):
    g = KnowledgeGraph.open("memory" if request.param == "memory" else tmp_path / "store")
    g.ingest([write_jsonl(HISTORY)])
    yield g
    g.close()


def _people(rows, column="person"):
    return sorted(r[column] for r in rows)


def test_namesakes_in_different_provinces_stay_apart(history):
    rows = history.sparql('SELECT DISTINCT ?p WHERE { ?p a kg:Person ; schema:name "Nguyễn Văn Hùng"@vi }').rows
    assert len(rows) == 2


def test_the_same_person_under_two_spellings_is_one_node(history):
    rows = history.sparql("""SELECT DISTINCT ?article WHERE {
        ?a schema:mentions ?p ; schema:identifier ?article . ?p kg:placeContext "Nam Định" ;
        schema:name "Nguyễn Văn Hùng"@vi }""").rows
    assert sorted(r["article"] for r in rows) == ["a1", "a2"]


def test_every_merge_records_its_reason(history):
    rows = history.sparql("""SELECT ?id ?reason ?score (GROUP_CONCAT(?f; separator=" ") AS ?features) WHERE {
        ?r a kg:Resolution ; kg:reason ?reason ; kg:score ?score ; prov:wasDerivedFrom/schema:identifier ?id ;
           kg:person/schema:name "Nguyễn Văn Hùng"@vi OPTIONAL { ?r kg:feature ?f } } GROUP BY ?id ?reason ?score""").rows
    got = {r["id"]: r for r in rows}
    assert got["a2"]["reason"].startswith("same name and post=bí thư|tỉnh ủy nam định")
    assert got["a3"]["score"] == 0 and "of its own" in got["a3"]["reason"]


def test_holders_on_a_date(history):
    on = {d: _people(history.ask("holders", body="Tỉnh ủy Nam Định", role="Bí thư", date=d).rows)
          for d in ("2014-01-01", "2016-06-30", "2018-06-30")}
    assert on == {"2014-01-01": [], "2016-06-30": ["Nguyễn Văn Hùng"], "2018-06-30": ["Đoàn Hồng Phong"]}


def test_holders_over_time_and_of_any_post(history):
    rows = history.ask("holders", body="tỉnh uỷ nam định").rows
    assert {(r["title"], r["person"]) for r in rows} == {
        ("Bí thư", "Nguyễn Văn Hùng"), ("Bí thư", "Đoàn Hồng Phong"), ("Phó Bí thư", "Phạm Đình Nghị")}


def test_positions_over_time_keep_former_titles_apart(history):
    rows = history.ask("positions", name="Nguyễn Văn Hùng").rows
    got = {(r["role"], r["body"], str(r["firstSeen"]), str(r["lastSeen"]), r["current"]) for r in rows}
    assert got == {("Bí thư", "Tỉnh ủy Nam Định", "2015-03-01", "2018-05-01", 1),
                   ("Chủ tịch", "Ủy ban nhân dân tỉnh Đắk Lắk", "2019-07-01", "2019-07-01", 1)}


def test_meetings_with_co_attendees(history):
    rows = history.ask("meetings", name="Phạm Đình Nghị").rows
    assert [(r["meeting"], str(r["date"]), r["coAttendees"]) for r in rows] == [
        ("hội nghị", "2015-03-01", "Nguyễn Văn Hùng")]


def test_documents_of_a_body(history):
    rows = history.ask("documents", body="Tỉnh ủy Nam Định").rows
    assert [(r["type"], r["number"], str(r["date"])) for r in rows] == [("Nghị quyết", "12-NQ/TU", "2015-03-01")]


def test_sources_behind_a_persons_facts(history):
    rows = history.ask("sources", name="Phạm Đình Nghị").rows
    assert {r["articleId"] for r in rows} == {"a1"}
    assert any("Phó Bí thư Tỉnh ủy Nam Định" in r["sentence"] for r in rows)


def test_colleagues_share_a_body(history):
    rows = history.ask("colleagues", name="Phạm Đình Nghị").rows
    assert {(r["colleague"], r["body"]) for r in rows} == {("Nguyễn Văn Hùng", "Tỉnh ủy Nam Định"),
                                                          ("Đoàn Hồng Phong", "Tỉnh ủy Nam Định")}


def test_timeline_of_a_body(history):
    rows = history.ask("timeline", body="Tỉnh ủy Nam Định").rows
    assert [(r["role"], r["person"]) for r in rows] == [
        ("Bí thư", "Nguyễn Văn Hùng"), ("Phó Bí thư", "Phạm Đình Nghị"), ("Bí thư", "Đoàn Hồng Phong")]


def test_every_ready_question_is_tested_here():
    tested = {name for name in ready_queries() if f'"{name}"' in open(__file__, encoding="utf-8").read()}
    assert tested == set(ready_queries())


@pytest.mark.parametrize("hostile", ['Nguyễn" } ; DELETE WHERE { ?s ?p ?o } #', "x' } UNION { ?s ?p ?o", "}}}"])
def test_quotes_and_braces_neither_break_nor_inject(history, hostile):
    before = len(history)
    for question, args in (("positions", {"name": hostile}), ("holders", {"body": "Tỉnh ủy Nam Định", "role": hostile})):
        with pytest.raises(UnknownName, match="in the store"):
            history.ask(question, **args)
    assert len(history) == before


def test_wrong_arguments_are_refused(history):
    with pytest.raises(QueryError, match="needs name"):
        history.ask("positions")
    with pytest.raises(QueryError, match="not colour"):
        history.ask("positions", name="A", colour="red")
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        history.ask("holders", body="Tỉnh ủy Nam Định", date="yesterday")


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_a_person_spelt_two_ways_is_one_holder_named_as_most_articles_spell_it(store, tmp_path, write_jsonl):
    articles = [{"id": f"s{i}", "title": "Tin", "text": f"Chủ tịch Quốc hội {name} tiếp Đại sứ Nhật Bản tại Hà Nội."}
                for i, name in enumerate(["Nguyễn Thi Kim Ngân", "Nguyễn Thị Kim Ngân", "Nguyễn Thị Kim Ngân"])]
    with KnowledgeGraph.open("memory" if store == "memory" else tmp_path / "store") as g:
        g.ingest([write_jsonl(articles)])
        rows = g.ask("holders", body="Quốc hội").rows
        positions = g.ask("positions", name="Nguyễn Thị Kim Ngân").rows
    assert [(r["title"], r["person"], r["articles"]) for r in rows] == [("Chủ tịch", "Nguyễn Thị Kim Ngân", 3)]
    assert [r["person"] for r in positions] == ["Nguyễn Thị Kim Ngân"]


def test_a_body_typed_with_cua_finds_the_unit_stored_without_it(tmp_path, write_jsonl):
    text = "Chủ nhiệm Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh phát biểu tại phiên họp."
    with KnowledgeGraph.open("memory") as g:
        g.ingest([write_jsonl([{"id": "k1", "title": "Tin", "text": text}])])
        rows = g.ask("holders", body="Ủy ban Kinh tế của Quốc hội").rows
    assert [(r["title"], r["person"]) for r in rows] == [("Chủ nhiệm", "Vũ Hồng Thanh")]


def test_a_body_spelt_two_ways_is_one_row_of_positions(tmp_path, write_jsonl):
    articles = [{"id": f"t{i}", "title": "Tin", "text": f"Ông Nguyễn Đức Lợi, Tổng Giám đốc {body}, phát biểu tại hội nghị."}
                for i, body in enumerate(["Thông tấn xã Việt Nam", "Thông Tấn Xã Việt Nam"])]
    with KnowledgeGraph.open("memory") as g:
        g.ingest([write_jsonl(articles)])
        names = g.sparql('SELECT ?n WHERE { ?o a kg:Organisation ; schema:name ?n FILTER(CONTAINS(LCASE(?n), "thông tấn")) }')
        positions = g.ask("positions", name="Nguyễn Đức Lợi").rows
    assert len(names.rows) == 2  # one node, two spellings
    assert [(r["role"], r["articles"]) for r in positions] == [("Tổng Giám đốc", 2)]
