"""Persons and their positions: one construction per test, on sentences written for them."""
from kg.extract import extract, known, names
from kg.extract.known import mine_names, mine_places
from kg.extract.lexicon import PhraseMatcher, lexicon
from kg.extract.names import looks_foreign, thing_names
from kg.extract.text import sentences
from kg.normalize import fold, normalise
from tests.conftest import article


def persons(text: str) -> set[str]:
    return {p.name for p in extract(article(text)).persons}


def positions(text: str) -> dict[str, set[tuple[str, str]]]:
    result = extract(article(text))
    return {p.name: {(q.role, q.org) for q in p.positions if q.current} for p in result.persons}


def test_words_no_vietnamese_syllable_spells_look_foreign():
    assert all(map(looks_foreign, ["Gregor", "Walden", "Hee-sun", "K.Min-xơ", "Strauss"]))
    assert not any(map(looks_foreign, ["Nguyễn", "Khuyến", "Quỳnh", "Tập", "Kim", "NATO"]))


def test_head_of_government_takes_the_country_of_the_title():
    got = positions("Thủ tướng Australia Gregor Walden tiếp đoàn đại biểu tại thủ đô, chiều qua. "
                     "Thủ tướng Việt Nam Nguyễn Văn Tùng phát biểu tại buổi tiếp.")
    assert got == {"Gregor Walden": {("Thủ tướng", "Chính phủ Australia")},
                   "Nguyễn Văn Tùng": {("Thủ tướng", "Chính phủ")}}


def test_head_of_state_holds_the_state_by_its_formal_name():
    got = positions("Tổng thống Pháp Lucien Darrow và Chủ tịch Trung Quốc Hạ Minh Đạo gặp nhau.")
    assert got == {"Lucien Darrow": {("Tổng thống", "Cộng hòa Pháp")},
                   "Hạ Minh Đạo": {("Chủ tịch", "Cộng hòa Nhân dân Trung Hoa")}}


def test_foreign_minister_of_a_country():
    got = positions("Ngoại trưởng Canada Mark Holloway cho biết như vậy.")
    assert got == {"Mark Holloway": {("Bộ trưởng", "Bộ Ngoại giao Canada")}}


def test_initial_and_transliterated_surname_after_a_ministry():
    got = positions("Bộ trưởng Tài chính Đức K.Min-xơ phát biểu.")
    assert got == {"K.Min-xơ": {("Bộ trưởng", "Bộ Tài chính Đức")}}


def test_foreign_name_after_an_acronym_body():
    assert persons("Giám đốc CIA Harold Brinkley nói rằng cơ quan này đã nhận được báo cáo, hôm qua.") == {"Harold Brinkley"}


def test_foreign_name_before_a_comma_and_a_title():
    got = positions("Theo Walter Finch, Giám đốc Viện Kinh tế Hòa bình, thị trường sẽ ổn định.")
    assert got == {"Walter Finch": {("Giám đốc", "Viện Kinh tế Hòa bình")}}


def test_a_company_word_before_a_vietnamese_name_is_not_part_of_it():
    assert persons("Chủ tịch Vinaxco Trần Quốc Lâm cho biết.") == {"Trần Quốc Lâm"}


def test_a_foreign_word_after_a_bare_title_names_the_body_not_a_person():
    assert persons("Chủ tịch Brixton đã từ chức.") == set()


def test_a_foreign_surname_alone_does_not_hold_the_vietnamese_government():
    got = positions("Thủ tướng Canada Mark Holloway đến Hà Nội. Thủ tướng Holloway nói.")
    assert got == {"Mark Holloway": {("Thủ tướng", "Chính phủ Canada")}}


def test_a_time_word_after_a_name_in_a_caption_is_not_a_given_name():
    text = "Ảnh tư liệu về Bộ trưởng Phạm Quang Hòa Ngày 12/3, bộ đã họp bàn về kế hoạch năm tới."
    assert persons(text) == {"Phạm Quang Hòa"}
    assert persons("Theo ông Nguyễn Ngọc Sáng cho biết, công trình sẽ hoàn thành trong năm nay.") \
        == {"Nguyễn Ngọc Sáng"}


