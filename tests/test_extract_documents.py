"""Documents: numbers, lists of numbers, treaties and titles, on sentences written for these tests."""
from kg.extract import extract
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
