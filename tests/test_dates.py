"""Years and article dates: only where the text ties a year to the event it reports."""
from kg.extract import extract
from kg.extract.dates import anniversary_years, month_years
from tests.conftest import article

def date_of(text, **kw):
    return extract(article(text, **kw)).date


def test_a_month_with_its_year_and_an_anniversary_range_give_years():
    assert month_years("Trong tháng 6/2018 và tháng 7 năm 2019, tháng 6-2018", 6) == {2018}
    assert anniversary_years("Nhân kỷ niệm 110 năm ngày sinh đồng chí (4/2/1908-4/2/2018), sáng 3/2") == [2018]
    assert anniversary_years("Giai đoạn 2016-2020, tỉnh phát triển") == []


def test_the_event_own_full_date_dates_the_article():
    assert date_of("Sáng 12/3/2018, Tỉnh ủy Lạng Sơn tổ chức hội nghị.") == "2018-03-12"


def test_the_year_of_the_event_month_dates_the_article():
    assert date_of("Sáng 12/3, Tỉnh ủy Lạng Sơn tổ chức hội nghị. Trong tháng 3/2018, tỉnh thu hút 5 dự án.") \
        == "2018-03-12"


def test_the_year_of_another_period_or_a_plan_in_the_lead_does_not_date_the_article():
    assert date_of("Sáng 12/3, Quốc hội họp bàn quyết toán ngân sách năm 2016 và quy hoạch đến năm 2030.") is None


def test_an_undated_article_stays_undated_whatever_years_it_names():
    assert date_of("Sáng 12/3, Tỉnh ủy Lạng Sơn tổ chức hội nghị. Năm 1995 tỉnh có 3 huyện. "
                   "Quy hoạch đến năm 2030 được thông qua.") is None


def test_a_birth_date_in_the_lead_is_not_the_article_date():
    result = extract(article("Tại đại hội, ông Trần Văn Hải, sinh ngày 10/5/1961, được bầu làm Chủ tịch."))
    assert result.date is None and [e.date for e in result.events] == [None]


def test_the_input_date_wins():
    assert date_of("Sáng 12/3/2016, Tỉnh ủy tổ chức hội nghị.", date="2018-03-13") == "2018-03-13"


def test_an_anniversary_range_dates_the_event_in_the_year_it_is_held():
    result = extract(article("Sáng 9/5, lễ kỷ niệm 72 năm Ngày Chiến thắng (9/5/1945 – 9/5/2017) diễn ra tại Moskva."))
    assert result.date == "2017-05-09" and {e.date for e in result.events} <= {"--05-09", "2017-05-09"}


def test_a_range_start_in_another_year_is_not_the_year_of_the_event():
    result = extract(article("Buổi lễ kỷ niệm 50 năm Ngày thiết lập quan hệ ngoại giao (24/6/1967 - 24/6/2017) "
                             "được tổ chức tại Hà Nội."))
    assert result.date == "2017-06-24" and "1967-06-24" not in {e.date for e in result.events}