def test_a_capitalised_form_of_address_is_not_part_of_the_name():
    got = positions("Chánh Văn phòng HĐND tỉnh Ông Lương Văn Tài phát biểu khai mạc kỳ họp, sáng nay.")
    assert set(got) == {"Lương Văn Tài"}


def test_lunar_years_hospitals_and_family_lines_are_not_persons():
    text = ("Dịp Tết Đinh Dậu, 20 bệnh nhân được chuyển lên BV Bạch Mai và bệnh viện Trần Hưng. "
            "Ông sinh ra trong dòng họ Trần Khánh, một dòng họ khoa bảng nổi tiếng của vùng.")
    assert persons(text) == set()


def test_an_acronym_after_a_surname_is_a_body_not_a_given_name():
    assert persons("Đoàn TTVN có 400 vận động viên tham dự đại hội thể thao năm nay.") == set()


def test_a_one_word_role_with_no_body_is_a_given_name():
    got = positions("Ông Lê Văn Trưởng, Tổng Giám đốc Tập đoàn Sông Hồng, cho biết kế hoạch sản xuất.")
    assert got == {"Lê Văn Trưởng": {("Tổng Giám đốc", "Tập đoàn Sông Hồng")}}


def test_given_names_alone_are_the_person_named_in_full_before():
    text = ("Bộ trưởng Bộ Y tế Nguyễn Thị Kim Dung trả lời chất vấn của các đại biểu, chiều qua. "
            "Bộ trưởng Kim Dung cho biết ngành sẽ tăng phụ cấp cho bác sĩ.")
    assert persons(text) == {"Nguyễn Thị Kim Dung"}


def test_mining_keeps_names_cued_in_enough_articles_that_the_surname_rule_misses():
    texts = ["Tổng thống Mỹ Walter Grimsby tiếp ông Nguyễn Văn Tùng và bà Odile Marchetti tại thủ đô.",
             "Phát biểu tại hội nghị, Tổng thống Mỹ Walter Grimsby nhấn mạnh quan hệ hai nước.",
             "Cuộc gặp giữa ông Walter Grimsby và ông Nguyễn Văn Tùng diễn ra trong hai giờ."]
    articles = [article(t, ident=f"a{k}") for k, t in enumerate(texts)]
    assert mine_names(articles, min_articles=3) == [("Walter Grimsby", 3, "Mỹ")]
    assert ("Odile Marchetti", 1, "") in mine_names(articles, min_articles=1)


def test_a_known_name_is_a_person_without_a_cue(monkeypatch):
    text = "Cuộc gặp với Walter Grimsby dự kiến kéo dài hai ngày, theo nguồn tin ngoại giao cho biết."
    assert persons(text) == set()
    monkeypatch.setattr(lexicon(), "known_names", PhraseMatcher([("Walter Grimsby", "Walter Grimsby")]))
    assert persons(text) == {"Walter Grimsby"}


def test_an_office_title_holds_the_office_inside_the_body():
    got = positions("Ông Lê Hữu Phước, Chánh Văn phòng Sở Xây dựng tỉnh Long An, đã ký văn bản trả lời.")
    assert got == {"Lê Hữu Phước": {("Chánh Văn phòng", "Văn phòng Sở Xây dựng tỉnh Long An")}}


def test_a_fixed_body_written_out_after_its_title():
    got = positions("Phó Thủ tướng Thường trực Chính phủ Lê Minh Khôi đã yêu cầu tỉnh báo cáo sớm.")
    assert got == {"Lê Minh Khôi": {("Phó Thủ tướng Thường trực", "Chính phủ")}}


def test_a_member_of_the_national_assembly():
    got = positions("Đại biểu Quốc hội Trần Văn Khải đặt câu hỏi cho bộ trưởng về giá điện, chiều qua.")
    assert got == {"Trần Văn Khải": {("Đại biểu", "Quốc hội")}}


def test_the_longer_body_of_the_same_role_wins():
    text = ("Thủ tướng Singapore Lý Văn Đạt thăm Hà Nội trong hai ngày, theo lời mời của phía Việt Nam. "
            "Trước đó, Thủ tướng Lý Văn Đạt đã gặp các doanh nghiệp tại thành phố.")
    assert positions(text) == {"Lý Văn Đạt": {("Thủ tướng", "Chính phủ Singapore")}}


