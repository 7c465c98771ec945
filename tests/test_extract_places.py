"""The article's foreign country: compounds and bylines name no country; a foreign body takes no Vietnamese place."""
from kg.extract import extract
from kg.extract.lexicon import lexicon
from kg.extract.places import Places
from kg.extract.text import sentences
from kg.hierarchy import parent_of
from tests.conftest import article


def _country(text: str) -> str | None:
    return Places(sentences(text), lexicon()).country


def test_country_named_twice_is_the_articles_country():
    assert _country("Tổng thống Pháp thăm Đức. Quốc hội Pháp họp phiên bất thường.") == "Pháp"


def test_country_word_compounded_with_lower_case_syllable_is_no_country():
    assert _country("Vụ Pháp chế đã góp ý. Báo Pháp luật đưa tin về dự thảo.") is None


def test_byline_on_the_last_line_is_no_country():
    assert _country("Bộ Xây dựng nắm giữ cổ phần của công ty.\nAnh Quốc Anh Quốc") is None


def _orgs(text: str) -> list[str]:
    return [o.name for o in extract(article(text)).organisations]


def test_a_foreign_body_takes_no_place_of_the_article():
    assert _orgs("Đoàn đến TP Hồ Chí Minh, nơi Sở Di trú Mỹ và Sở Khoa học và Công nghệ Lào có đại diện. "
                 "TP Hồ Chí Minh đón đoàn.") == ["Sở Di trú Mỹ", "Sở Khoa học và Công nghệ Lào"]


def test_a_province_or_a_district_that_starts_or_ends_like_a_country_is_no_country():
    assert _orgs("HĐND Lào Cai và Bảo hiểm xã hội Đông Anh họp tại Hà Nội. Hà Nội đón đoàn.") == [
        "Hội đồng nhân dân tỉnh Lào Cai", "Bảo hiểm xã hội Đông Anh thành phố Hà Nội"]


def test_an_international_body_takes_no_country_of_a_foreign_article():
    assert _orgs("Nga cáo buộc phương Tây. Ủy ban châu Âu và Hội đồng Bảo an Liên hợp quốc họp. "
                 "Quốc hội Nga phản đối.") == ["Ủy ban châu Âu", "Hội đồng Bảo an Liên hợp quốc", "Quốc hội Nga"]


def test_a_numbered_district_is_in_the_province_whose_districts_are_numbered():
    assert _orgs("Hà Nội: Công an quận 9 bắt giữ hai người. Hà Nội và Hà Nội.") == [
        "Công an quận 9 Thành phố Hồ Chí Minh"]


def test_a_numbered_district_in_foreign_news_takes_no_vietnamese_province():
    assert _orgs("Pháp điều tra: Cảnh sát quận 9 Paris cho biết. Pháp.") == ["Cảnh sát quận 9"]


def _orgs(text: str) -> list[str]:
    return [o.name for o in extract(article(text)).organisations]


def test_a_province_in_brackets_after_a_body_is_its_place_not_the_articles():
    text = ("Ông Lâm, ngụ quận Ba Đình, Hà Nội, mất tích. Công an Tuy Phong (Ninh Thuận) cho biết ông Lâm ở Hà Nội. "
            "Sau đó Công an Tuy Phong xác minh tại Hà Nội.")
    assert _orgs(text) == ["Công an Tuy Phong tỉnh Ninh Thuận"]


def test_a_province_in_brackets_after_its_kind_is_the_bodys_place():
    assert _orgs("Ở Hà Nội, Hà Nội và Hà Nội, Công an Tuy Phong (tỉnh Ninh Thuận) vào cuộc.") == [
        "Công an Tuy Phong tỉnh Ninh Thuận"]


def test_a_country_in_brackets_after_a_body_is_its_country_not_the_articles():
    text = ("Nhật Bản nói Nhật Bản lo ngại. Chuyên gia của Viện Nghiên cứu Kinh tế Sejong (Hàn Quốc) nhận định "
            "về Nhật Bản.")
    assert _orgs(text) == ["Viện Nghiên cứu Kinh tế Sejong Hàn Quốc"]


