"""Bodies: where a name ends, abbreviations, foreign bodies, and the gazetteer `kg mine` builds."""
from kg.extract import extract
from tests.conftest import article


def orgs(text, **kw):
    return [o.name for o in extract(article(text, **kw)).organisations]


def posts(text):
    return {p.name: {(q.role, q.org) for q in p.positions} for p in extract(article(text)).persons}


def test_abbreviations_of_ministries_and_agencies_are_written_out():
    got = orgs("Bộ VHTTDL, Bộ LĐTBXH và Bộ CA đã gửi văn bản cho Cục THADS tỉnh Nghệ An.")
    assert got == ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội", "Bộ Công an",
                   "Cục Thi hành án dân sự tỉnh Nghệ An"]


def test_a_bank_abbreviation_and_a_name_through_a_place():
    assert orgs("Ngân hàng TMCP Sài Gòn Công Nghiệp tăng vốn.") == ["Ngân hàng Thương mại cổ phần Sài Gòn Công Nghiệp"]


def test_fields_listed_with_a_comma_and_va_are_one_name():
    assert orgs("Trung tâm Đo lường, Kiểm định và Chất lượng vừa công bố.") == [
        "Trung tâm Đo lường, Kiểm định và Chất lượng"]


def test_bodies_listed_with_commas_stay_apart():
    assert orgs("Đại diện Bộ Y tế, Bộ Xây dựng và Bộ Tư pháp tham dự.") == ["Bộ Y tế", "Bộ Xây dựng", "Bộ Tư pháp"]


def test_a_known_body_ends_before_the_verb_after_it():
    assert orgs("Bộ Công an khởi tố Vụ án Mười Ba và bắt giữ hai người.") == ["Bộ Công an"]


def test_a_foreign_body_keeps_its_country():
    assert orgs("Quốc hội Canada và Chính phủ Canada hoan nghênh quyết định này.") == [
        "Quốc hội Canada", "Chính phủ Canada"]


def test_a_central_body_named_with_the_home_country_is_one_body():
    assert orgs("Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Cuba ký biên bản.") == ["Bộ Quốc phòng", "Bộ Quốc phòng Cuba"]


def test_a_foreign_holder_holds_a_ministry_of_the_country_the_text_is_about():
    got = posts("Đoàn Cuba có ông Rafael Moreno, Bộ trưởng Bộ Xây dựng, và ông Nguyễn Văn Bình, Thứ trưởng Bộ Xây dựng.")
    assert got["Rafael Moreno"] == {("Bộ trưởng", "Bộ Xây dựng Cuba")}
    assert got["Nguyễn Văn Bình"] == {("Thứ trưởng", "Bộ Xây dựng")}


def test_a_foreign_holder_keeps_a_body_that_says_where_it_is():
    got = posts("Tại Cuba, ông Rafael Moreno, Giám đốc Sở Y tế tỉnh Long An, phát biểu.")
    assert got["Rafael Moreno"] == {("Giám đốc", "Sở Y tế tỉnh Long An")}