def test_a_head_of_state_named_without_a_country_holds_the_state_the_corpus_gives_him(monkeypatch):
    text = "Tổng thống Walter Grimsby đã ký sắc lệnh mới về thương mại, theo thông báo chiều qua."
    assert positions(text) == {"Walter Grimsby": set()}
    monkeypatch.setattr(known, "_countries", lambda: {"walter grimsby": "Mỹ"})
    assert positions(text) == {"Walter Grimsby": {("Tổng thống", "Hợp chúng quốc Hoa Kỳ")}}


def test_foreign_words_are_not_vietnamese_given_names():
    assert persons("Giải La Liga mùa này kết thúc sớm hơn thường lệ vì lịch thi đấu dày đặc.") == set()


def test_an_initial_and_surname_start_a_foreign_name_after_a_transliterated_country():
    got = persons("Thủ tướng Ca-na-đa G.Blê-cơ và Bộ trưởng Ph.Mơ-lanh đã tới dự hội nghị thượng đỉnh.")
    assert got == {"G.Blê-cơ", "Ph.Mơ-lanh"}


def test_only_an_acronym_between_a_title_and_a_foreign_name_names_the_body():
    assert persons("Chủ tịch HĐND Thủ đô Vientiane tiếp đoàn cán bộ tỉnh bạn, chiều qua.") == set()


def test_a_photo_credit_glued_to_the_next_sentence_ends_at_it():
    text = ("Ảnh: Minh Khôi Tại buổi làm việc, Phó Thủ tướng Lê Văn Thành yêu cầu các bộ phối hợp chặt chẽ.\n"
            "Ông Trần Hữu Nam phát biểu tại hội nghị (Ảnh: Quang Vinh) và nêu ba kiến nghị.")
    assert persons(text) == {"Lê Văn Thành", "Trần Hữu Nam"}


def test_titles_in_brackets_after_the_name():
    got = positions("Ông Lê Quang Tùng (Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy Nam Định) "
                    "phát biểu tại hội nghị.")
    assert got == {"Lê Quang Tùng": {("Ủy viên", "Ban Thường vụ Tỉnh ủy Nam Định"),
                                     ("Trưởng", "Ban Tuyên giáo Tỉnh ủy Nam Định")}}


def test_the_governor_of_the_state_bank():
    got = positions("Phó Thống đốc Ngân hàng Nhà nước Lê Văn Cường cho biết lãi suất sẽ ổn định trong quý tới.")
    assert got == {"Lê Văn Cường": {("Phó Thống đốc", "Ngân hàng Nhà nước Việt Nam")}}


def test_mining_drops_brands_initials_and_shared_given_names():
    texts = [f"Ông Grimsby gặp ông Tr. và ông Zorblax; anh Tuấn Anh, Giám đốc Công ty An Phú, dự buổi {k}."
             for k in range(3)] + ["Tổng thống Mỹ Walter Grimsby phát biểu tại hội nghị thượng đỉnh."] * 3
    rows = mine_names([article(t, ident=f"b{k}") for k, t in enumerate(texts)], min_articles=3)
    assert [name for name, _, _ in rows] == ["Grimsby", "Walter Grimsby"]


def test_names_of_streets_crossings_and_branches_are_not_persons():
    text = ("Xe tải lật tại vòng xoay Lê Văn Sỹ - Phạm Ngọc Thạch - Trần Quang Diệu, chiều qua. "
            "Đại lộ Võ Văn Kiệt ngập sâu; nhánh cầu vượt Hoàng Văn Thụ hướng Trường Chinh thông xe. "
            "Ông Đặng Văn Hải, tài xế, cho biết xe chạy từ hầm chui Trần Khánh Dư.")
    assert persons(text) == {"Đặng Văn Hải"}


def test_names_of_schools_companies_and_prizes_are_not_persons():
    text = ("Học sinh Trường THCS Phan Bội Châu và trường Đại học Tôn Đức Thắng nhận giải thưởng "
            "Võ Trường Toản; Công ty TNHH Hoàng Anh Tuấn tài trợ. Hiệu trưởng Lê Thị Mai trao giải cho các em học sinh.")
    assert persons(text) == {"Lê Thị Mai"}