def test_the_home_country_in_brackets_leaves_a_body_as_it_is():
    assert _orgs("Bộ Y tế (Việt Nam) và Bộ Y tế Lào ký kết.") == ["Bộ Y tế", "Bộ Y tế Lào"]


def test_a_body_named_with_a_foreign_word_takes_no_country_of_a_foreign_article():
    text = ("Pháp bầu cử. Pháp có tổng thống mới. Theo chuyên gia của Viện Brookings, Bộ Ngoại giao và Viện Nghiên cứu "
            "Chiến lược đều lo ngại.")
    assert _orgs(text) == ["Viện Brookings", "Bộ Ngoại giao Pháp", "Viện Nghiên cứu Chiến lược"]


def test_only_a_body_every_state_has_takes_the_country_of_a_foreign_article():
    text = ("Nga tập trận. Nga điều thêm quân. Chuyên gia của Trung tâm Nghiên cứu An ninh, Ủy ban Quốc phòng Quốc hội, "
            "Bộ Quốc phòng và Viện Nghiên cứu Chiến lược (Nga) đều lên tiếng.")
    assert _orgs(text) == ["Trung tâm Nghiên cứu An ninh", "Ủy ban Quốc phòng Quốc hội Nga", "Bộ Quốc phòng Nga",
                           "Viện Nghiên cứu Chiến lược Nga"]


def test_a_unit_of_a_foreign_government_takes_its_country_and_no_vietnamese_parent():
    orgs = _orgs("Mỹ siết quy định. Tổng thống Mỹ ký lệnh. Theo Văn phòng Đạo đức Chính phủ, lệnh này sai.")
    assert "Văn phòng Đạo đức Chính phủ Mỹ" in orgs
    assert parent_of("Văn phòng Đạo đức Chính phủ Mỹ") is None


def test_a_one_syllable_country_read_as_a_language_or_a_school_subject_is_no_country():
    text = ("Thí sinh thi ba môn Toán, Văn, Anh. Điểm môn tiếng Anh tăng, ngành Ngôn ngữ Anh lấy điểm cao. "
            "Bộ Giáo dục và Đào tạo công bố điểm sàn.")
    assert _country(text) is None
    assert _orgs(text) == ["Bộ Giáo dục và Đào tạo"]


def test_a_one_syllable_country_in_a_persons_name_or_as_a_pronoun_is_no_country():
    assert _country("Ca sĩ Tuấn Anh ra mắt album mới. Anh cho biết ông Đức và bà Nga đã giúp. "
                    "Quỳnh Anh và Minh Đức cùng hát.") is None


def test_a_one_syllable_country_after_a_cue_a_title_a_body_or_a_lower_case_word_is_a_country():
    assert _country("Thủ tướng Anh phát biểu. Chính phủ Anh và nước Anh lo ngại.") == "Anh"
    assert _country("Lệnh trừng phạt nhằm vào Nga. Nga đã đáp trả Mỹ.") == "Nga"
    assert _country("Vụ nổ ở Manchester, Anh làm 22 người chết. Mỹ, Anh và Pháp lên án.") == "Anh"


def test_the_security_council_is_the_united_nations_whatever_the_article_is_about():
    text = "Triều Tiên phóng tên lửa. Triều Tiên bị Hội đồng Bảo an lên án, Hội đồng Bảo an Liên Hiệp Quốc họp."
    assert _orgs(text) == ["Hội đồng Bảo an Liên hợp quốc"]


def test_a_federal_agency_of_the_us_is_the_us_whatever_country_the_article_is_about():
    text = "Nga bác bỏ cáo buộc. Nga cho rằng Cục Điều tra Liên bang (FBI) và Cục Dự trữ Liên bang đã sai."
    assert _orgs(text) == ["Cục Điều tra Liên bang Mỹ", "Cục Dự trữ Liên bang Mỹ"]


def test_an_acronym_after_another_head_spells_that_heads_field():
    text = "Chi cục Quản lý thị trường (QLTT) kiểm tra cửa hàng, rồi Đội QLTT số 5 và Cục QLTT vào cuộc."
    assert "Cục Quản lý thị trường" in _orgs(text)
    assert "Hội đồng quản trị Ngân hàng Thương mại cổ phần Sài Gòn Thương Tín" in _orgs(
        "Ngân hàng TMCP Sài Gòn Thương Tín (Sacombank) họp. Hội đồng quản trị Sacombank bầu chủ tịch.")


