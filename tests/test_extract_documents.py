"""Documents: numbers, lists of numbers, treaties and titles, on sentences written for these tests."""
import pytest

from kg.extract import documents as documents_module
from kg.extract import extract
from kg.extract.documents import mine_documents
from tests.conftest import article


def documents(text):
    return [(d.type, d.number or d.name) for d in extract(article(text)).documents]


def test_a_list_of_numbers_is_one_document_per_number_sharing_date_and_issuer():
    result = extract(article("Sở Nội vụ trình các Quyết định số 1201, 1202 và 1203/QĐ-UBND ngày 4/3/2017 "
                             "của Ủy ban nhân dân tỉnh Cà Mau về việc điều động cán bộ."))
    assert [(d.number, d.date, d.issuer) for d in result.documents] == [
        (number, "2017-03-04", "Ủy ban nhân dân tỉnh Cà Mau") for number in ("1201", "1202", "1203/QĐ-UBND")]


def test_each_number_of_a_list_may_repeat_so():
    assert documents("Đoàn kiểm tra việc thực hiện Chỉ thị số 12, số 15 của Thủ tướng.") == [
        ("Chỉ thị", "12"), ("Chỉ thị", "15")]


def test_a_bare_number_after_a_capitalised_type_word():
    assert documents("Việc điều chuyển làm theo Nghị định 24 của Chính phủ và Quyết định 33/2016.") == [
        ("Nghị định", "24"), ("Quyết định", "33/2016")]


def test_a_count_after_a_type_word_is_not_a_number():
    assert documents("Kế hoạch 5 năm được thông qua. Quyết định 3 người đi học.") == []


def test_a_treaty_ends_before_its_short_name_in_brackets_and_the_short_name_is_the_same_treaty():
    got = documents("Hai nước bàn về hiệp định thương mại xuyên Ấn Độ Dương (IOTA). Sau đó, thỏa thuận IOTA "
                    "được ký.")
    assert got == [("Hiệp định", "Hiệp định thương mại xuyên Ấn Độ Dương")]


def test_a_lower_case_treaty_word_before_a_capitalised_name():
    assert documents("Cả hai bên đều vi phạm thỏa thuận Gơ-ne-vơ và hiệp ước Véc-xây.") == [
        ("Thỏa thuận", "Thỏa thuận Gơ-ne-vơ"), ("Hiệp ước", "Hiệp ước Véc-xây")]


def test_a_lower_case_type_word_inside_a_word_names_no_document():
    assert documents("Ông bị xử lý kỷ luật nội bộ (KLNB) trong năm.") == []


def test_a_type_word_inside_a_newspaper_name_is_no_document():
    assert documents("Như Pháp Luật Thành phố đã đưa tin, vụ việc đang được điều tra.") == []


def test_a_resolution_with_its_number_and_term():
    assert documents("Các chi bộ học tập Nghị quyết Trung ương 6 (khóa XII) trong tháng.") == [
        ("Nghị quyết", "Nghị quyết Trung ương 6 (khóa XII)")]


def test_a_planning_document_ends_where_a_verb_follows_its_place_name():
    assert documents("Hội thảo về Quy hoạch tổng thể phát triển Khu du lịch quốc gia Tam Đảo có nhiều ý kiến.") == [
        ("Quy hoạch", "Quy hoạch tổng thể phát triển Khu du lịch quốc gia Tam Đảo")]


def test_a_body_named_after_a_treaty_is_no_document():
    assert documents("Nước này muốn gia nhập Tổ chức Hiệp ước An ninh Tập thể (CSTO).") == []


def test_a_law_keeps_its_year_and_drops_a_dangling_year_word():
    assert documents("Theo Luật Đất đai năm 2013 và Bộ luật Lao động năm nay, người lao động được nghỉ.") == [
        ("Luật", "Luật Đất đai năm 2013"), ("Bộ luật", "Bộ luật Lao động")]


def test_a_lower_case_law_word_inside_a_newspaper_name_is_no_document():
    assert documents("Theo Pháp luật Plus, vụ việc đang được làm rõ.") == []


def _known(monkeypatch, rows):
    for cached in (documents_module._known_titles, documents_module._known_acronyms):
        cached.cache_clear()
    monkeypatch.setattr(documents_module, "_known_rows", lambda: tuple(rows))
    yield
    for cached in (documents_module._known_titles, documents_module._known_acronyms):
        cached.cache_clear()


@pytest.fixture
def known_documents(monkeypatch):
    yield from _known(monkeypatch, [
        ("Luật Tổ chức chính quyền địa phương", "Luật", ""),
        ("Kết luận Hội nghị", "Kết luận", ""),
        ("Hiệp định Đối tác xuyên Ấn Độ Dương", "Hiệp định", "IOTA"),
        ("Bộ luật Lao động", "Bộ luật", "BLLĐ")])


def test_a_known_title_is_read_lower_case_and_past_where_its_capitals_end(known_documents):
    text = "Việc miễn nhiệm làm theo luật tổ chức chính quyền địa phương, như Luật Tổ chức chính quyền địa phương quy định."
    assert documents(text) == [("Luật", "Luật Tổ chức chính quyền địa phương")]
    assert documents("Các đại biểu thảo luận kết luận hội nghị lần trước.") == []


def test_a_treaty_known_by_its_short_name_is_read_alone(known_documents):
    assert documents("Mỹ rút khỏi IOTA khiến nhiều nước lo ngại.") == [("Hiệp định", "IOTA")]
    assert documents("Hành vi vi phạm điều 90 BLLĐ bị xử phạt.") == [("Bộ luật", "Bộ luật Lao động")]


def test_mining_keeps_titles_of_several_articles_run_on_by_the_words_most_print_after_them():
    texts = ["Theo Luật Tổ chức chính quyền địa phương, tỉnh có quyền này.",
             "Luật Tổ chức chính quyền địa phương quy định rõ.",
             "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015 và Hiệp định Đối tác xuyên Ấn Độ Dương (IOTA).",
             "Hai bên bàn về Hiệp định Đối tác xuyên Ấn Độ Dương (IOTA) và Kết luận Hội nghị.",
             "Hiệp định Đối tác xuyên Ấn Độ Dương (IOTA) được ký."]
    rows = mine_documents([article(t, ident=f"d{k}") for k, t in enumerate(texts)], min_articles=3)
    assert rows == [("Hiệp định Đối tác xuyên Ấn Độ Dương", "Hiệp định", "IOTA", 3),
                    ("Luật Tổ chức chính quyền địa phương", "Luật", "", 3)]


def test_a_short_name_after_a_type_word_is_one_document(known_documents):
    assert documents("Các nước bàn về thỏa thuận IOTA trong tuần này.") == [("Thỏa thuận", "Thỏa thuận IOTA")]