def test_a_name_after_a_house_number_is_an_address():
    text = "Cửa hàng ở số 115 Lê Thánh Tông, quận Hoàn Kiếm; chủ cửa hàng là bà Trần Thị Hoa."
    assert persons(text) == {"Trần Thị Hoa"}
    assert persons("Năm 2016 Đỗ Thị Hằng đoạt giải nhất cuộc thi.") == {"Đỗ Thị Hằng"}


def test_a_name_the_article_writes_as_a_street_is_the_street_throughout():
    text = ("Cầu vượt nút giao Lê Văn Sỹ - Phạm Ngọc Thạch sẽ thông xe. "
            "Xe đi từ Lê Văn Sỹ qua Phạm Ngọc Thạch mất 5 phút.")
    sents = sentences(normalise(text).text)
    assert thing_names(sents, lexicon()) == {fold("Lê Văn Sỹ"), fold("Phạm Ngọc Thạch")}


def test_a_sentence_opener_glued_to_a_name_is_not_a_given_name():
    assert persons("Đoàn kiểm tra do ông Võ Văn Dũng Ngoài ra, tỉnh còn lập ba tổ công tác.") == {"Võ Văn Dũng"}


def test_an_initial_and_a_transliterated_surname_are_a_name_without_a_cue():
    text = "Cuộc họp có mặt G.Blê-cơ và đại diện của phe đối lập Ph.Mơ-lanh, cùng ông Trần Văn Hải."
    assert persons(text) == {"G.Blê-cơ", "Ph.Mơ-lanh", "Trần Văn Hải"}


def test_a_korean_surname_and_a_hyphenated_given_name_are_a_name_without_a_cue():
    text = "Hai nghị sĩ được cử đi là Kang Min-jae và Yoon Sung-ho, theo hãng tin Yonhap cho biết."
    assert persons(text) == {"Kang Min-jae", "Yoon Sung-ho"}
    assert persons("Máy chiếu Moto Insta-share được bán ra từ tháng tới với giá thấp hơn dự kiến.") == set()


def test_a_foreign_name_after_an_occupation_a_rank_or_a_degree():
    text = ("HLV Arno Kessler hài lòng với trận đấu, còn tiền đạo Luca Ferrante được thay ra sớm. "
            "Phát biểu tại phiên điều trần, trung tướng Dale Morrow cảnh báo nguy cơ xung đột.")
    assert persons(text) == {"Arno Kessler", "Luca Ferrante", "Dale Morrow"}
    assert persons("Sau trận thắng, hậu vệ Chile cho biết cả đội đã sẵn sàng cho trận chung kết.") == set()


def test_the_opener_of_a_sentence_glued_to_a_name_ends_it():
    text = ("Ảnh: Bộ trưởng Lê Minh Khôi Tuy nhiên, ông cho biết ngành còn nhiều khó khăn phía trước. "
            "Thứ trưởng Đỗ Văn Hải Tiếp đó, đoàn đến thăm nhà máy của công ty ở tỉnh bạn.")
    assert persons(text) == {"Lê Minh Khôi", "Đỗ Văn Hải"}
    assert persons("Ông Nguyễn Văn Đồng thời gian qua đã làm tốt công tác của xã nhà.") == {"Nguyễn Văn Đồng"}


def test_two_transliterated_words_are_a_name_without_a_cue():
    assert persons("Cuốn sách viết về cuộc đời Gioóc-giơ Oa-sinh-tơn và Tô-mát Giép-phơ-xơn.") == {
        "Gioóc-giơ Oa-sinh-tơn", "Tô-mát Giép-phơ-xơn"}
    assert persons("Đoàn đã tới Ả-rập Xê-út và mua xe Mercedes-Benz E-Class trong chuyến đi.") == set()


def test_a_particle_inside_a_foreign_name_and_an_abbreviated_name():
    text = "Người tiền nhiệm của ông, HLV Louis van Gaal, từng dẫn dắt đội bóng; hàng xóm là ông Tr. cho biết."
    assert persons(text) == {"Louis van Gaal"}
    assert persons("Giải V.League năm nay có 14 đội bóng tham dự, theo ban tổ chức cho biết.") == set()


def test_given_names_alone_after_an_occupation_or_a_kinship_word():
    text = ("Tiền đạo Xuân Trường ghi bàn thắng duy nhất của trận đấu tối qua trên sân nhà. "
            "Nạn nhân là chị Lê Thị Hoa và con trai Minh Khang, 4 tuổi, cùng ngồi trên xe.")
    assert persons(text) == {"Xuân Trường", "Lê Thị Hoa", "Minh Khang"}
    assert persons("HLV Việt Nam và tiền đạo U23 tới Hà Nội tập trung chuẩn bị cho giải đấu.") == set()


