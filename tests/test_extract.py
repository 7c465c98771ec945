"""Extraction on sentences written for these tests, one construction each."""
import json
from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.dates import find_dates
from tests.conftest import SAMPLE, article


def positions(text, **kw):
    result = extract(article(text, **kw))
    return {p.name: {(q.role, q.org) for q in p.positions if q.current} for p in result.persons}


def all_posts(text):
    """Each person's posts, current or not, in order."""
    return {p.name: [(q.role, q.org) for q in p.positions] for p in extract(article(text)).persons}


def test_name_then_titles():
    got = positions("Đồng chí Nguyễn Văn Nên, Ủy viên Bộ Chính trị, Bí thư Thành ủy Thành phố Hồ Chí Minh phát biểu.")
    assert got == {"Nguyễn Văn Nên": {("Ủy viên", "Bộ Chính trị"),
                                      ("Bí thư", "Thành ủy Thành phố Hồ Chí Minh")}}


def test_titles_then_name():
    got = positions("Hôm qua, Phó Thủ tướng Vương Đình Huệ đã làm việc tại Hà Nội.")
    assert got == {"Vương Đình Huệ": {("Phó Thủ tướng", "Chính phủ")}}


def test_title_comma_honorific_name():
    got = positions("Phát biểu tại hội nghị, Chủ tịch UBND tỉnh Đồng Nai, ông Đinh Quốc Thái cho biết.")
    assert got == {"Đinh Quốc Thái": {("Chủ tịch", "Ủy ban nhân dân tỉnh Đồng Nai")}}


def test_group_list_gives_each_member_the_title():
    got = positions("Dự hội nghị có các đồng chí Ủy viên Bộ Chính trị: Phạm Minh Chính, Vương Đình Huệ.")
    assert got["Phạm Minh Chính"] == {("Ủy viên", "Bộ Chính trị")}
    assert got["Vương Đình Huệ"] == {("Ủy viên", "Bộ Chính trị")}


def test_shared_body_and_fixed_readings():
    got = positions("Ông Mai Tiến Dũng, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ và ông Trần Đại Quang, "
                    "Chủ tịch nước, dự lễ.")
    assert got["Mai Tiến Dũng"] == {("Bộ trưởng", "Văn phòng Chính phủ"), ("Chủ nhiệm", "Văn phòng Chính phủ")}
    assert got["Trần Đại Quang"] == {("Chủ tịch nước", "Nhà nước")}


def test_former_title_is_not_current():
    result = extract(article("Ông Lê Văn Tám, nguyên Bí thư Tỉnh ủy Bình Định, đã phát biểu."))
    [person] = result.persons
    assert [(p.role, p.current) for p in person.positions] == [("Bí thư", False)]
    assert result.to_json()["persons"][0]["positions"] == []


def test_implied_place_is_filled_from_the_article():
    text = ("Sáng 5/7, tại Đà Nẵng, đồng chí Trương Quang Nghĩa, Bí thư Thành ủy phát biểu. "
            "Thành ủy Đà Nẵng đã họp.")
    assert positions(text)["Trương Quang Nghĩa"] == {("Bí thư", "Thành ủy Đà Nẵng")}


def test_abbreviated_names_and_credits_are_not_persons():
    result = extract(article("Ông Nguyễn Văn A. cho biết sự việc đã xảy ra.\nẢnh: Trần Minh Hùng"))
    assert result.persons == []


def test_dates_in_the_forms_news_uses():
    found = [(d.day, d.month, d.year) for d in find_dates("chiều 18/10, ngày 23/6/2021, 18-10-2021, sáng 5.7")]
    assert found == [(18, 10, None), (23, 6, 2021), (18, 10, 2021), (5, 7, None)]
    assert find_dates("tỷ lệ 118.251 người") == []


def test_numbered_document_with_date_and_issuer():
    result = extract(article("Ủy ban nhân dân tỉnh ban hành Quyết định số 166/QĐ-UBND ngày 16/1/2015 "
                             "của Ủy ban nhân dân tỉnh Bình Thuận về việc phê duyệt."))
    [doc] = result.documents
    assert (doc.type, doc.number, doc.date, doc.issuer) == (
        "Quyết định", "166/QĐ-UBND", "2015-01-16", "Ủy ban nhân dân tỉnh Bình Thuận")


def test_event_with_date_and_participants():
    result = extract(article("Chiều 18/10, đồng chí Trần Tuấn Anh, Trưởng Ban Kinh tế Trung ương có buổi làm việc "
                             "với Tỉnh ủy Nam Định. Cùng dự có đồng chí Nguyễn Hồng Sơn."))
    [event] = result.events
    assert (event.type, event.date) == ("buổi làm việc", "--10-18")
    assert event.participants == ["Trần Tuấn Anh", "Nguyễn Hồng Sơn"]


def test_planned_events_are_not_reported():
    assert extract(article("Ngày 20/11, tỉnh sẽ tổ chức hội nghị tổng kết.")).events == []


def test_evidence_points_into_the_original_text():
    text = "Ông Đinh Quốc Thái, Chủ tịch UBND tỉnh Đồng Nai, phát biểu."
    result = extract(article(text, title=""))
    [person] = result.persons
    ev = person.positions[0].evidence
    assert ev.sentence == text
    assert text[ev.start:ev.end] == "Đinh Quốc Thái"


def test_seed_article_extracts_as_annotated():
    text = (SAMPLE / "haiphong-2021-10-18.txt").read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    result = extract(article(body, title=title)).to_json()
    people = {p["name"]: {(q["role"], q["org"]) for q in p["positions"]} for p in result["persons"]}
    assert people == {
        "Trần Tuấn Anh": {("Ủy viên", "Bộ Chính trị"), ("Trưởng", "Ban Kinh tế Trung ương"),
                          ("Trưởng", "Đoàn kiểm tra của Bộ Chính trị")},
        "Nguyễn Hồng Sơn": {("Phó Trưởng", "Ban Kinh tế Trung ương"),
                            ("Phó Trưởng", "Đoàn kiểm tra của Bộ Chính trị")},
        "Trần Lưu Quang": {("Ủy viên", "Ban Chấp hành Trung ương Đảng"), ("Bí thư", "Thành ủy Hải Phòng"),
                           ("Trưởng", "Đoàn đại biểu Quốc hội thành phố Hải Phòng")},
    }
    [event] = result["events"]
    assert event["date"] == "--10-18" and len(event["participants"]) == 3
    numbered = {(d["type"], d["number"], d["issuer"]) for d in result["documents"] if d["number"]}
    assert numbered == {("Chương trình", "11-CTr/TW", "Bộ Chính trị"),
                        ("Quyết định", "137-QĐNS/TW", "Bộ Chính trị")}


