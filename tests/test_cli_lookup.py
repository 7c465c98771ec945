"""Names typed with or without diacritics, unknown names with suggestions, options checked, exports of partial dates."""
import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import KnowledgeGraph, lookup
from kg.cli import main

ARTICLES = [
    {"id": "l1", "date": "2020-05-04", "title": "Tỉnh ủy Nam Định họp",
     "text": "Sáng 4/5, ông Trần Văn Thành, Bí thư Tỉnh ủy Nam Định, chủ trì hội nghị Ban Thường vụ Tỉnh ủy "
             "Nam Định. Dự hội nghị có ông Đỗ Quang Huy, Phó Bí thư Tỉnh ủy Nam Định."},
    {"id": "l2", "date": "2020-06-01", "title": "Hà Nam tiếp đoàn",
     "text": "Chiều 1/6, ông Trần Văn Thanh, Chủ tịch UBND tỉnh Hà Nam, tiếp đoàn công tác."},
    {"id": "l3", "title": "Họp không rõ năm",  # no date: its meeting is dated --10-18
     "text": "Sáng 18/10, ông Đỗ Quang Huy, Phó Bí thư Tỉnh ủy Nam Định, dự hội nghị cùng ông Trần Văn Thành, "
             "Bí thư Tỉnh ủy Nam Định."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lookup")
    (folder / "a.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    with KnowledgeGraph.open(folder / "store") as graph:
        assert graph.ingest([folder / "a.jsonl"]).articles == 3
    return folder / "store"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def ask(store, *args):
    result = run("ask", *args, "--store", store, "--format", "csv")
    return result, list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("typed", ["Tỉnh ủy Nam Định", "Tỉnh uỷ Nam Định", "Tinh uy Nam Dinh", "TINH UY NAM DINH"])
def test_a_body_is_found_with_or_without_diacritics(store, typed):
    result, rows = ask(store, "holders", typed, "role=Bi thu")
    assert result.exit_code == 0 and {r["person"] for r in rows} == {"Trần Văn Thành"}


def test_a_name_without_diacritics_that_fits_two_persons_answers_for_both(store):
    _, rows = ask(store, "positions", "Tran Van Thanh")
    assert {(r["person"], r["role"]) for r in rows} == {("Trần Văn Thành", "Bí thư"), ("Trần Văn Thanh", "Chủ tịch")}
    _, rows = ask(store, "positions", "Trần Văn Thanh")  # typed with its marks: that one only
    assert {r["person"] for r in rows} == {"Trần Văn Thanh"}


def test_an_unknown_name_says_so_and_suggests_the_nearest(store):
    result, rows = ask(store, "positions", "Tran Van Tanh")
    assert result.exit_code == 2 and not rows
    assert "no person named 'Tran Van Tanh'" in result.stderr and "Trần Văn Thành" in result.stderr
    assert "Tỉnh ủy" not in result.stderr.split("did you mean")[1]  # bodies are not persons


def test_an_unknown_role_is_refused_with_the_known_ones(store):
    result, _ = ask(store, "holders", "Tinh uy Nam Dinh", "role=Pho Bi thu Tinh", )
    assert result.exit_code == 2 and "Phó Bí thư" in result.stderr


def test_an_unknown_parameter_is_refused_not_taken_as_a_value(store):
    result, _ = ask(store, "holders", "Tinh uy Nam Dinh", "foo=bar")
    assert result.exit_code == 2 and "foo is not one of its parameters" in result.stderr
    result, _ = ask(store, "holders", "Tinh uy Nam Dinh", "role=Bí thư", "role=Phó Bí thư")
    assert result.exit_code == 2 and "given twice" in result.stderr


def test_the_lookup_is_one_probe_per_key(store):
    with KnowledgeGraph.open(store, read_only=True) as graph:
        calls = []
        graph.sparql = lambda q, b=None, run=graph.sparql: calls.append(q) or run(q, b)
        [match] = lookup.find(graph, "Do Quang Huy")
        assert (match.name, match.kind) == ("Đỗ Quang Huy", "person") and len(calls) == 2
        assert all("VALUES ?probe" in q for q in calls)  # an index probe, not a scan of names


def test_viz_focus_unknown_writes_nothing_and_suggests(store, tmp_path):
    result = run("viz", "--focus", "Do Quang Hoa", "--out", tmp_path / "g.html", "--store", store)
    assert result.exit_code == 2 and "Đỗ Quang Huy" in result.stderr and not (tmp_path / "g.html").exists()


def test_viz_focus_without_diacritics_into_a_new_folder(store, tmp_path):
    out = tmp_path / "new" / "dir" / "g.html"
    result = run("viz", "--focus", "do quang huy", "--depth", "0", "--out", out, "--store", store)
    assert result.exit_code == 0 and "Đỗ Quang Huy" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("command, options, says", [
    ("viz", ["--depth", "-1"], "--depth"),
    ("viz", ["--limit", "-5"], "--limit"),
    ("viz", ["--since", "2021-06-01", "--until", "2021-01-01"], "is after --until"),
    ("export", ["--since", "2021-06-01", "--until", "2021-01-01"], "is after --until"),
    ("export", ["--since", "2021-02-30"], "not a date"),
    ("viz", ["--until", "yesterday"], "not a date"),
    ("ask", ["positions", "Đỗ Quang Huy", "--limit", "-1"], "--limit"),
])
def test_option_values_are_checked(store, tmp_path, command, options, says):
    result = run(command, *options, "--store", store)
    assert result.exit_code == 2 and says in result.stderr


def test_export_body_without_diacritics_and_unknown(store, tmp_path):
    out = tmp_path / "b.csv"
    assert run("export", "--body", "UBND tinh Ha Nam", "--format", "csv", "--out", out, "--store", store).exit_code == 0
    assert "Trần Văn Thanh" in out.read_text(encoding="utf-8")
    result = run("export", "--body", "Tinh uy Ha Noi", "--out", tmp_path / "x.csv", "--store", store)
    assert result.exit_code == 2 and "Tỉnh ủy Nam Định" in result.stderr and not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_full_export_writes_a_date_without_year_as_text(store, tmp_path, fmt, read):
    out = tmp_path / "sub" / f"full.{fmt}"
    assert run("export", "--view", "full", "--format", fmt, "--out", out, "--store", store).exit_code == 0
    dates = {d.get("date") for _, d in read(out).nodes(data=True) if d.get("type") == "meeting"}
    assert dates == {"2020-05-04", "--10-18"}


def test_a_failed_export_leaves_no_file(store, tmp_path, monkeypatch):
    def broken(graph, path, *args, **kwargs):
        open(path, "w").write("<half")
        raise OSError("disk full")
    monkeypatch.setattr(nx, "write_graphml", broken)
    with pytest.raises(OSError, match="disk full"):
        run("export", "--format", "graphml", "--out", tmp_path / "m.graphml", "--store", store)
    assert list(tmp_path.iterdir()) == []