def test_mining_keeps_names_written_as_districts_and_hardly_ever_as_persons():
    texts = [f"Mưa lớn gây ngập ở huyện Kim Thành và phường Lê Lợi, ông Lê Lợi cho biết, bài {k}." for k in range(5)]
    rows = mine_places([article(t, ident=f"p{k}") for k, t in enumerate(texts)], min_articles=5)
    assert rows == [("Kim Thành", 5, 0)]


def test_mining_reads_a_name_inside_a_district_after_one_capitalised_word():
    texts = [f"Mưa ngập quận Bắc Từ Liêm; Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Văn Tùng chỉ đạo, bài {k}." for k in range(5)]
    rows = mine_places([article(t, ident=f"p{k}") for k, t in enumerate(texts)], min_articles=5)
    assert rows == [("Từ Liêm", 5, 0)]


def test_a_name_the_corpus_knows_as_a_place_is_a_person_only_after_a_cue(monkeypatch):
    monkeypatch.setattr(names, "_named_places", lambda: frozenset({fold("Kim Thành")}))
    assert persons("Các huyện Thanh Hà, Kim Thành (Hải Dương) bị ngập nặng sau trận mưa lớn đêm qua.") == set()
    assert persons("Giám đốc sở là ông Kim Thành, người đã có nhiều năm công tác tại địa phương.") == {"Kim Thành"}


def test_a_sentence_word_glued_to_a_name_is_not_a_given_name():
    text = "Ảnh: Bí thư Tỉnh ủy Trần Văn Quế Có mặt tại buổi lễ còn có nhiều lãnh đạo của tỉnh và các ngành."
    assert persons(text) == {"Trần Văn Quế"}


def test_given_names_after_an_occupation_are_no_show_and_no_club():
    assert persons("Nữ HLV The Face và HLV Sông Lam Nghệ An cùng xuất hiện trong chương trình tối qua.") == set()


def test_a_compound_ending_in_a_head_word_does_not_make_the_next_name_a_thing():
    assert persons("Bộ trưởng Tài nguyên và Môi trường Trần Hồng Hà làm việc với tỉnh.") == {"Trần Hồng Hà"}
    assert persons("Bộ trưởng Bộ NN&PTNT Nguyễn Xuân Cường làm việc với tỉnh.") == {"Nguyễn Xuân Cường"}


def test_a_city_before_a_dash_chains_no_street():
    assert persons("Chủ tịch UBND TP Hà Nội - Nguyễn Đức Chung cho rằng phải làm ngay.") == {"Nguyễn Đức Chung"}
    assert persons("Cầu vượt tại nút giao Nguyễn Kiệm - Nguyễn Thái Sơn đã thông xe.") == set()


def test_a_particle_joined_by_a_hyphen_goes_on_a_foreign_name():
    found = extract(article("Tổng thống Syria Bashar al-Assad tiếp Thủ tướng Iraq Haider al-Abadi."))
    assert {p.name for p in found.persons} == {"Bashar al-Assad", "Haider al-Abadi"}


def test_a_foreign_name_ends_at_its_hyphened_particle_word():
    found = extract(article("Tổng thống Syria Bashar al-Assad Ankara đã lên tiếng."))
    assert [p.name for p in found.persons] == ["Bashar al-Assad"]


def test_a_known_name_ends_before_a_vietnamese_word_that_starts_the_next_phrase():
    assert persons("Khu nghỉ dưỡng của Tổng thống Mỹ Donald Trump Nơi đây được mệnh danh là Nhà Trắng mùa đông.") \
        == {"Donald Trump"}
    assert persons("Quốc vương Salman Bin Abdul Aziz tiếp Ngoại trưởng Mỹ Rex Tillerson Chuyến thăm kéo dài hai ngày.") \
        == {"Salman Bin Abdul Aziz", "Rex Tillerson"}
    assert persons("Ông Donald Trump III phát biểu tại buổi lễ.") == {"Donald Trump III"}  # a regnal number