def test_output_validates_against_the_shared_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction.schema.json"
    if not schema_path.exists():
        pytest.skip("shared/eval is not beside the repository")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    text = (SAMPLE / "haiphong-2021-10-18.txt").read_text(encoding="utf-8")
    jsonschema.validate(extract(article(text)).to_json(), schema)


def test_title_after_a_dash_and_a_bracketed_abbreviation():
    got = positions("Ông Trần Văn Phúc - Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn (NN-PTNT), "
                    "Tổ trưởng Tổ Thẩm định độc lập của tỉnh Bình Định - cho biết.")
    assert got["Trần Văn Phúc"] == {
        ("Phó Giám đốc", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Định"),
        ("Tổ trưởng", "Tổ Thẩm định độc lập của tỉnh Bình Định")}


def test_title_after_a_linking_verb():
    got = positions("Ông Phạm Văn Nông giữ chức Giám đốc Bệnh viện Đa khoa huyện Thanh Bình từ năm 2003.")
    assert got["Phạm Văn Nông"] == {("Giám đốc", "Bệnh viện Đa khoa huyện Thanh Bình")}


def test_a_place_after_an_admin_word_is_not_a_person():
    got = positions("Ông Lê Văn Hậu, Phó Chủ tịch UBND phường Lê Thanh Nghị xác nhận sự việc.")
    assert got == {"Lê Văn Hậu": {("Phó Chủ tịch", "Ủy ban nhân dân phường Lê Thanh Nghị")}}


def test_a_school_named_after_a_person_is_a_body():
    result = extract(article("Phó Thủ tướng thăm Hội đồng thi Trường THPT Bùi Hữu Nghĩa."))
    assert result.persons == []
    assert [o.name for o in result.organisations] == ["Hội đồng thi Trường trung học phổ thông Bùi Hữu Nghĩa"]


def test_a_province_ends_a_body_and_the_name_after_it_is_a_person():
    got = positions("Chủ tịch UBND tỉnh Đồng Tháp Nguyễn Văn Dương đã có văn bản chỉ đạo.")
    assert got == {"Nguyễn Văn Dương": {("Chủ tịch", "Ủy ban nhân dân tỉnh Đồng Tháp")}}


def test_a_district_committee_takes_the_district_of_the_article():
    got = positions("Bà Hứa Thị Hồng Đang, Phó bí thư Quận ủy, Chủ tịch UBND quận Tân Phú phát biểu.")
    assert got["Hứa Thị Hồng Đang"] == {("Phó Bí thư", "Quận ủy Tân Phú"),
                                        ("Chủ tịch", "Ủy ban nhân dân quận Tân Phú")}


def test_a_given_name_alone_is_the_person_named_before():
    result = extract(article("Ông Đào Anh Hải, Chánh Văn phòng Sở Y tế tỉnh Đồng Tháp, cho biết. "
                             "Theo ông Hải, sự việc đã được xử lý."))
    assert [p.name for p in result.persons] == ["Đào Anh Hải"]


def test_a_country_is_a_place_not_a_body():
    result = extract(article("Phó Thủ tướng Phạm Bình Minh thăm Tây Ban Nha."))
    assert result.organisations == [] or all("Ban Nha" not in o.name for o in result.organisations)


def test_a_body_that_takes_only_a_place_stops_before_other_words():
    result = extract(article("Ủy ban nhân dân tỉnh chấp thuận đề nghị của Sở Tài chính tỉnh Đồng Nai."))
    names = {o.name for o in result.organisations}
    assert "Ủy ban nhân dân tỉnh Đồng Nai" in names and not any("chấp thuận" in n for n in names)


def test_shorter_titles_of_one_document_are_merged():
    result = extract(article("Quán triệt Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng. "
                             "Học tập Nghị quyết Đại hội XIII của Đảng."))
    assert [d.name for d in result.documents] == ["Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng"]


def test_a_date_in_brackets_dates_the_event():
    result = extract(article("Sáng nay (22.6), Phó Thủ tướng Vũ Đức Đam đã đến thăm các thí sinh tại Cần Thơ."))
    assert [(e.type, e.date) for e in result.events] == [("chuyến thăm", "--06-22")]


def test_a_date_of_what_is_still_to_come_does_not_date_the_event():
    result = extract(article("Chiều 26-6, UBND tỉnh Bình Định đã tổ chức cuộc họp. Kết luận tại buổi làm việc, "
                             "ông Trần Châu cho biết ngày mai (27-6), các cơ sở sẽ sửa chữa tàu."))
    assert [(e.type, e.date) for e in result.events] == [("cuộc họp", "--06-26")]


def test_titled_documents_law_with_comma_and_descriptive_project():
    result = extract(article("Vi phạm Luật Phòng, chống tham nhũng. Hội nghị thảo luận về Đề án hoàn thiện thể chế "
                             "kinh tế thị trường. Nghị quyết một cách đồng bộ."))
    assert [(d.type, d.name) for d in result.documents] == [
        ("Luật", "Luật Phòng, chống tham nhũng"),
        ("Đề án", "Đề án hoàn thiện thể chế kinh tế thị trường")]


def test_a_person_after_a_city_committee_is_a_person_not_a_place():
    text = "Sáng 6/2, tại Hà Nội, Chủ tịch UBND thành phố Nguyễn Đức Chung cho biết."
    assert positions(text) == {"Nguyễn Đức Chung": {("Chủ tịch", "Ủy ban nhân dân thành phố Hà Nội")}}


def test_a_district_name_of_two_words_ends_before_the_holder():
    got = positions("Chủ tịch UBND huyện Hải Hà Nguyễn Mạnh Cường phát biểu.")
    assert got == {"Nguyễn Mạnh Cường": {("Chủ tịch", "Ủy ban nhân dân huyện Hải Hà")}}


def test_an_honorific_inside_a_place_name_is_not_one():
    result = extract(article("Phòng Giáo dục và Đào tạo quận Hai Bà Trưng họp."))
    assert result.persons == []


def test_foreign_names_after_royal_titles_and_heads_of_state():
    result = extract(article("Phó Thủ tướng Phạm Bình Minh yết kiến Nhà vua Tây Ban Nha Felipe VI. "
                             "Nhà vua Felipe nhắc lại ấn tượng về Vua Juan Carlos và Hoàng hậu Sofia."))
    assert {p.name for p in result.persons} == {"Phạm Bình Minh", "Felipe VI", "Juan Carlos", "Sofia"}


def test_a_degree_before_a_word_does_not_make_a_name():
    result = extract(article("Ông Đặng Việt Dũng có trình độ Tiến sĩ Kỹ thuật."))
    assert [p.name for p in result.persons] == ["Đặng Việt Dũng"]


def test_a_group_list_after_gom_and_a_district_body_with_its_place_implied():
    text = ("Kỷ luật đối với bà Võ Thị Thanh Hằng, Phó Ban Bồi thường giải phóng mặt bằng quận Tân Phú. "
            "Kỷ luật khiển trách với 3 phó Ban Bồi thường giải phóng mặt bằng quận, gồm: "
            "ông Võ Quốc Tuấn, Mai Văn Trường.")
    got = positions(text)
    body = "Ban Bồi thường giải phóng mặt bằng quận Tân Phú"
    assert got == {name: {("Phó Trưởng", body)} for name in ("Võ Thị Thanh Hằng", "Võ Quốc Tuấn", "Mai Văn Trường")}


def test_a_role_with_its_body_named_by_a_place():
    got = positions("Ông Nguyễn Tiến Lực, Chánh Thanh tra quận Tân Phú, bị khiển trách.")
    assert got == {"Nguyễn Tiến Lực": {("Chánh Thanh tra", "Thanh tra quận Tân Phú")}}


def test_a_ministry_role_names_its_field_not_a_local_body():
    text = "Bộ trưởng Công an Tô Lâm làm việc tại tỉnh Hòa Bình. Tỉnh Hòa Bình có nhiều dân tộc."
    assert positions(text)["Tô Lâm"] == {("Bộ trưởng", "Bộ Công an")}
    got = positions("Phó Ban Tổ chức Trung ương Nguyễn Văn An và Hiệu trưởng Đại học Vinh Đinh Xuân Khoa dự họp.")
    assert got["Nguyễn Văn An"] == {("Phó Trưởng", "Ban Tổ chức Trung ương")}
    assert got["Đinh Xuân Khoa"] == {("Hiệu trưởng", "Đại học Vinh")}


def test_former_cues_cố_and_capitalised_cựu_end_a_title():
    result = extract(article("Con trai của cố Thủ tướng Lý Quang Diệu phát biểu. Cựu tổng thống Mỹ Barack Obama dự lễ. "
                             "Ông Trần Nguyên Bình, Giám đốc Sở Y tế tỉnh Bình Định, cố gắng giải thích."))
    held = {p.name: {(q.role, q.current) for q in p.positions} for p in result.persons}
    assert held["Lý Quang Diệu"] == {("Thủ tướng", False)}
    assert held["Barack Obama"] == {("Tổng thống", False)}
    assert held["Trần Nguyên Bình"] == {("Giám đốc", True)}


def test_an_office_title_takes_the_office_of_a_body_lent_by_the_next_title():
    text = ("Ông Lê Văn Hải - Chánh Văn phòng, người phát ngôn Sở Y tế Long An - cho biết. "
            "Sở Y tế tỉnh Long An đã báo cáo.")
    assert positions(text)["Lê Văn Hải"] == {("Chánh Văn phòng", "Văn phòng Sở Y tế tỉnh Long An"),
                                             ("Người phát ngôn", "Sở Y tế tỉnh Long An")}


def test_one_capitalised_word_after_a_title_is_a_name_not_a_field():
    got = positions("Phó Thủ tướng Vũ Đức Đam, Thứ trưởng Ái đã yêu cầu sửa văn bản. Bộ trưởng Y tế Nguyễn Thị Kim Tiến dự họp.")
    assert got["Vũ Đức Đam"] == {("Phó Thủ tướng", "Chính phủ")}
    assert got["Nguyễn Thị Kim Tiến"] == {("Bộ trưởng", "Bộ Y tế")}


def test_an_aide_of_a_title_does_not_hold_it():
    got = positions("Người phát ngôn của Tổng thống Nga Dmitry Peskov cho biết. "
                    "Bà Lê Thị Hoa, đặc phái viên của Tổng Thư ký Liên Hợp Quốc, đến Hà Nội. "
                    "Vợ của Tổng thống Pháp Emmanuel Macron dự lễ.")
    assert got["Dmitry Peskov"] == set() and got["Lê Thị Hoa"] == set()
    assert got["Emmanuel Macron"] == {("Tổng thống", "Cộng hòa Pháp")}


def test_ended_titles_by_phrase_and_a_title_now_held():
    result = extract(article("Bà Lê Thị Thu - Chủ tịch UBND tỉnh Yên Bái nay là Bí thư Tỉnh ủy Yên Bái. "
                             "Ông Trần Văn Minh thôi giữ chức Bí thư Quận ủy Thanh Khê. "
                             "Ông Đỗ Văn Nam từng là Giám đốc Sở Y tế tỉnh Nam Định."))
    held = {p.name: {(q.role, q.current) for q in p.positions} for p in result.persons}
    assert held["Lê Thị Thu"] == {("Chủ tịch", False), ("Bí thư", True)}
    assert held["Trần Văn Minh"] == {("Bí thư", False)}
    assert held["Đỗ Văn Nam"] == {("Giám đốc", False)}


def test_a_lower_case_title_inside_a_clause_holds_the_name_after_it():
    got = positions("Thủ tướng Markovic đã gặp phó Tổng thống Mỹ Mike Pence. "
                    "Chủ tịch Quốc hội cũng cho biết đại biểu Quốc hội Nguyễn Thiện Nhân đã đề nghị. "
                    "Ông Nam cho biết tổng thống sẽ đến.")
    assert got["Mike Pence"] == {("Phó Tổng thống", "Hợp chúng quốc Hoa Kỳ")}
    assert got["Nguyễn Thiện Nhân"] == {("Đại biểu", "Quốc hội")}


def test_abbreviated_titles():
    got = positions("Ông Phạm Văn Hà – Phó TGĐ Công ty Xổ số điện toán Việt Nam cho biết. "
                    "Ông Lê Văn Hiếu, Chánh VP HĐND TP Đà Nẵng cho biết.")
    assert got["Phạm Văn Hà"] == {("Phó Tổng Giám đốc", "Công ty Xổ số điện toán Việt Nam")}
    assert got["Lê Văn Hiếu"] == {("Chánh Văn phòng", "Văn phòng Hội đồng nhân dân thành phố Đà Nẵng")}


def test_a_short_name_defined_in_brackets_stands_for_the_body():
    got = positions("Tập đoàn Dệt may Việt Nam (Vinatex) đã báo cáo. Chủ tịch Vinatex Lê Văn Nghị cam kết. "
                    "Ngân hàng TMCP Sài Gòn Thương tín (Sacombank) đã họp. "
                    "Ông Dương Văn Minh được bầu làm Chủ tịch HĐQT Sacombank.")
    assert got["Lê Văn Nghị"] == {("Chủ tịch", "Tập đoàn Dệt may Việt Nam")}
    assert got["Dương Văn Minh"] == {("Chủ tịch", "Hội đồng quản trị Ngân hàng Thương mại cổ phần Sài Gòn Thương tín")}


def test_a_common_noun_body_no_context_completes_is_no_position():
    got = positions("Đại hội cổ đông đã bầu ông Trần Văn Dũng làm Chủ tịch HĐQT thay ông Kiều Văn Hải.")
    assert got["Trần Văn Dũng"] == set()


def test_a_kind_of_body_however_capitalised_is_neither_listed_nor_held():
    result = extract(article("Bà Lê Thị Hoa, Chủ tịch Hội đồng Quản trị cho biết công ty sẽ chia cổ tức."))
    assert [p.positions for p in result.persons if p.name == "Lê Thị Hoa"] == [[]]
    assert all("Quản trị" not in o.name for o in result.organisations)


def test_the_central_bank_by_its_central_name():
    got = positions("Ông Nguyễn Văn Thanh, Phó Thống đốc Ngân hàng Nhà nước lưu ý rủi ro.")
    assert got["Nguyễn Văn Thanh"] == {("Phó Thống đốc", "Ngân hàng Nhà nước Việt Nam")}


def test_a_name_takes_the_title_it_was_chosen_for():
    got = positions("Ông Lê Văn Hòa được chọn làm Giám đốc Sở Y tế tỉnh Nam Định. Bà Trần Thị Mai trở thành Chủ tịch UBND huyện Giao Thủy.")
    assert got["Lê Văn Hòa"] == {("Giám đốc", "Sở Y tế tỉnh Nam Định")}
    assert got["Trần Thị Mai"] == {("Chủ tịch", "Ủy ban nhân dân huyện Giao Thủy")}


def test_chairman_of_a_place_heads_its_peoples_committee():
    got = positions("Ông Nguyễn Văn Quế, Chủ tịch xã Quảng Tân, huyện Tuy Đức cho biết. "
                    "Phó Chủ tịch tỉnh Nam Định Trần Văn Chung dự họp.")
    assert got["Nguyễn Văn Quế"] == {("Chủ tịch", "Ủy ban nhân dân xã Quảng Tân")}
    assert got["Trần Văn Chung"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nam Định")}


def test_a_ministry_field_then_its_country():
    got = positions("Bộ trưởng Lao động Philippines Silvestre Bello bày tỏ lo ngại.")
    assert got["Silvestre Bello"] == {("Bộ trưởng", "Bộ Lao động Philippines")}


def test_a_party_committee_member_of_the_body_named_next():
    got = positions("Cảnh cáo ông Trương Văn Đạt, Đảng ủy viên, Phó Giám đốc Sở Tài nguyên và Môi trường tỉnh Kon Tum.")
    assert got["Trương Văn Đạt"] == {("Ủy viên", "Đảng ủy Sở Tài nguyên và Môi trường tỉnh Kon Tum"),
                                     ("Phó Giám đốc", "Sở Tài nguyên và Môi trường tỉnh Kon Tum")}


def test_royals_hold_their_kingdom():
    got = positions("Phó Thủ tướng đã tiếp Hoàng hậu Hà Lan Maxima tại Hà Nội. Nữ hoàng Anh Elizabeth II phát biểu trước Quốc hội, nêu chương trình của Chính phủ.")
    assert got["Maxima"] == {("Hoàng hậu", "Vương quốc Hà Lan")}
    assert got["Elizabeth II"] == {("Nữ hoàng", "Vương quốc Anh")}


def test_a_title_in_short_brackets_after_the_name():
    got = positions("Theo ông Nguyễn Đình Tùng (Chủ tịch UBND huyện Quỳ Hợp), dự án đã xong. Sở Y tế (SYT) cho biết thêm.")
    assert got["Nguyễn Đình Tùng"] == {("Chủ tịch", "Ủy ban nhân dân huyện Quỳ Hợp")}


def test_a_foreign_holders_bare_title_in_the_one_country_named_with_it():
    got = positions("Người phát ngôn của Tổng thống Thổ Nhĩ Kỳ cho biết, Tổng thống T.Éc-đô-gan đã ký dự luật.")
    assert got["T.Éc-đô-gan"] == {("Tổng thống", "Cộng hòa Thổ Nhĩ Kỳ")}


def test_title_dash_honorific_name_and_an_aide_without_cua():
    got = positions("Phó Chủ tịch UBND tỉnh An Giang – ông Nguyễn Thanh Bình, yêu cầu Sở Y tế kiểm tra. "
                    "Thư ký báo chí Tổng thống Nga Dmitry Peskov khẳng định Moskva chưa sẵn sàng.")
    assert got["Nguyễn Thanh Bình"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh An Giang")}
    assert got["Dmitry Peskov"] == set()


def test_a_title_directly_before_the_next_name_opens_the_next_item():
    got = positions("Dự có ông Lê Văn An, Giám đốc Sở Y tế tỉnh Nam Định, Phó Chủ tịch UBND tỉnh Trần Văn Chung.")
    assert got["Lê Văn An"] == {("Giám đốc", "Sở Y tế tỉnh Nam Định")}
    assert got["Trần Văn Chung"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nam Định")}


def test_ngoai_truong_without_a_country_is_no_vietnamese_minister():
    got = positions("Trước đó, Ngoại trưởng Vương Nghị cho rằng vũ lực sẽ khiến tình hình xấu hơn. "
                    "Ngoại trưởng Nga Sergei Lavrov đã gặp người đồng cấp.")
    assert got["Vương Nghị"] == set()
    assert got["Sergei Lavrov"] == {("Bộ trưởng", "Bộ Ngoại giao Nga")}


def test_a_deputy_named_with_the_province_that_elected_them():
    got = positions("Tại phiên thảo luận, đại biểu Trần Hoàng Ngân (TP.HCM) đề nghị làm rõ. "
                    "Đại biểu Nguyễn Văn Sơn (huyện Giao Thủy) phát biểu tại kỳ họp Hội đồng nhân dân tỉnh.")
    assert got["Trần Hoàng Ngân"] == {("Đại biểu", "Quốc hội")}
    assert got["Nguyễn Văn Sơn"] == set()


def test_a_fixed_body_is_not_lent_and_a_ministry_is_not_a_local_office():
    got = positions("Chất vấn Bộ trưởng, đại biểu Nguyễn Thị Kim Thúy (Đà Nẵng) nêu rõ trách nhiệm của bộ. "
                    "Thứ trưởng Công an Bùi Văn Nam chủ trì họp báo. Trước đó, Công an đã bắt đối tượng tại Hà Nội.")
    assert got["Nguyễn Thị Kim Thúy"] == {("Đại biểu", "Quốc hội")}
    assert got["Bùi Văn Nam"] == {("Thứ trưởng", "Bộ Công an")}


def test_a_standing_board_with_no_holder_is_a_body():
    board = extract(article("Bí thư Tỉnh ủy và Thường trực HĐND tỉnh Quảng Trị đã có văn bản gửi Bộ Nội vụ."))
    assert "Thường trực Hội đồng nhân dân tỉnh Quảng Trị" in {o.name for o in board.organisations}
    got = positions("Ông Lê Văn Hùng, Thường trực HĐND tỉnh Quảng Trị cho biết.")
    assert got["Lê Văn Hùng"] == {("Thường trực", "Hội đồng nhân dân tỉnh Quảng Trị")}


def test_a_name_written_as_a_street_is_no_person_unless_titled():
    street = extract(article("Vụ tai nạn xảy ra ở vòng xoay Lê Đại Hành. Xe tải chạy từ Lý Thường Kiệt qua Lê Đại Hành."))
    assert "Lê Đại Hành" not in {p.name for p in street.persons}
    named = extract(article("Ông Lê Đại Hành sống trên đường Lê Đại Hành. Sau đó Lê Đại Hành về nhà."))
    assert "Lê Đại Hành" in {p.name for p in named.persons}


def test_a_treaty_named_by_its_short_name_alone_is_its_titled_one():
    both = extract(article("Hiệp định Đối tác xuyên Thái Bình Dương (TPP) đã được ký. Nhật Bản vẫn theo đuổi TPP."))
    assert [d.name for d in both.documents] == ["Hiệp định Đối tác xuyên Thái Bình Dương"]
    alone = extract(article("Nhật Bản vẫn theo đuổi TPP dù Mỹ đã rút khỏi hiệp định này."))
    assert [d.name for d in alone.documents] == ["TPP"]


def test_an_attache_title_is_no_name():
    result = extract(article("Đại tá Trần Văn Thái dẫn đầu Đoàn Tùy viên quốc phòng Việt Nam tại Lào."))
    assert {p.name for p in result.persons} == {"Trần Văn Thái"}


def test_a_name_before_a_bracketed_outlet_ending_a_paragraph_is_a_byline():
    text = "Bộ trưởng Nguyễn Chí Dũng làm việc với tỉnh Bình Định.\nLê Minh Hải (TTXVN)\nÔng Dũng đề nghị tỉnh cải cách."
    assert {p.name for p in extract(article(text)).persons} == {"Nguyễn Chí Dũng"}


def test_a_name_then_hien_giu_chuc_takes_the_title():
    got = positions("Ông Lê Văn Tiến hiện giữ chức Phó Chánh VP UBND TP Đà Nẵng.")
    assert got["Lê Văn Tiến"] == {("Phó Chánh Văn phòng", "Văn phòng Ủy ban nhân dân thành phố Đà Nẵng")}


def test_a_title_la_ong_x_is_held_by_x_unless_the_sentence_is_in_the_past():
    got = positions("Chủ tịch UBND tỉnh Nghệ An là ông Nguyễn Xuân Đường, còn Bí thư Tỉnh ủy là bà Lê Thị Hoa.")
    assert got == {"Nguyễn Xuân Đường": {("Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")},
                   "Lê Thị Hoa": {("Bí thư", "Tỉnh ủy Nghệ An")}}
    assert positions("Trước đó, Bí thư Tỉnh ủy Nghệ An là ông Hồ Đức Phớc.")["Hồ Đức Phớc"] == set()


def test_a_lower_case_title_after_a_name_and_a_dash():
    got = positions("Đại tá Nguyễn Văn Thọ - trưởng Phòng Tham mưu Công an tỉnh Đồng Nai - cho biết.")
    assert got["Nguyễn Văn Thọ"] == {("Trưởng phòng", "Phòng Tham mưu Công an tỉnh Đồng Nai")}


def test_a_sentence_opening_with_a_dash_then_a_lower_case_title():
    assert positions("- phó chủ tịch Lê Văn Hải nói.") is not None


def test_a_title_of_a_body_after_cua():
    got = positions("Trước đó, người phát ngôn của Nhà Trắng Sean Spicer cho hay.")
    assert got["Sean Spicer"] == {("Người phát ngôn", "Nhà Trắng")}


def test_a_ministry_field_ends_where_its_central_name_does():
    text = ("Thứ trưởng GTVT Lê Đình Thọ nói rằng dự án đang chậm. "
            "Bộ trưởng NN&PTNT Lê Văn Bình nói rằng ngành nông nghiệp đang phục hồi.")
    assert {o.name for o in extract(article(text)).organisations} >= {
        "Bộ Giao thông vận tải", "Bộ Nông nghiệp và Phát triển nông thôn"}
    assert positions(text)["Lê Đình Thọ"] == {("Thứ trưởng", "Bộ Giao thông vận tải")}


def test_a_brand_after_a_title_is_its_holders_body_but_not_a_body_abbreviation():
    got = positions("Ông Vũ Tiến Lộc, Chủ tịch VCCI cho biết doanh nghiệp đang khó. "
                    "Chủ tịch FIFA Gianni Infantino nói rằng giải đấu sẽ diễn ra. "
                    "Ông Mai Tiến Dũng, Chủ nhiệm VPCP cho biết Chính phủ sẽ họp.")
    assert got["Vũ Tiến Lộc"] == {("Chủ tịch", "VCCI")}
    assert got["Gianni Infantino"] == {("Chủ tịch", "FIFA")}
    assert ("Chủ nhiệm", "VPCP") not in got["Mai Tiến Dũng"]


def test_a_foreign_delegation_takes_its_country_and_its_ruling_party():
    got = positions("Thủ tướng Lào Thongloun Sisoulith tới Hà Nội. Đi cùng có các Ủy viên T.Ư Đảng: Somdy Douangdy, "
                    "Phó Thủ tướng; Khemmani Pholsena, Bộ trưởng Bộ Công thương. "
                    "Tổng Bí thư, Chủ tịch nước Lào Bounnhang Vorachith cũng tiếp đoàn.")
    party = "Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào"
    assert got["Somdy Douangdy"] == {("Ủy viên", party), ("Phó Thủ tướng", "Chính phủ Lào")}
    assert ("Ủy viên", party) in got["Khemmani Pholsena"]
    assert got["Bounnhang Vorachith"] == {("Tổng Bí thư", party), ("Chủ tịch nước", "Cộng hòa Dân chủ Nhân dân Lào")}


def test_a_commemorated_leader_holds_no_current_post():
    text = ("Nhân kỷ niệm 110 năm ngày sinh của đồng chí Tổng Bí thư Lê Duẩn, đoàn đã dâng hương. "
            "Tổng Bí thư Lê Duẩn là nhà lãnh đạo kiệt xuất. Sau khi dâng hương lên tượng đài, "
            "Bí thư Tỉnh ủy Quảng Trị Nguyễn Văn Hùng tham quan bảo tàng.")
    got = positions(text)
    assert got["Lê Duẩn"] == set()
    assert got["Nguyễn Văn Hùng"] == {("Bí thư", "Tỉnh ủy Quảng Trị")}


# (text, the current posts of the persons it names): one row per case, named as the test it was
TITLES_HELD = {
    "a_title_then_the_body_it_belongs_to_then_the_holder": (
        "Chiều 5/7, Cục trưởng Cục Quản lý thị trường, Bộ Công Thương Trần Hùng cho biết. "
        "Phó Cục trưởng Cục Thuế Doanh nghiệp lớn, Tổng cục Thuế, ông Võ Huy Cường trả lời.",
        {"Trần Hùng": {("Cục trưởng", "Cục Quản lý thị trường")},
         "Võ Huy Cường": {("Phó Cục trưởng", "Cục Thuế Doanh nghiệp lớn")}}),
    "a_counterpart_holds_the_title_named_before_in_the_country_named_after": (
        "Thủ tướng Nhật Bản Shinzo Abe và người đồng cấp Ấn Độ Narendra Modi đã hội đàm. "
        "Bộ trưởng Quốc phòng Mỹ James Mattis gặp người đồng cấp Úc Marise Payne. "
        "Ngoại trưởng Mỹ Rex Tillerson điện đàm với người đồng cấp Việt Nam Phạm Bình Minh.",
        {"Narendra Modi": {("Thủ tướng", "Chính phủ Ấn Độ")},
         "Marise Payne": {("Bộ trưởng", "Bộ Quốc phòng Úc")},
         "Phạm Bình Minh": set()}),  # a Vietnamese counterpart's title is not a foreign ministry's
    "a_deputy_abbreviated_with_the_province_that_elected_them": (
        "Trả lời chất vấn của Bộ trưởng Bộ Tài chính, ĐB Lê Văn Hòa (Bắc Giang) cho rằng cần làm rõ. "
        "ĐB Trần Thị Lan (đoàn TP.HCM) đồng tình.",
        {"Lê Văn Hòa": {("Đại biểu", "Quốc hội")},  # the minister's title is not the deputy's
         "Trần Thị Lan": {("Đại biểu", "Quốc hội")}}),
    "words_that_join_a_name_or_a_title_to_the_next_title": (
        "Ông Lê Văn Nam còn là Chủ tịch Hội đồng quản trị Công ty cổ phần Hòa Phát. "
        "Ông Trần Văn Bình, Chủ tịch UBND tỉnh Nam Định, đồng thời là Phó Bí thư Tỉnh ủy Nam Định, phát biểu.",
        {"Lê Văn Nam": {("Chủ tịch", "Hội đồng quản trị Công ty cổ phần Hòa Phát")},
         "Trần Văn Bình": {("Chủ tịch", "Ủy ban nhân dân tỉnh Nam Định"), ("Phó Bí thư", "Tỉnh ủy Nam Định")}}),
    "a_brand_after_a_title_is_the_company_the_article_names_in_full": (
        "Tập đoàn FLC vừa ký thỏa thuận với đối tác. Chủ tịch FLC Trịnh Văn Quyết cho biết dự án sẽ khởi công.",
        {"Trịnh Văn Quyết": {("Chủ tịch", "Tập đoàn FLC")}}),
    "a_chief_executive_is_a_title": (
        "Ông Nguyễn Văn Nam, Tổng Giám đốc điều hành Công ty cổ phần Hòa Phát cho biết. "
        "Bà Jane Fraser, Chủ tịch kiêm Giám đốc điều hành Tập đoàn Citigroup, phát biểu.",
        {"Nguyễn Văn Nam": {("Tổng Giám đốc điều hành", "Công ty cổ phần Hòa Phát")},
         "Jane Fraser": {("Chủ tịch", "Tập đoàn Citigroup"), ("Giám đốc điều hành", "Tập đoàn Citigroup")}}),
    "a_press_secretary_of_a_foreign_office_is_a_title": (
        "Thư ký báo chí Nhà Trắng Josh Earnest cho biết. Ông Dana Perino – Phó Thư ký Nhà Trắng – nói.",
        {"Josh Earnest": {("Thư ký báo chí", "Nhà Trắng")}, "Dana Perino": {("Phó Thư ký", "Nhà Trắng")}}),
    "a_post_the_article_calls_former_anywhere_is_not_current": (
        "Giám đốc FBI James Comey điều trần trước Quốc hội. Cựu Giám đốc FBI James Comey nói ông bị sa thải.",
        {"James Comey": set()}),
    "a_title_acted_for_is_not_the_actors": (
        "Thừa ủy quyền của Thủ tướng Chính phủ, Bộ trưởng Bộ Tài chính Đinh Tiến Dũng đã trình bày tờ trình.",
        {"Đinh Tiến Dũng": {("Bộ trưởng", "Bộ Tài chính")}}),
}


@pytest.mark.parametrize("text, expected", TITLES_HELD.values(), ids=TITLES_HELD.keys())
def test_the_titles_a_text_gives_its_persons(text, expected):
    got = positions(text)
    for name, held in expected.items():
        assert got[name] == held, name


def test_a_post_held_by_one_person_at_a_time_goes_to_the_holder_named_most():
    text = ("Tổng thống Mỹ Donald Trump tới Paris. Tổng thống Donald Trump hội đàm với Tổng thống Pháp. "
            "Chính sách này có từ thời Tổng thống Barack Obama.")
    got = positions(text)
    assert got["Donald Trump"] == {("Tổng thống", "Hợp chúng quốc Hoa Kỳ")}
    assert got["Barack Obama"] == set()
    tied = positions("Giám đốc Sở Y tế tỉnh Nam Định Lê Văn Hùng bàn giao cho Giám đốc Sở Y tế tỉnh Nam Định Trần Văn Bình.")
    assert tied["Lê Văn Hùng"] == tied["Trần Văn Bình"] == {("Giám đốc", "Sở Y tế tỉnh Nam Định")}  # a tie: both


def test_a_board_named_alone_is_the_board_of_the_one_company_its_sentence_names():
    posts = all_posts("Công ty cổ phần Hữu Nghị do bà Mai Thị Khánh làm Chủ tịch HĐQT đã ký hợp đồng. "
                      "Bà Lê Thị Hoa là Chủ tịch HĐQT, đã ký với Công ty Bình An và Công ty cổ phần Hữu Nghị.")
    assert posts["Mai Thị Khánh"] == [("Chủ tịch", "Hội đồng quản trị Công ty cổ phần Hữu Nghị")]
    assert posts["Lê Thị Hoa"] == []


def test_a_short_name_in_brackets_with_its_stock_code_names_the_company_not_its_board():
    posts = all_posts("Cổ đông bầu vào Hội đồng quản trị Ngân hàng Thương mại cổ phần Sài Gòn Thương tín "
                      "(Sacombank; mã: STB). Ông Trần Văn Bình làm Tổng Giám đốc Sacombank.")
    assert posts["Trần Văn Bình"] == [("Tổng Giám đốc", "Ngân hàng Thương mại cổ phần Sài Gòn Thương tín")]


def test_a_lone_title_after_a_titled_name_and_before_a_verb_is_a_new_subject():
    posts = all_posts("Phó Thủ tướng Vũ Đức Đam gọi Thứ trưởng Bộ Y tế Lê Văn An, Phó Thủ tướng cho biết ông "
                      "không hài lòng. Bà Trần Thị Hoa, Phó Chủ tịch nước đánh giá cao lễ hội.")
    assert posts["Lê Văn An"] == [("Thứ trưởng", "Bộ Y tế")]
    assert posts["Trần Thị Hoa"] == [("Phó Chủ tịch nước", "Nhà nước")]


def test_a_title_after_tổ_công_tác_is_whom_the_working_group_serves():
    found = extract(article("Báo cáo với Tổ công tác Thủ tướng Chính phủ, Chủ tịch Tập đoàn Dệt may Việt Nam "
                            "Lê Văn Bình cam kết đạt mục tiêu."))
    assert [(q.role, q.org) for q in found.persons[0].positions] == [("Chủ tịch", "Tập đoàn Dệt may Việt Nam")]


def test_an_acronym_after_the_head_of_its_expansion_is_written_out_once():
    found = extract(article("Ngân hàng Thương mại cổ phần Sài Gòn Thương tín (Sacombank) họp. "
                            "Ông Lê Văn Bình làm Phó Tổng Giám đốc Ngân hàng Sacombank."))
    assert [(q.role, q.org) for q in found.persons[0].positions] == [
        ("Phó Tổng Giám đốc", "Ngân hàng Thương mại cổ phần Sài Gòn Thương tín")]


def test_a_bare_title_before_a_name_is_held_in_the_body_of_its_head_named_before_it():
    posts = all_posts("Thay mặt lãnh đạo Bộ Y tế, Bộ trưởng Lê Thị Hoa gửi lời chia buồn. Sở Tài chính tỉnh Nam "
                      "Định kỷ luật ông Trần Văn Nam (Trưởng phòng kế hoạch). Bộ trưởng Lê Văn Bình đề nghị Bộ Tài "
                      "chính cấp kinh phí.")
    assert posts == {"Lê Thị Hoa": [("Bộ trưởng", "Bộ Y tế")], "Trần Văn Nam": [], "Lê Văn Bình": []}


def test_title_of_the_one_met_is_not_the_next_names():
    got = positions("Trong cuộc gặp với Chủ tịch Ngân hàng Phát triển châu Á, Thủ tướng Nguyễn Xuân Phúc cảm ơn.")
    assert got["Nguyễn Xuân Phúc"] == {("Thủ tướng", "Chính phủ")}
    got = positions("Theo ý kiến của Bộ trưởng Bộ Tài chính, Chủ tịch Quốc hội Nguyễn Thị Kim Ngân đề nghị làm rõ.")
    assert got["Nguyễn Thị Kim Ngân"] == {("Chủ tịch", "Quốc hội")}


def test_head_and_deputy_after_của_are_two_persons():
    got = positions("Theo chỉ đạo của Thủ tướng, Phó Thủ tướng Trịnh Đình Dũng đã đi kiểm tra.")
    assert got["Trịnh Đình Dũng"] == {("Phó Thủ tướng", "Chính phủ")}


def test_one_persons_titles_after_với_stay_a_list():
    got = positions("Ông Trần Văn Hà hội đàm với Tổng Bí thư, Chủ tịch Lào Bounnhang Vorachith.")
    assert ("Chủ tịch", "Cộng hòa Dân chủ Nhân dân Lào") in got["Bounnhang Vorachith"]
    assert len(got["Bounnhang Vorachith"]) == 2
    got = positions("Đoàn đã gặp Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải.")
    assert got["Hoàng Trung Hải"] == {("Ủy viên", "Bộ Chính trị"), ("Bí thư", "Thành ủy Hà Nội")}
    got = positions("Ông Trần Văn Hà đã tiếp Bộ trưởng Ngoại giao kiêm Bộ trưởng Thương mại Úc Julie Bishop.")
    assert len(got["Julie Bishop"]) == 2


def test_acting_title_is_not_the_full_title():
    got = positions("Quyền Bộ trưởng Tư pháp Mỹ Sally Yates đã bị sa thải.")
    assert got["Sally Yates"] == {("Quyền Bộ trưởng", "Bộ Tư pháp Mỹ")}
    got = positions("Ông Lê Văn Tám, quyền Giám đốc Sở Y tế tỉnh Nghệ An, cho biết.")
    assert got["Lê Văn Tám"] == {("Quyền Giám đốc", "Sở Y tế tỉnh Nghệ An")}


def test_acting_holds_only_the_title_right_after_it():
    got = positions("Quyền Tổng thống kiêm Thủ tướng Hàn Quốc Hwang Kyo-ahn phát biểu.")
    assert ("Thủ tướng", "Chính phủ Hàn Quốc") in got["Hwang Kyo-ahn"]
    assert {role for role, _ in got["Hwang Kyo-ahn"]} == {"Quyền Tổng thống", "Thủ tướng"}


def test_government_of_a_president_is_no_acting_title():
    got = positions("Chính quyền Tổng thống Donald Trump đã quyết định rút khỏi hiệp định.")
    assert got["Donald Trump"] == {("Tổng thống", "Hợp chúng quốc Hoa Kỳ")}
    got = positions("Ông Lê Văn Tám được ủy quyền Chủ tịch Ủy ban nhân dân tỉnh Nghệ An ký văn bản.")
    assert not any(role.startswith("Quyền") for role, _ in got.get("Lê Văn Tám", set()))


def test_title_after_a_glued_full_stop():
    got = positions("Dự án bị quy hoạch khác đè lên.Chủ tịch UBND tỉnh Phú Yên Hoàng Văn Trà đã yêu cầu kiểm tra.")
    assert got["Hoàng Văn Trà"] == {("Chủ tịch", "Ủy ban nhân dân tỉnh Phú Yên")}


def test_a_glued_full_stop_splits_only_a_lower_case_word_from_a_capitalised_one():
    from kg.extract.text import sentences
    (sentence,) = sentences("Xe đạt 330 km/h.Trang bị ở Tp.Hà Nội, St.Petersburg, Zing.vn của E.Macron thì nữa.Được")
    words = [t.text for t in sentence.tokens]
    assert words[3:6] == ["km/h", ".", "Trang"] and words[-3:] == ["nữa", ".", "Được"]
    assert {"Tp.Hà", "St.Petersburg", "Zing.vn", "E.Macron"} <= set(words)
    assert all(sentence.span_text(k, k + 1) == t.text for k, t in enumerate(sentence.tokens))


GLUED = ("Thủ tướng Nguyễn Xuân Phúc dự hội nghị sáng nay tại Hà Nội. Nguyễn Xuân Phúc Tiếp đoàn doanh nghiệp Nhật tại trụ "
         "sở. Ông Nguyễn Xuân Phúc cho biết Chính phủ sẽ hỗ trợ các doanh nghiệp. Hội nghị kéo dài đến chiều cùng ngày.")


def test_a_name_glued_to_the_next_sentences_first_word_is_the_person_named_alone():
    result = extract(article(GLUED))
    (person,) = result.persons
    assert person.name == "Nguyễn Xuân Phúc" and len(person.evidence) == 3
    assert all(result.article.full_text[e.start:e.end] == "Nguyễn Xuân Phúc" for e in person.evidence)


def test_a_longer_name_written_as_often_as_its_first_words_stays_a_person():
    text = ("Bà Nguyễn Thị Hồng Ngát phát biểu tại buổi lễ sáng nay. Bà Nguyễn Thị Hồng Ngát cho biết sẽ tiếp tục. "
            "Bà Nguyễn Thị Hồng, người dân ở phường, nói rằng bà rất vui. Buổi lễ kết thúc vào buổi trưa cùng ngày.")
    assert {p.name for p in extract(article(text)).persons} == {"Nguyễn Thị Hồng Ngát", "Nguyễn Thị Hồng"}


def test_the_one_stood_in_for_is_not_the_deputy():
    got = positions("Thay mặt Chủ tịch nước, Phó Chủ tịch nước Đặng Thị Ngọc Thịnh trao quyết định.")
    assert got["Đặng Thị Ngọc Thịnh"] == {("Phó Chủ tịch nước", "Nhà nước")}


def test_a_head_and_its_deputy_of_one_body_are_two_persons():
    got = positions("Chủ tịch và Phó Chủ tịch UBND tỉnh Nghệ An Lê Xuân Đại đã đi kiểm tra đê.")
    assert got["Lê Xuân Đại"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")}