def test_a_province_whose_name_ends_in_another_of_its_names_is_written_once():
    assert _orgs("Theo báo cáo UBND tỉnh TT-Huế, Công an tỉnh Thừa Thiên Huế đã vào cuộc.") == [
        "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Công an tỉnh Thừa Thiên Huế"]


def test_a_place_that_ends_a_persons_name_is_no_place_of_the_article():
    places = Places(sentences("Phó Thủ tướng Trương Hòa Bình làm việc với Ban Thường vụ. Đại biểu Nguyễn Thái Bình "
                              "phát biểu. Đoàn Hưng Yên chất vấn. Từ Hà Nội, đoàn đi tiếp."), lexicon())
    assert [p.name for p in places.ranked] == ["Hưng Yên", "Hà Nội"]


def test_a_country_that_ends_a_persons_name_does_not_make_news_foreign():
    assert _country("Đại biểu Dương Trung Quốc chất vấn Bộ Văn hóa. Ông Dương Trung Quốc nói rõ.") is None


def test_abbreviated_bodies_are_written_out():
    assert _orgs("Giám đốc CATP Hà Nội gặp Chủ tịch HĐTV Tập đoàn PVN, đại diện CTCP Bánh kẹo Hải Hà, "
                 "Trường ĐH Y Hà Nội và Thanh tra Bộ GĐ-ĐT.") == [
        "Công an thành phố Hà Nội", "Hội đồng thành viên Tập đoàn PVN", "Công ty cổ phần Bánh kẹo Hải Hà",
        "Trường Đại học Y Hà Nội", "Thanh tra Bộ Giáo dục và Đào tạo"]


def test_a_committee_of_a_foreign_chamber_takes_the_country_the_article_names_the_chamber_with():
    assert _orgs("Chủ tịch Hạ viện Mỹ gặp ông John McCain, Chủ tịch Ủy ban Quân vụ Thượng viện, tại Hà Nội. "
                 "Thượng viện Mỹ họp.") == ["Hạ viện Mỹ", "Ủy ban Quân vụ Thượng viện Mỹ", "Thượng viện Mỹ"]
    assert _orgs("Ông Kosachev, Chủ tịch Ủy ban Đối ngoại Hội đồng Liên bang (Thượng viện Nga), nói tại Hà Nội.") == [
        "Ủy ban Đối ngoại Hội đồng Liên bang Nga"]


def test_a_chamber_named_with_two_countries_is_left_as_written():
    assert "Ủy ban Tư pháp Thượng viện" in _orgs("Thượng viện Mỹ và Thượng viện Pháp bàn. Ủy ban Tư pháp Thượng viện họp.")


def test_a_high_court_or_procuracy_takes_its_seat_and_no_province_of_the_article():
    orgs = _orgs("Ở Quảng Nam, TAND Cấp cao tại Đà Nẵng mở phiên phúc thẩm. VKSND Cấp cao tại Đà Nẵng giữ quyền "
                 "công tố. Quảng Nam đón đoàn.")
    assert orgs == ["Tòa án nhân dân Cấp cao tại Đà Nẵng", "Viện Kiểm sát nhân dân Cấp cao tại Đà Nẵng"]
    assert _orgs("Ở Long An, TAND Cấp cao đã bác kháng cáo. Long An đón đoàn.") == ["Tòa án nhân dân Cấp cao"]


def test_a_high_court_written_with_two_seats_takes_neither():
    assert _orgs("Ở Long An, TAND Cấp cao tại TP.HCM và TAND Cấp cao tại Hà Nội. Long An đón đoàn.") == [
        "Tòa án nhân dân Cấp cao"]


def test_the_peoples_police_is_national_and_takes_no_province_of_the_article():
    assert _orgs("Lực lượng Công an nhân dân diễn tập ở Quảng Bình. Quảng Bình đón đoàn.") == ["Công an nhân dân"]
    assert _orgs("Ông Nam bị bắt ở Quảng Bình. Quảng Bình đón đoàn.\nẢnh: CAND") == ["Công an nhân dân"]