def test_a_known_name_after_a_ship_is_no_person():
    assert persons("Tàu sân bay USS Ronald Reagan rời cảng Yokosuka; tàu sân bay Reagan sẽ tuần tra.") == set()


def test_northern_minority_surnames_start_names():
    text = "Phó Chủ tịch Quốc hội Tòng Thị Phóng điều hành phiên họp; cử tri Lường Văn Pặn và ông Cấn Văn Lực phát biểu."
    assert persons(text) == {"Tòng Thị Phóng", "Lường Văn Pặn", "Cấn Văn Lực"}


def test_ngai_introduces_a_foreign_name():
    assert persons("Ngài Enggartiasto Lukita đánh giá cao kết quả hợp tác giữa hai nước.") == {"Enggartiasto Lukita"}


def test_mining_reads_names_written_as_streets_and_schools():
    texts = [f"Ùn tắc trên đường Lương Văn Can và trước trường THPT Chu Văn An, bài {k}." for k in range(5)]
    rows = mine_places([article(t, ident=f"s{k}") for k, t in enumerate(texts)], min_articles=5)
    assert sorted(rows) == [("Chu Văn An", 5, 0), ("Lương Văn Can", 5, 0)]


def test_the_rest_of_a_street_is_no_name(monkeypatch):
    monkeypatch.setattr(names, "_named_places", lambda: frozenset({fold("Phạm Văn Đồng"), fold("Lê Văn Lương")}))
    assert persons("Nhiều tuyến như Phạm Văn Đồng, Lê Văn Lương chìm trong nước; ông Lê Văn Tám cho biết.") \
        == {"Lê Văn Tám"}


def test_a_capitalised_address_inside_a_place_cues_no_name_to_mine():
    texts = [f"Mưa lớn ở tỉnh Bà Rịa Vũng Tàu và Đồng Nai, Bà Rịa Vũng Tàu, bài {k}." for k in range(3)]
    assert mine_names([article(t, ident=f"m{k}") for k, t in enumerate(texts)], min_articles=1) == []


def test_a_country_the_lists_know_only_as_a_not_person_is_no_part_of_a_name():
    text = "Quốc vương Saudi Arabia Salman bin Abdulaziz tiếp Ngoại trưởng Saudi Adel al-Jubeir tại cung điện."
    assert persons(text) == {"Salman bin Abdulaziz", "Adel al-Jubeir"}
    texts = [f"Quốc vương Saudi Arabia Salman Walid đón khách tại sân bay, bài {k}." for k in range(3)]
    assert [row[0] for row in mine_names([article(t, ident=f"k{k}") for k, t in enumerate(texts)], min_articles=3)] \
        == ["Salman Walid"]


def test_a_known_surname_after_an_unknown_foreign_first_name_is_no_name(monkeypatch):
    monkeypatch.setattr(lexicon(), "known_names", PhraseMatcher([("Williams", "Williams")]))
    assert persons("Trận đấu của Serena Williams kết thúc sớm vì trời mưa.") == set()
    assert persons("Trận đấu của Williams kết thúc sớm vì trời mưa.") == {"Williams"}


def test_one_capitalised_word_of_a_lower_case_compound_after_an_occupation_is_no_name():
    assert persons("Ba nghị sĩ Cộng hòa phản đối dự luật; cô dâu Việt lấy chồng Tây điển trai.") == set()
    assert persons("Thủ môn Lâm, tiền đạo Xuân Trường ghi bàn.") == {"Lâm", "Xuân Trường"}


def test_a_delegation_of_a_country_is_no_person():
    assert persons("Đoàn Việt Nam tham gia tích cực vào các phiên thảo luận; ông Đoàn Văn Việt phát biểu.") \
        == {"Đoàn Văn Việt"}


def test_from_a_place_is_no_person():
    assert persons("Từ Đà Nẵng đến Bình Thuận trời có mưa rào. Từ Pháp, ông Từ Minh Khoa gửi thư về.") \
        == {"Từ Minh Khoa"}


def test_a_caption_ends_at_a_run_of_spaces_before_a_capital():
    text = ("Đội tuyển đã tập luyện. HLV Nguyễn Hữu Thắng  Không giống như AFF Cup, giải đấu này khó hơn. "
            "Các cầu thủ sẽ ra sân vào tối mai. Trận đấu được truyền hình trực tiếp.")
    assert [s.text for s in sentences(text)][1:3] == ["HLV Nguyễn Hữu Thắng", "Không giống như AFF Cup, giải đấu này khó hơn."]
    assert "Nguyễn Hữu Thắng" in persons(text)


