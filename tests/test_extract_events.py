"""Events: their nouns, dates and kinds, on sentences written for these tests."""
from kg.extract import extract
from kg.extract.events import same_kind
from tests.conftest import article


def events(text):
    return [(e.type, e.date) for e in extract(article(text)).events]


def test_a_compound_event_noun_is_its_type():
    assert events("Hai nhà lãnh đạo nhất trí tại hội nghị thượng đỉnh ở Manila.") == [("hội nghị thượng đỉnh", None)]
    assert events("Chiều 4/9, đại sứ dự lễ dâng hương tại đền Hùng.") == [("lễ dâng hương", "--09-04")]


def test_an_undated_background_event_is_kept_beside_a_dated_one():
    got = events("Sáng 12/3, Ban Thường vụ Tỉnh ủy Lạng Sơn tổ chức hội nghị. "
                 "Trước đó, đoàn đã có chuyến công tác tại Cao Bằng.")
    assert got == [("hội nghị", "--03-12"), ("chuyến công tác", None)]


def test_an_undated_mention_is_the_dated_event_of_its_kind():
    got = events("Sáng 12/3, tại Lạng Sơn diễn ra lễ khánh thành cầu Kỳ Lừa. Phát biểu tại buổi lễ, "
                 "ông Trần Văn Nam cảm ơn nhân dân.")
    assert got == [("lễ khánh thành", "--03-12")]


def test_kinds_compare_without_their_classifier():
    assert same_kind("buổi lễ", "lễ truy điệu") and same_kind("cuộc họp", "phiên họp báo")
    assert not same_kind("hội đàm", "hội nghị") and not same_kind("buổi làm việc", "chuyến thăm")


def test_a_session_named_after_an_undated_lead_takes_the_lead_date():
    got = events("Vinh danh công nhân giỏi\nTối 9-11, tại Nam Định, Công đoàn tỉnh tổ chức chương trình "
                 "vinh danh 50 công nhân. Phát biểu tại buổi lễ, ông Lê Văn Hòa chúc mừng các công nhân.")
    assert got == [("buổi lễ", "--11-09")]


def test_a_verb_is_an_event_only_where_its_sentence_dates_it():
    assert events("Ngày 8/2, Sở Xây dựng họp về kế hoạch nhà ở.") == [("buổi họp", "--02-08")]
    assert events("Các bác sĩ muốn đến làm việc ở thành phố.") == []


def test_buildings_bodies_and_sport_are_not_events():
    assert events("Đoàn tham dự Đại hội Thể thao châu Á tại Trung tâm Hội nghị Quốc gia.") == []
