"""The CLI on bad input: exit codes 0 (all read), 1 (some skipped), 2 (usage error or nothing read), progress in logs."""
import csv
import io
import re

from click.testing import CliRunner

from kg import cli
from kg.cli import main
from tests.conftest import SAMPLE

GOOD = {"id": "ok", "title": "Tin", "text": "Ông Lê Văn Tám, Chủ tịch UBND tỉnh Nam Định, dự họp."}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_a_missing_path_is_a_usage_error_and_creates_no_store(tmp_path):
    store = tmp_path / "store"
    result = run("ingest", SAMPLE, tmp_path / "nope.jsonl", "--store", store)
    assert result.exit_code == 2 and "nope.jsonl" in result.stderr
    assert not store.exists()


def test_extract_with_a_glob_that_matched_nothing_fails(tmp_path):
    result = run("extract", tmp_path / "*.txt", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "*.txt" in result.stderr


def test_a_folder_without_articles_means_nothing_read(tmp_path):
    (tmp_path / "in").mkdir()
    result = run("extract", tmp_path / "in", "--stdout")
    assert result.exit_code == 2 and "no article" in result.stderr


def test_skipped_records_exit_1_with_file_and_line(tmp_path, write_jsonl):
    path = write_jsonl([GOOD, {**GOOD, "id": "u", "url": 12}, {**GOOD, "id": 7}])
    result = run("ingest", path, "--store", tmp_path / "store")
    assert result.exit_code == 1
    assert f"{path}:2" in result.stderr and f"{path}:3" in result.stderr
    assert run("ingest", write_jsonl([GOOD], "good.jsonl"), "--store", tmp_path / "store").exit_code == 0


def test_extract_exits_1_when_some_input_is_skipped(tmp_path, write_jsonl):
    path = write_jsonl([GOOD, {**GOOD, "id": "x", "date": "2021-13-45"}])
    result = run("extract", path, "--stdout")
    assert result.exit_code == 1 and f"{path}:2" in result.stderr and '"id": "ok"' in result.stdout


def test_progress_lines_in_a_log(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "PROGRESS_SECONDS", 0.0)
    store = tmp_path / "store"
    ingest = run("ingest", SAMPLE, "--store", store)
    assert re.search(r"^ingesting: 1 after \d+ s$", ingest.stderr, re.M)
    assert "ingesting: 1 after" in ingest.stderr.splitlines()[-1] and ingest.stderr.endswith(", done\n")
    validate = run("validate", "--store", store)
    assert re.search(r"^validating graphs: 1 after \d+ s, done$", validate.stderr, re.M)


def test_no_progress_lines_between_ticks(tmp_path):
    ingest = run("ingest", SAMPLE, "--store", tmp_path / "store")
    assert ingest.stderr.count("ingesting:") == 1  # only the closing line: 5 s did not pass


def test_validate_and_stats_count_the_same_triples(tmp_path):
    store = tmp_path / "store"
    run("ingest", SAMPLE, "--store", store)
    counted = int(re.search(r"store's ([\d,]+) triples", run("validate", "--store", store).stdout)[1].replace(",", ""))
    rows = csv.DictReader(io.StringIO(run("stats", "--store", store, "--format", "csv").stdout))
    assert counted == int({r["what"]: r["count"] for r in rows}["triples"]) > 0


def test_log_progress_prints_one_line_per_interval():
    from kg.output import LogProgress
    now, log = [0.0], io.StringIO()
    ticker = LogProgress("reading", log, every=5, clock=lambda: now[0])
    for second in range(1, 13):
        now[0] = second
        ticker()
    ticker.finish()
    assert log.getvalue().splitlines() == ["reading: 5 after 5 s", "reading: 10 after 10 s", "reading: 12 after 12 s, done"]


def test_a_table_shortens_a_long_cell_and_csv_keeps_it_whole():
    import io
    from rich.console import Console
    from kg.output import render_rows
    sentence = "Thủ tướng Nguyễn Xuân Phúc chủ trì phiên họp Chính phủ thường kỳ tháng 5 với các bộ, ngành và địa phương."
    rows = [{"person": "Nguyễn Xuân Phúc", "sentence": sentence}]
    table, text = io.StringIO(), io.StringIO()
    render_rows(["person", "sentence"], rows, "table", Console(file=table, width=200))
    render_rows(["person", "sentence"], rows, "csv", Console(file=text))
    assert "Nguyễn Xuân Phúc" in table.getvalue() and sentence not in table.getvalue()
    assert "họp Chính phủ …" in table.getvalue() and sentence in text.getvalue()