def test_a_run_of_spaces_inside_a_sentence_keeps_the_title_with_its_holder():
    text = "Phó Thủ tướng giao Bộ trưởng Tài nguyên và Môi trường  Trần Hồng Hà  tổ chức theo dõi."
    assert len(sentences(text)) == 1
    holder = next(p for p in extract(article(text)).persons if p.name == "Trần Hồng Hà")
    assert [(t.role, t.org) for t in holder.positions] == [("Bộ trưởng", "Bộ Tài nguyên và Môi trường")]


def test_a_name_that_starts_with_a_known_not_person_is_none():
    assert persons("Hôm qua, võ sư Thái Cực Quyền thua trận. Hồ Gươm Sáng nay đông khách, ông Thái Minh Cường nói.") \
        == {"Thái Minh Cường"}


def test_a_name_ends_before_a_mined_opener_of_the_next_sentence():
    text = "Ca sĩ đã lên tiếng. Ảnh: ca sĩ Lạc Minh Khang Trên trang cá nhân, anh viết lời xin lỗi."
    assert "Lạc Minh Khang" in persons(text)
    assert "Lạc Đức Chung" in persons("Hôm qua, Chủ tịch Lạc Đức Chung Giải thích về việc này, ông nói rõ hơn.")
    assert "Lạc Đức Đam" in persons("Hôm qua, Phó Thủ tướng Lạc Đức Đam Khẳng định ngành y tế sẽ đổi mới.")


def test_a_name_cut_to_initials_is_no_person():
    assert persons("Hôm qua, nữ sinh Trần Thị K.H. (17 tuổi) được đưa đi cấp cứu. Chị Đỗ Thị V.N kể lại.") == set()


def test_a_word_after_a_middle_name_is_the_given_name():
    assert persons("Nghi can Phạm Văn Được (60 tuổi) đã ra đầu thú, còn anh Lê Văn Tại kể lại sự việc.") \
        == {"Phạm Văn Được", "Lê Văn Tại"}


def test_a_rare_surname_before_a_middle_name_after_a_cue():
    assert positions("Hôm qua, Chủ tịch UBND tỉnh Cao Bằng Lèng Văn Hòa và bà Ngũ Thị Lụa dự lễ.") == {
        "Lèng Văn Hòa": {("Chủ tịch", "Ủy ban nhân dân tỉnh Cao Bằng")}, "Ngũ Thị Lụa": set()}
    assert persons("Đoàn du khách lên huyện Mèo Vạc rồi sang Đồng Văn ngắm cảnh.") == set()
    assert "Trưng Văn Minh" not in persons("Chị Hoa bán hàng trên đường Hai Bà Trưng Văn Minh mỗi sáng.")


def test_a_surname_that_starts_a_longer_body_head_is_no_person():
    assert persons("Sáng nay, Đoàn Thanh niên Cộng sản Hồ Chí Minh ra quân, ông Đoàn Thanh Sơn phát biểu.") \
        == {"Đoàn Thanh Sơn"}


def test_a_name_in_a_list_a_street_head_opens_is_no_person():
    assert persons("Nước ngập các tuyến đường như Kim Mã, Láng Hạ, Nguyễn Chí Thanh khiến xe chết máy.") == set()
    assert persons("Cây đổ trên phố Kim Mã và Trần Hưng Đạo.") == set()
    assert persons("Trên đường Láng, Trần Văn Tám điều khiển xe máy.") == {"Trần Văn Tám"}


def test_a_form_of_address_inside_a_street_name_introduces_no_person():
    assert persons("Tai nạn xảy ra trên phố Bà Triệu, gần khu phố Ông Đông.") == set()


def test_one_vietnamese_word_after_a_title_then_a_lower_case_word_is_no_name():
    assert persons("Thủ tướng tiếp Đại sứ Cộng hòa Sudan tại Hà Nội.") == set()
    assert persons("Tổng thống Mỹ Jon Brenner chê các tổng thống Cộng hòa tiền nhiệm.") == {"Jon Brenner"}
