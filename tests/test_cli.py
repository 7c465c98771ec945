import csv
import io
import json

from click.testing import CliRunner

from kg.cli import main
from tests.conftest import SAMPLE


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], standalone_mode=False, catch_exceptions=False)


def test_ingest_query_as_csv_and_json(tmp_path):
    store = tmp_path / "store"
    result = run("ingest", SAMPLE, "--store", store)
    assert "articles stored" in result.output
    q = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
    rows = list(csv.DictReader(io.StringIO(run("query", q, "--store", store, "--format", "csv").output)))
    assert [r["name"] for r in rows] == ["Nguyễn Hồng Sơn", "Trần Lưu Quang", "Trần Tuấn Anh"]
    data = json.loads(run("query", q, "--store", store, "--format", "json").output)
    assert len(data) == 3


def test_malformed_query_exits_2(tmp_path, monkeypatch):
    import subprocess
    import sys
    store = tmp_path / "store"
    run("ingest", SAMPLE, "--store", store)
    proc = subprocess.run([sys.executable, "-c", "from kg.cli import run; run()", "query", "SELECT ?x WHERE { ?x a }",
                           "--store", str(store)], capture_output=True, text=True)
    assert proc.returncode == 2 and "1:" in proc.stderr


def test_extract_writes_one_json_per_article(tmp_path):
    out = tmp_path / "out"
    run("extract", SAMPLE, "--out", out)
    [written] = list(out.glob("*.json"))
    assert written.stem == "haiphong-2021-10-18"
    assert {"persons", "organisations", "events", "documents"} <= set(json.loads(written.read_text()))


def test_validate_and_viz(tmp_path):
    store = tmp_path / "store"
    run("ingest", SAMPLE, "--store", store)
    assert "valid" in run("validate", "--store", store).output
    run("viz", "--out", tmp_path / "g.html", "--store", store)
    assert (tmp_path / "g.html").stat().st_size > 100_000


def test_ask_lists_questions_and_answers_with_named_arguments(tmp_path):
    store = tmp_path / "store"
    run("ingest", SAMPLE, "--store", store)
    assert "holders" in run("ask", "--store", store).output
    out = run("ask", "holders", "Thành uỷ Hải Phòng", "role=bí thư", "--store", store, "--format", "csv").output
    assert list(csv.DictReader(io.StringIO(out)))[0]["person"] == "Trần Lưu Quang"


def test_stats_counts_and_samples_merges(tmp_path):
    store = tmp_path / "store"
    run("ingest", SAMPLE, "--store", store)
    rows = list(csv.DictReader(io.StringIO(run("stats", "--store", store, "--format", "csv").output)))
    assert {r["what"]: r["count"] for r in rows}["persons"] == "3"


def test_stats_samples_persons_merged_across_articles(tmp_path):
    corpus = _corpus(tmp_path, ["Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến đã thăm Bệnh viện Bạch Mai sáng nay.",
                                "Chiều qua, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến làm việc với tỉnh Nghệ An.",
                                "Ông Trần Văn Nam, 40 tuổi, bị bắt."])
    store = tmp_path / "store"
    run("ingest", corpus, "--store", store)
    out = run("stats", "--store", store, "--merges", "5", "--central", "0", "--format", "csv").output
    sample = list(csv.DictReader(io.StringIO(out[out.index("person,articles"):])))
    assert [(r["person"], r["articles"], r["posts"]) for r in sample] == [
        ("Nguyễn Thị Kim Tiến", "2", "Bộ trưởng Bộ Y tế")]
    assert "post=bộ trưởng|bộ y tế" in sample[0]["reasons"]


def _corpus(tmp_path, texts):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "title": "Tin", "text": t}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


def test_mine_documents_keeps_titles_established_in_enough_articles(tmp_path):
    texts = ["Quốc hội thông qua Luật Đất đai sửa đổi vào tháng trước."] * 3 + \
            ["Bộ Tài chính soạn Luật Thuế tài sản mới."]
    out = tmp_path / "docs.tsv"
    result = run("mine-documents", _corpus(tmp_path, texts), "--out", out)
    assert result.exit_code == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert [(r[1], r[3]) for r in rows if r[0].startswith("Luật Đất đai")] == [("Luật", "3")]
    assert not any(r[0].startswith("Luật Thuế") for r in rows)


def test_mine_names_writes_names_a_title_cues(tmp_path):
    texts = ["Bộ trưởng Quốc phòng Mỹ Jim Mattis thăm Hà Nội."] * 3
    out = tmp_path / "names.tsv"
    result = run("mine-names", _corpus(tmp_path, texts), "--out", out)
    assert result.exit_code == 0
    assert "Jim Mattis\t3\t" in out.read_text(encoding="utf-8")


def test_mine_places_keeps_names_written_as_places_not_persons(tmp_path):
    texts = ["Người dân huyện Kim Thành đón mưa lớn."] * 4 + ["Ông Trần Văn Nam ở huyện Kim Thành."]
    out = tmp_path / "places.tsv"
    result = run("mine-places", _corpus(tmp_path, texts), "--out", out)
    assert result.exit_code == 0
    assert "Kim Thành\t5\t0" in out.read_text(encoding="utf-8")
