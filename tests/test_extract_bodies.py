"""Bodies: where a name ends, abbreviations, foreign bodies, and the gazetteer `kg mine` builds."""
import pytest
from click.testing import CliRunner

from kg import gazetteer
from kg.cli import main
from kg.extract import extract
from kg.extract.lexicon import lexicon
from kg.extract.bodies import outlets
from kg.mine import established, mine_bodies, person_after_central
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


def test_a_company_head_without_a_capitalised_name_is_no_body():
    assert orgs("Tập đoàn tới đây sẽ họp, còn Tập đoàn Điện lực Bắc Bộ báo cáo.") == ["Tập đoàn Điện lực Bắc Bộ"]


def test_a_foreign_name_takes_no_vietnamese_words_after_it():
    assert orgs("Đại học Tasmania khuyên sinh viên đăng ký sớm.") == ["Đại học Tasmania"]


def test_a_police_chief_is_a_title_not_a_body():
    assert orgs("Cảnh sát trưởng địa phương Peter Hall xác nhận tin này.") == []


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


def test_outlets_and_closed_body_names_are_established_by_their_cues():
    found = established(article("Theo hãng tin Nordpress, Sở Y tế tỉnh Long An đã họp. Công văn gửi Bộ Y tế.\n"
                                "(Theo Dagblad)"))
    assert found == {("Nordpress", "press"), ("Dagblad", "press"), ("Bộ Y tế", "ministry")}


def test_a_name_is_mined_only_when_enough_articles_establish_it():
    texts = ["Hãng tin Nordpress cho biết Bộ Y tế đã họp."] * 3 + ["Hãng tin Sudpress đưa tin."]
    rows = mine_bodies(article(t, ident=f"a{i}") for i, t in enumerate(texts))
    assert ("Nordpress", "press", 3) in rows
    assert not any(name == "Sudpress" for name, _, _ in rows)


def test_a_verb_run_on_a_more_often_established_name_is_not_mined():
    texts = ["Công văn gửi Bộ Y tế."] * 6 + ["Thông tư do Bộ Y tế ban hành."] * 3
    rows = mine_bodies(article(t, ident=f"a{i}") for i, t in enumerate(texts))
    assert [name for name, _, _ in rows] == ["Bộ Y tế"]


def test_a_name_is_established_through_lower_case_words_that_punctuation_closes():
    found = established(article("Giám đốc Trung tâm Thẩm định chất lượng nước sạch (Bộ Y tế) nói. "
                                "Việc này cần Trung tâm Dịch vụ việc làm, nhưng chưa có."))
    assert ("Trung tâm Thẩm định chất lượng nước sạch", "state") in found
    assert ("Trung tâm Dịch vụ việc làm", "state") in found


def test_lower_case_words_with_a_stop_word_or_a_clause_word_establish_no_longer_name():
    found = established(article("Hồ sơ gửi Trung tâm Thẩm định cho biết ngay. Giấy tờ do Trung tâm Thẩm định tỉnh "
                                "ký. Đó là việc của Trung tâm Thẩm định đã làm."))
    assert not any(name.startswith("Trung tâm Thẩm định ") for name, _ in found)


def test_a_mined_name_with_lower_case_words_is_read_whole_where_the_rules_end_it_sooner(monkeypatch):
    from kg.extract import bodies
    mined = (("Trung tâm Thẩm định chất lượng nước sạch", "state", "3"),)
    caches = (bodies.known_bodies, bodies._known_names, bodies._known_pairs)
    assert orgs("Trung tâm Thẩm định chất lượng nước sạch thông báo kết quả.") == []  # cut inside its name
    monkeypatch.setattr(bodies.gazetteer, "mined_triples", lambda name: mined)
    for cache in caches:
        cache.cache_clear()
    try:
        assert orgs("Trung tâm Thẩm định chất lượng nước sạch thông báo kết quả.") == [
            "Trung tâm Thẩm định chất lượng nước sạch"]
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()


def test_companies_and_clubs_are_established_by_their_latin_names_after_a_cue():
    found = established(article("Giày của hãng Zorbex bán chạy. CLB Vardena thắng, công ty Sông Đà lỗ."))
    assert found == {("Zorbex", "company"), ("Vardena", "company")}


def test_a_mined_company_is_a_body_without_its_cue():
    company = next(name for name, kind, _ in gazetteer.triples("mined_bodies.tsv")
                   if kind == "company" and name.isascii())
    assert company in orgs(f"Ông Hải cho biết {company} sẽ mở thêm cửa hàng.")


def test_a_mined_outlet_is_a_body_without_its_cue():
    outlet = next(name for name, kind, _ in gazetteer.triples("mined_bodies.tsv") if kind == "press")
    assert outlets()[outlet].name in orgs(f"Theo {outlet}, giá dầu tăng mạnh trong tuần.")


def test_a_mined_company_inside_another_foreign_name_is_no_body():
    assert "Ford" in orgs("Xe của Ford bán chạy tại Mỹ.")
    assert "Apple" in orgs("CEO Apple Tim Cook phát biểu.")
    assert "Ford" not in orgs("Sản lượng dầu ở mỏ Eagle Ford tăng mạnh.")
    assert "Times" not in orgs("Theo Gainesville Times, vụ việc xảy ra năm ngoái.")


def test_kg_mine_writes_the_gazetteer(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(f"Tin số {i}\nTheo hãng tin Nordpress, giá dầu tăng.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", str(corpus), "--out", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    rows = (tmp_path / "data" / "mined_bodies.tsv").read_text(encoding="utf-8").splitlines()
    assert "Nordpress\tpress\t3" in rows


def credited(text):
    from kg.extract.bodies import credited_outlets
    from kg.extract.lexicon import lexicon
    from kg.extract.text import sentences
    from kg.normalize import normalise
    lex = lexicon()
    return [b.name for s in sentences(normalise(text).text) for b in credited_outlets(s, lex)]


def test_outlets_in_credit_lines_are_read_after_a_slash_and_in_brackets():
    assert credited("Minh Anh/VOV.VN") == ["Đài Tiếng nói Việt Nam"]
    assert credited("Lan Hương/VOV-Cần Thơ") == ["Đài Tiếng nói Việt Nam"]
    assert credited("Hội nghị bế mạc. (Nguồn: Reuters/TTXVN)") == ["Reuters", "Thông tấn xã Việt Nam"]
    assert credited("Thu Trang (TTXVN)") == ["Thông tấn xã Việt Nam"]
    assert credited("Ảnh: TTXVN/Tin Tức") == ["Thông tấn xã Việt Nam", "Báo Tin tức"]


def test_a_person_in_a_credit_or_a_bracket_is_no_outlet():
    assert credited("Nguyễn Dân/TTXVN") == ["Thông tấn xã Việt Nam"]
    assert credited("Bộ Y tế (Tin tức y khoa) cho biết.") == []
    assert credited("(Ảnh: LA Times)") == []


def test_vietnamese_outlets_are_named_in_running_text_under_their_listed_name():
    assert orgs("Trả lời Dân trí, ông Hải cho biết sẽ xem xét.") == ["Báo Dân trí"]
    assert orgs("Như Thanh Niên đã phản ánh, vụ việc kéo dài.") == ["Báo Thanh Niên"]
    assert orgs("Ông Hải nói với Vnexpress.net rằng dự án đã xong.") == ["VnExpress"]


def test_a_street_named_like_an_outlet_is_no_outlet():
    assert orgs("Cầu vượt trên đường Thanh Niên sẽ thông xe vào tháng 5.") == []


def test_an_outlet_word_read_only_in_credits_is_no_body_in_running_text():
    assert orgs("Tin tức về vụ cháy lan nhanh trên mạng.") == []


def test_bare_national_bodies_in_foreign_news_take_the_country_of_the_article():
    text = ("Quốc hội Canada họp phiên bất thường. Các nghị sĩ Canada chất vấn Chính phủ về ngân sách. "
            "Bộ Tài chính cho biết sẽ trả lời.")
    assert orgs(text) == ["Quốc hội Canada", "Chính phủ Canada", "Bộ Tài chính Canada"]


def test_national_bodies_stay_domestic_where_the_article_names_vietnam_or_a_province():
    assert orgs("Nghị sĩ Canada thăm Việt Nam. Canada và Quốc hội trao đổi kinh nghiệm.") == ["Quốc hội"]
    assert orgs("Nghị sĩ Canada thăm Đà Nẵng. Canada và Bộ Ngoại giao trao đổi.") == ["Bộ Ngoại giao"]


def test_two_countries_named_as_often_leave_a_body_without_a_country():
    assert orgs("Canada và Mexico đàm phán. Canada và Mexico đều muốn Chính phủ nhượng bộ.") == ["Chính phủ"]


def test_the_state_named_in_passing_is_no_body():
    assert orgs("Đảng, Nhà nước luôn quan tâm đến gia đình chính sách.") == []


def test_supreme_court_and_procuracy_and_the_state_treasury_are_national_bodies():
    assert orgs("Viện Kiểm sát nhân dân Tối cao phê chuẩn quyết định, tiền nộp vào Kho bạc Nhà nước.") == [
        "Viện Kiểm sát nhân dân tối cao", "Kho bạc Nhà nước"]


def test_a_foreign_holder_after_a_title_ends_the_ministry_name():
    assert orgs("Bộ trưởng Tài chính Anh Philip Hammond phát biểu.") == ["Bộ Tài chính Anh"]
    assert orgs("Bộ trưởng Nông nghiệp John Smith cho biết.") == ["Bộ Nông nghiệp"]


def test_a_kind_of_body_with_no_name_is_no_body():
    assert orgs("Hội đồng xét xử tuyên án, Hội đồng kỷ luật họp sau đó.") == []
    assert orgs("Đoàn công tác đã kiểm tra Công ty cổ phần Sông Đà.") == ["Công ty cổ phần Sông Đà"]


def test_a_kind_of_body_after_a_title_takes_its_full_name_from_the_article():
    text = ("Đoàn kiểm tra của Bộ Chính trị làm việc tại Hải Phòng. "
            "Dự có ông Nguyễn Văn Hải, Phó Trưởng Đoàn kiểm tra.")
    assert posts(text)["Nguyễn Văn Hải"] == {("Phó Trưởng", "Đoàn kiểm tra của Bộ Chính trị")}


def test_foreign_parties_cabinets_and_chambers_take_the_country_of_foreign_news():
    text = ("Bầu cử ở Canada: Đảng Bảo thủ thắng, Công đảng mất ghế. "
            "Thủ tướng Canada cải tổ Nội các, Hạ viện Canada họp ngày 5/6.")
    assert {"Đảng Bảo thủ Canada", "Công đảng Canada", "Nội các Canada", "Hạ viện Canada"} <= set(orgs(text))


def test_seats_of_foreign_power_and_international_bodies_are_bodies():
    assert orgs("Nhà Trắng và Điện Kremlin bác bỏ, Tổ chức Y tế Thế giới lên tiếng.") == [
        "Nhà Trắng", "Điện Kremlin", "Tổ chức Y tế Thế giới"]


def test_the_verb_to_organise_is_no_body():
    assert orgs("Tổ chức tốt kỳ thi là nhiệm vụ của Bộ Giáo dục và Đào tạo.") == ["Bộ Giáo dục và Đào tạo"]


def test_the_office_of_a_foreign_head_ends_before_the_holder():
    assert orgs("Văn phòng Thủ tướng Canada Justin Trudeau ra thông cáo.") == ["Văn phòng Thủ tướng Canada"]


def test_a_name_of_a_kind_of_body_is_unnamed():
    from kg.extract.bodies import unnamed_body
    from kg.extract.lexicon import lexicon
    lex = lexicon()
    assert unnamed_body("Hội đồng quản trị", lex) and unnamed_body("Đoàn kiểm tra", lex)
    assert not unnamed_body("Hội đồng quản trị Công ty Sông Đà", lex)
    assert not unnamed_body("Ủy ban nhân dân tỉnh Nghệ An", lex) and not unnamed_body("Quốc hội", lex)
    assert unnamed_body("Ủy ban nhân dân tỉnh", lex)  # no place completed it: the committee of no one province
    assert not unnamed_body("Chi bộ 4", lex)


def test_a_known_name_goes_on_in_lower_case_past_where_the_rules_end():
    assert orgs("Tổng cục Thể dục thể thao tổ chức giải.") == ["Tổng cục Thể dục thể thao"]


def test_a_name_is_established_through_the_syllables_that_finish_its_last_word():
    found = established(article("Tiền chuyển về Ngân hàng Nhà nước. Bộ Ngoại giao Nhật Bản cho biết. Báo Thanh Niên đưa tin."))
    assert ("Ngân hàng Nhà nước", "company") in found
    assert not any(name.endswith(("cho biết", "đưa tin")) for name, _ in found)


def test_an_acronym_the_article_defines_is_written_out():
    text = ("Ngân hàng TMCP Sài Gòn Công Thương (Saigonbank) họp cổ đông. "
            "Ông Trần Văn Hải, Chủ tịch HĐQT Saigonbank, cho biết. Ngân hàng Saigonbank sẽ tăng vốn.")
    full = "Ngân hàng Thương mại cổ phần Sài Gòn Công Thương"
    assert orgs(text) == [full, f"Hội đồng quản trị {full}"]
    assert posts(text)["Trần Văn Hải"] == {("Chủ tịch", f"Hội đồng quản trị {full}")}


def test_a_standing_board_is_a_body():
    from kg.extract.bodies import find_body
    from kg.extract.lexicon import lexicon
    from kg.extract.text import sentences
    from kg.normalize import normalise
    sentence = sentences(normalise("Tờ trình của Thường trực HĐND tỉnh Bình Định đã được thông qua.").text)[0]
    assert find_body(sentence, 3, lexicon()).name == "Thường trực Hội đồng nhân dân tỉnh Bình Định"


def test_a_party_branch_of_a_body_takes_the_body_whole():
    assert orgs("Kỷ luật đảng viên thuộc Đảng bộ Sở Tài nguyên và Môi trường tỉnh Gia Lai.") == [
        "Đảng bộ Sở Tài nguyên và Môi trường tỉnh Gia Lai"]
    assert orgs("Đảng bộ Công an tỉnh Nghệ An tổng kết năm.") == ["Đảng bộ Công an tỉnh Nghệ An"]


def test_a_bare_party_board_is_the_board_of_the_provinces_committee():
    assert orgs("Ban thường vụ đã thống nhất đề nghị. Tỉnh Yên Bái có 9 huyện, tỉnh Yên Bái rộng.") == [
        "Ban Thường vụ Tỉnh ủy Yên Bái"]
    assert orgs("Ban Thường vụ đã họp. Thành phố Đà Nẵng sẽ phát triển.") == ["Ban Thường vụ Thành ủy Đà Nẵng"]


def test_the_european_union_and_social_insurance_are_bodies():
    assert orgs("Anh rời Liên minh châu Âu, BHXH Việt Nam và BHXH tỉnh Nghệ An họp.") == [
        "Liên minh châu Âu", "Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội tỉnh Nghệ An"]


def test_an_implied_place_replaces_a_bare_capitalised_level():
    assert orgs("Ban Pháp chế HĐND TP họp. Thành phố Hà Nội đẹp, Hà Nội.") == [
        "Ban Pháp chế Hội đồng nhân dân thành phố Hà Nội"]


def test_a_body_of_two_countries_keeps_both():
    assert orgs("Kỳ họp Ủy ban liên Chính phủ Việt Nam - Lào diễn ra hôm nay.") == [
        "Ủy ban liên Chính phủ Việt Nam - Lào"]


def test_a_known_name_ends_before_a_verb_that_only_looks_like_a_place_word():
    assert orgs("Năm nay, kỳ thi được Bộ GD&ĐT tổ chức theo hướng mới.") == ["Bộ Giáo dục và Đào tạo"]


def test_a_newspaper_after_a_lower_case_bao_is_an_outlet():
    assert orgs("Phóng viên Duy Phong, báo Giáo dục Việt Nam, cho biết.") == ["Báo Giáo dục Việt Nam"]
    assert orgs("Theo báo điện tử Dân trí, 87% độc giả đồng ý.") == ["Báo Dân trí"]
    assert orgs("Theo báo Tuổi trẻ, ông Hải đã nghỉ.") == ["Báo Tuổi Trẻ"]


def test_a_word_that_bao_ends_is_no_newspaper():
    assert orgs("Nữ nhà báo Deborah Nelson nói, cơ quan tình báo Mỹ xác nhận.") == []
    assert not any(o.startswith("Báo") for o in orgs("Ông Hải trình báo Công an xã về vụ mất trộm."))


def test_an_unlisted_newspaper_name_that_runs_on_is_left_out():
    assert orgs("Theo báo Người lao động đưa tin hôm qua.") == []


def test_a_body_ends_before_a_preposition_that_opens_the_next_clause():
    assert orgs("Giáo sư Cho của Đại học Sogang ở Seoul cho biết.") == ["Đại học Sogang"]
    assert not any("đối" in o for o in orgs("Cách chức Phó Bí thư Chi bộ 4 đối với ông Cao Văn Phương."))


def test_fields_joined_by_an_ampersand_are_one_central_name():
    assert posts("Thứ trưởng Kế hoạch & Đầu tư Nguyễn Văn Hiếu dự họp.") == {
        "Nguyễn Văn Hiếu": {("Thứ trưởng", "Bộ Kế hoạch và Đầu tư")}}


def test_a_dash_between_two_bodies_keeps_them_apart():
    assert orgs("Quỹ Tấm lòng Việt - Đài Truyền hình Việt Nam trao quà.") == [
        "Quỹ Tấm lòng Việt", "Đài Truyền hình Việt Nam"]


def test_a_foreign_capital_is_the_place_of_its_council():
    text = "Chủ tịch Hội đồng Nhân dân Thủ đô Vientiane tiếp đoàn. Đoàn làm việc ở Hà Nội, Hà Nội."
    assert orgs(text) == ["Hội đồng Nhân dân Thủ đô Vientiane"]


def test_associations_funds_clubs_and_the_labour_confederation_are_bodies():
    assert orgs("Tổng LĐLĐ Việt Nam, Hiệp hội Du lịch Đà Nẵng, Quỹ Bảo trợ trẻ em và CLB Hà Nội họp.") == [
        "Tổng Liên đoàn Lao động Việt Nam", "Hiệp hội Du lịch Đà Nẵng", "Quỹ Bảo trợ trẻ em", "CLB Hà Nội"]


def test_a_foreign_holder_takes_the_country_only_for_a_national_body():
    text = "Nhà đầu tư Canada rót vốn. Ông Tần, Thành viên Hội đồng quản trị, và ông John Smith, Bộ trưởng Bộ Tài chính."
    assert "Hội đồng quản trị Canada" not in orgs(text)


def test_transliterated_countries_are_countries():
    assert "Chính phủ I-xra-en" in orgs("Chuyến thăm của Thủ tướng I-xra-en B.Nê-ta-ni-a-hu, nhà lãnh đạo mới.")


def test_an_initial_before_a_transliterated_name_is_no_commune():
    from kg.normalize import normalise
    assert normalise("Ngoại trưởng Nga X.La-vrốp nói, tại X.Tân Hòa, H.Châu Thành.").text == (
        "Ngoại trưởng Nga X.La-vrốp nói, tại xã Tân Hòa, huyện Châu Thành.")


def test_the_state_bank_is_one_central_body():
    assert orgs("Ngân hàng Nhà nước yêu cầu các ngân hàng báo cáo.") == ["Ngân hàng Nhà nước Việt Nam"]


def test_a_departments_fields_are_written_as_its_ministrys():
    assert orgs("Sở Tài nguyên - Môi trường tỉnh Yên Bái và Sở KH-ĐT tỉnh Nghệ An họp.") == [
        "Sở Tài nguyên và Môi trường tỉnh Yên Bái", "Sở Kế hoạch và Đầu tư tỉnh Nghệ An"]


def test_the_central_committees_of_mass_organisations_are_bodies():
    assert orgs("TƯ Hội Chữ thập đỏ Việt Nam và Trung ương Đoàn phát động.") == [
        "Trung ương Hội Chữ thập đỏ Việt Nam", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]


def test_field_abbreviations_without_a_separator_are_written_out():
    assert posts("Thứ trưởng Bộ KHĐT Đào Quang Thu dự họp với Sở TNMT tỉnh Nghệ An.") == {
        "Đào Quang Thu": {("Thứ trưởng", "Bộ Kế hoạch và Đầu tư")}}
    assert "Sở Tài nguyên và Môi trường tỉnh Nghệ An" in orgs("Sở TNMT tỉnh Nghệ An họp.")


def test_a_service_named_with_a_stop_word_is_known_whole():
    assert orgs("Quân chủng Phòng không - Không quân tổ chức lễ.") == ["Quân chủng Phòng không - Không quân"]


def test_a_minister_named_by_a_given_name_holds_no_ministry_of_that_name():
    assert orgs("Bộ trưởng Dũng đề cập đến vấn đề này.") == []
    assert orgs("Bộ trưởng Nông nghiệp Nguyễn Xuân Cường dự.") == ["Bộ Nông nghiệp"]


def test_initials_of_titles_are_no_outlets():
    assert "TS" not in outlets() and "L" not in outlets()


def test_a_stop_word_that_finishes_a_names_first_word_stays_in_it():
    assert orgs("Cục trưởng Cục Hàng không Việt Nam Đinh Việt Thắng ký.") == ["Cục Hàng không Việt Nam"]
    assert orgs("UBND tỉnh Nghệ An với Bộ Y tế họp.") == ["Ủy ban nhân dân tỉnh Nghệ An", "Bộ Y tế"]


def test_schools_and_hospitals_named_after_persons_end_with_the_name():
    assert orgs("Bệnh viện Bạch Mai ngay sau đó tiếp nhận bệnh nhân.") == ["Bệnh viện Bạch Mai"]
    assert orgs("Học sinh Trường Nguyễn Du đạt giải nhất.") == ["Trường Nguyễn Du"]


def test_a_known_body_after_a_title_ends_before_the_verb():
    assert orgs("Tối 2/6, Tổng cục trưởng Du lịch gọi điện đề nghị ông ký gấp.") == ["Tổng cục Du lịch"]


def test_italia_is_a_country():
    assert orgs("Quốc hội Italia bỏ phiếu, Chính phủ Italia từ chức.") == ["Quốc hội Italia", "Chính phủ Italia"]


def test_a_glued_sentence_opener_ends_a_body():
    assert orgs("Trưởng ban Kinh tế Trung ương Những ý kiến đề xuất được ghi nhận.") == ["Ban Kinh tế Trung ương"]


def test_a_units_number_ends_its_name_before_lower_case_words():
    assert orgs("Bộ Tư lệnh Quân khu 7 tổ chức lễ. Quân đoàn 4 diễn tập.") == ["Bộ Tư lệnh Quân khu 7", "Quân đoàn 4"]
    assert orgs("Chi bộ 4 Sở Y tế tỉnh Kon Tum họp.") == ["Chi bộ 4 Sở Y tế tỉnh Kon Tum"]


def test_a_foreign_name_after_a_central_body_is_the_next_item():
    assert orgs("Quốc vụ khanh thứ nhất Bộ Tài chính David Gauke được bổ nhiệm.") == ["Bộ Tài chính"]


def test_a_foreign_outlet_after_a_press_head_is_named_as_itself():
    assert orgs("Đài CNN cho biết, Báo Lao Động cũng đưa tin.") == ["CNN", "Báo Lao Động"]


def test_a_kind_of_body_however_capitalised_is_no_body():
    assert orgs("Hội đồng Quản trị đã họp, Hội đồng Quản trị Sacombank bầu ông Hải.") == [
        "Hội đồng Quản trị Sacombank"]


def test_the_football_federation_and_abbreviated_country_and_city_are_written_out():
    assert posts("Chủ tịch VFF Lê Hùng Dũng khen các cầu thủ.") == {
        "Lê Hùng Dũng": {("Chủ tịch", "Liên đoàn Bóng đá Việt Nam")}}
    assert posts("Chủ tịch MTTQ VN Trần Thanh Mẫn dự lễ, Bí thư Thành ủy HN Hoàng Trung Hải phát biểu.") == {
        "Trần Thanh Mẫn": {("Chủ tịch", "Mặt trận Tổ quốc Việt Nam")},
        "Hoàng Trung Hải": {("Bí thư", "Thành ủy Hà Nội")}}


def test_supreme_court_and_procuracy_take_no_province_from_the_holder_name():
    assert posts("Chánh án TAND tối cao Nguyễn Hòa Bình và Viện trưởng VKSND tối cao Lê Minh Trí dự họp.") == {
        "Nguyễn Hòa Bình": {("Chánh án", "Tòa án nhân dân tối cao")},
        "Lê Minh Trí": {("Viện trưởng", "Viện Kiểm sát nhân dân tối cao")}}


def test_a_ministry_mined_with_its_minister_name_after_it_is_no_body():
    lex = lexicon()
    assert person_after_central("Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường", lex)
    assert not person_after_central("Bộ Nông nghiệp và Phát triển nông thôn", lex)
    assert not person_after_central("Trường Trung học phổ thông Lê Quý Đôn", lex)
    assert orgs("Lãnh đạo Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường kiểm tra đê.") == [
        "Bộ Nông nghiệp và Phát triển nông thôn"]


def test_tu_phap_names_no_country_so_a_foreign_minister_keeps_the_country_of_the_text():
    assert posts("Tổng thống Mỹ Donald Trump chỉ trích cấp dưới. Bộ trưởng bộ Tư Pháp Jeff Sessions từ chối.")[
        "Jeff Sessions"] == {("Bộ trưởng", "Bộ Tư pháp Mỹ")}


# (text, the bodies it names): one row per case, named as the test it was
NAMED_BODIES = {
    "a_lone_capitalised_syllable_keeps_the_rest_of_its_word": (
        "Các nghị sĩ đảng Cộng hòa phản đối, Tạp chí Tiên phong đưa tin.",
        ["Đảng Cộng hòa", "Tạp chí Tiên phong"]),
    "an_acronym_takes_no_lower_case_words_after_it": (
        "Ông Lê Văn Nam, Chủ tịch Hiệp hội DNNVV chia sẻ kinh nghiệm với CLB HAGL lại.",
        ["Hiệp hội DNNVV", "CLB HAGL"]),
    "a_given_name_or_a_place_after_truong_is_no_school": (
        "MC Trường Giang dò hỏi chuyện cũ, còn Trường 24 tuổi đi dọc đường Trường Sơn.", []),
    "a_school_named_in_full_or_by_its_kind_stays": (
        "Ông công tác tại Trường Chính trị thành phố Đà Nẵng rồi Trường Lê Quý Đôn.",
        ["Trường Chính trị thành phố Đà Nẵng", "Trường Lê Quý Đôn"]),
    "a_place_named_like_a_body_after_an_admin_word_is_no_body": (
        "Bị cáo Lê Văn Hùng ngụ xã Trường An, còn ông Trần Văn Tâm ở xã Đoàn Kết.", []),
    "a_stop_word_that_finishes_a_lone_capital_after_lower_case_words": (
        "Hãng thành lập Công ty TNHH Hàng không Tre Việt năm nay.",
        ["Công ty trách nhiệm hữu hạn Hàng không Tre Việt"]),
    "a_lone_capital_after_va_keeps_its_second_syllable": (
        "Theo Báo Gia đình và Xã hội, Công ty Cổ phần Kinh doanh và Xây dựng vừa trúng thầu.",
        ["Báo Gia đình và Xã hội", "Công ty Cổ phần Kinh doanh và Xây dựng"]),
    "a_police_department_named_by_its_field_then_its_place": (
        "Công an Môi trường xã Yên Bình và Công an Kinh tế huyện Đông Anh đã kiểm tra.",
        ["Công an Môi trường xã Yên Bình", "Công an Kinh tế huyện Đông Anh"]),
    "a_place_that_a_capitalised_syllable_goes_on_after_an_admin_word_is_a_longer_name": (
        "Ủy ban MTTQ TP Mỹ Tho họp, Phòng Giáo dục huyện Anh Sơn và Tỉnh ủy Tuyên Quang Chẩu Văn Lâm.",
        ["Ủy ban Mặt trận Tổ quốc thành phố Mỹ Tho", "Phòng Giáo dục huyện Anh Sơn", "Tỉnh ủy Tuyên Quang"]),
    "a_province_named_in_full_is_not_made_longer_by_the_next_headline": (
        "Cô điều trị tại Bệnh viện đa khoa tỉnh Thái Bình Tổng hội Y học nói gì?",
        ["Bệnh viện đa khoa tỉnh Thái Bình"]),
    "a_district_named_after_a_province_keeps_its_last_syllable": (
        "Công an huyện Điện Biên Đông đã bắt hai người.", ["Công an huyện Điện Biên Đông"]),
    "a_town_that_starts_with_a_head_noun_is_no_body": (
        "Du khách tới Hội An rất đông và đi dạo phố Đinh Bộ Lĩnh.", []),
    "a_committee_of_a_town_that_starts_with_a_head_noun_is_a_body": (
        "Thành ủy Hội An đã họp.", ["Thành ủy Hội An"]),
    "a_known_name_after_a_lower_case_head_ends_before_the_verb": (
        "Hơn 100 nghị sĩ đảng Dân chủ kiện TT Trump vì khoản tiền đó", ["Đảng Dân chủ"]),
    "a_clause_verb_ends_a_name_after_its_place": (
        "Quyết định sẽ được Ban Thường vụ Huyện ủy Kỳ Anh công bố vào tuần sau.", ["Ban Thường vụ Huyện ủy Kỳ Anh"]),
    "a_clause_verb_ends_a_name_after_its_capitals": (
        "Phòng Văn hóa Thông tin phối hợp với nhà trường.", ["Phòng Văn hóa Thông tin"]),
    "a_known_persons_name_after_a_body_is_not_part_of_it": (
        "Chủ tịch Cục Dự trữ liên bang Janet Yellen và Bộ Thương mại Wilbur Ross họp.",
        ["Cục Dự trữ Liên bang Mỹ", "Bộ Thương mại"]),
    "a_blocs_ministers_name_no_ministry": (
        "Hội nghị Bộ trưởng Quốc phòng ASEAN họp tại Manila và Bộ Ngoại giao Philippines chủ trì.",
        ["Bộ Ngoại giao Philippines"]),
    "a_dash_before_a_title_is_not_part_of_the_name": (
        "Ông Hải, Chủ tịch Ủy ban Chứng khoán Nhà nước - Phó Trưởng ban chỉ đạo, phát biểu.",
        ["Ủy ban Chứng khoán Nhà nước"]),
    "the_next_sentence_after_a_bare_admin_word_names_no_place": (
        "Tại Đà Nẵng, đoàn làm việc với HĐND TP. Riêng năm nay, đoàn kiểm tra ba lần.",
        ["Hội đồng nhân dân thành phố Đà Nẵng"]),
    "a_compound_ending_in_a_stop_word_stays_in_a_name": (
        "Trung tâm Dịch vụ việc làm tỉnh Hà Nam và Công ty TNHH MTV Thiết bị y tế cho biết.",
        ["Trung tâm Dịch vụ việc làm tỉnh Hà Nam"]),  # `… MTV Thiết bị` is cut inside its name: no body
    "a_compound_ending_in_a_stop_word_needs_a_capitalised_name_before_it": (
        "Ban tổ chức chương trình dẫn kết quả của Tổ chức Y tế Thế giới.", ["Tổ chức Y tế Thế giới"]),
    "btv_is_a_standing_board_only_before_its_committee_or_after_a_member": (
        "BTV Khánh Trang dẫn bản tin. Ông An, Ủy viên BTV Tỉnh ủy Nghệ An, dự; các ủy viên BTV đều dự.",
        ["Ban Thường vụ Tỉnh ủy Nghệ An"]),
    "a_code_is_a_document_not_a_body": (
        "Theo Bộ luật Hình sự và Bộ Quy tắc ứng xử, Bộ Tư pháp sẽ trả lời.", ["Bộ Tư pháp"]),
    "a_country_that_starts_with_a_surname_is_no_person": (
        "Bộ Công nghiệp Thái Lan và Bộ Kinh tế Hà Lan ký kết với Bộ Thương mại Hàn Quốc.",
        ["Bộ Công nghiệp Thái Lan", "Bộ Kinh tế Hà Lan", "Bộ Thương mại Hàn Quốc"]),
    "a_head_and_a_clause_verb_name_no_body": (
        "Cảnh sát nhận định Mark đã rời khỏi thành phố; Hội đồng xét xử tuyên phạt Lan hai năm tù.", []),
}


@pytest.mark.parametrize("text, expected", NAMED_BODIES.values(), ids=NAMED_BODIES.keys())
def test_the_bodies_a_sentence_names(text, expected):
    assert orgs(text) == expected


def test_an_acronym_keeps_the_admin_word_that_leads_to_its_place():
    assert orgs("Ban chỉ đạo PCTT-TKCN của tỉnh họp khẩn tại Quảng Ngãi.")[0].startswith(
        "Ban chỉ đạo PCTT-TKCN của tỉnh")


def test_a_numbered_district_or_ward_keeps_its_number():
    got = orgs("Ông Trần Văn Bình, Chủ tịch UBND quận 3, và Trung tâm Y tế quận 3 cùng Công an phường 7 kiểm tra.")
    assert [o.split(" Thành phố")[0] for o in got] == [
        "Ủy ban nhân dân quận 3", "Trung tâm Y tế quận 3", "Công an phường 7"]


@pytest.mark.parametrize("text, body", [
    ("Ông Phạm Nhật Vượng, Chủ tịch Hội đồng quản trị của Tập đoàn Vingroup, phát biểu.",
     "Hội đồng quản trị Tập đoàn Vingroup"),
    ("Phóng viên Trần Thị B của Ban Thời sự của Đài Truyền hình Việt Nam đưa tin.",
     "Ban Thời sự Đài Truyền hình Việt Nam"),
    ("Đoàn kiểm tra của Bộ Chính trị làm việc với Thành ủy Hải Phòng.", "Đoàn kiểm tra của Bộ Chính trị"),
])
def test_a_unit_is_named_after_its_body_without_cua_but_a_delegation_keeps_it(text, body):
    assert body in orgs(text)


@pytest.mark.parametrize("text, body", [
    ("Giá dầu trên Sở giao dịch hàng hóa New York tăng mạnh trong phiên hôm qua.", "Sở giao dịch hàng hóa New York"),
    ("Sở Giao dịch Chứng khoán Hà Nội cho biết thanh khoản tăng.", "Sở Giao dịch Chứng khoán Hà Nội"),
])
def test_an_exchange_is_no_provincial_department(text, body):
    assert orgs(text, title="Hà Nội: thị trường sôi động") == [body]


def test_a_stop_word_after_an_acronym_ends_the_name_before_a_capitalised_verb():
    assert orgs("Sáng nay, Tổng công ty VNPT đã Khai trương tuyến cáp mới.") == ["Tổng công ty VNPT"]


def test_a_clause_word_that_ends_a_field_of_the_name_is_no_verb():
    assert orgs("Theo Cục Công nghệ thông tin, Sở Y tế thông tin về vụ việc tại Nghệ An.") == [
        "Cục Công nghệ thông tin", "Sở Y tế tỉnh Nghệ An"]


def test_a_run_on_verb_ends_a_body_unless_it_ends_a_field_of_the_name():
    assert orgs("Hoạt động của Sở Tư pháp tập trung vào việc thẩm định hồ sơ tại Hà Nội.") == [
        "Sở Tư pháp thành phố Hà Nội"]
    assert orgs("Trung tâm Giám sát điều hành tập trung của Hà Nội hoạt động.") == [
        "Trung tâm Giám sát điều hành tập trung Hà Nội"]


def test_a_district_the_corpus_names_ends_where_its_name_ends():
    assert orgs("Công an TP Thủ Dầu Một điều tra vụ việc, UBND huyện Mỹ Đức và UBND huyện Trần Văn Thời phối hợp.") == [
        "Công an thành phố Thủ Dầu Một", "Ủy ban nhân dân huyện Mỹ Đức", "Ủy ban nhân dân huyện Trần Văn Thời"]


def test_a_committee_before_a_district_named_like_a_person_is_that_districts():
    assert orgs("Quận ủy Hoàng Mai và Huyện ủy Trần Văn Thời kiểm điểm công tác cán bộ.") == [
        "Quận ủy Hoàng Mai", "Huyện ủy Trần Văn Thời"]


def test_a_surname_that_heads_delegations_then_given_names_is_a_person_not_a_body():
    text = "Theo Đại sứ Đoàn Xuân Hưng, Thủ tướng Nguyễn Xuân Phúc sẽ thăm Đức."
    assert orgs(text) == ["Chính phủ"]
    assert posts(text)["Nguyễn Xuân Phúc"] == {("Thủ tướng", "Chính phủ")}  # not the ambassador's title
    assert orgs("Đoàn Việt Nam và Đoàn Hà Nội dự lễ khai mạc.") == ["Đoàn Việt Nam", "Đoàn Hà Nội"]
    assert "Đoàn Thanh niên" in orgs("Bí thư Đoàn Thanh niên Nguyễn Văn An phát biểu.")


def test_a_body_ends_before_a_sentence_opener_glued_to_it():
    text = "Ông Nguyễn Văn An, Hiệu trưởng Đại học Ngoại thương Bên cạnh đó, nhà trường mở thêm ngành mới."
    assert orgs(text) == ["Đại học Ngoại thương"]


def test_a_board_of_a_committee_keeps_a_district_named_like_a_person():
    text = "Ban Thường vụ Huyện ủy Lý Nhân và Cơ quan Cảnh sát điều tra Công an thành phố Uông Bí đã họp."
    assert orgs(text) == ["Ban Thường vụ Huyện ủy Lý Nhân", "Cảnh sát điều tra Công an thành phố Uông Bí"]
    assert orgs("Tại Hà Nội, Chủ tịch UBND thành phố Nguyễn Đức Chung phát biểu.") == ["Ủy ban nhân dân thành phố Hà Nội"]


def test_a_clause_word_mined_after_known_bodies_ends_an_unknown_one():
    assert orgs("Ban Quản lý Khu du lịch tạm dùng nhà khách để bán vé.") == ["Ban Quản lý Khu du lịch"]
    assert orgs("Tạp chí Flaunt mô tả bộ ảnh là táo bạo.") == ["Tạp chí Flaunt"]
    assert orgs("Ban Khoa học – Kỹ thuật rồi cũng phải báo cáo.") == ["Ban Khoa học – Kỹ thuật"]


def test_a_part_of_the_body_spoken_of_unnamed_again_is_no_body():
    text = "Chánh Văn phòng Sở Trần Văn An cho biết Thanh tra Sở đã vào cuộc cùng Công an quận."
    assert orgs(text) == []
    assert orgs("Văn phòng Ban Chỉ đạo Tây Nguyên và Ban Tổ chức Trung ương Đảng họp.") == [
        "Văn phòng Ban Chỉ đạo Tây Nguyên", "Ban Tổ chức Trung ương Đảng"]
    assert orgs("Vụ Khoa giáo văn xã làm việc với Cục Hải quan Hải Phòng.") == [
        "Vụ Khoa giáo văn xã", "Cục Hải quan Hải Phòng"]


def test_a_time_phrase_glued_after_a_body_is_not_its_name():
    assert orgs("Tập đoàn Hòa Phát Chiều 5/6 đã ký hợp đồng với đối tác.") == ["Tập đoàn Hòa Phát"]
    assert orgs("Báo Hoa Nam Buổi Sáng cho biết như vậy.") == ["Báo Hoa Nam Buổi Sáng"]


def test_a_verb_and_its_object_after_an_established_name_are_not_mined():
    texts = ["Công văn gửi Ngân hàng ABX."] * 3 + ["Ngân hàng ABX thành lập Công ty ABXS, vốn 10 tỷ đồng."] * 3 \
        + ["Hồ sơ gửi Ủy ban Kinh tế của Quốc hội."] * 3
    rows = {name for name, _, _ in mine_bodies(article(t, ident=f"a{i}") for i, t in enumerate(texts))}
    assert "Ngân hàng ABX" in rows and "Ủy ban Kinh tế của Quốc hội" in rows
    assert not any("thành lập" in name for name in rows)


def test_an_association_named_by_an_occupation_that_also_addresses_persons_is_a_body():
    assert orgs("Chủ tịch Hội Nhà báo Việt Nam Thuận Hữu phát biểu.") == ["Hội Nhà báo Việt Nam"]
    assert orgs("Đoàn Luật sư thành phố Hà Nội và Liên đoàn Luật sư Việt Nam góp ý.") == [
        "Đoàn Luật sư thành phố Hà Nội", "Liên đoàn Luật sư Việt Nam"]
    assert orgs("Báo Tuổi Trẻ Nhà báo Nguyễn Văn An viết.") == ["Báo Tuổi Trẻ"]
    assert not any("Anh" in name for name in orgs("Đoàn dâng hương tại Đài Tưởng niệm Anh hùng liệt sĩ."))  # no country


def test_an_english_country_name_is_an_outlet_only_in_a_credit():
    assert orgs("Cô tham gia chương trình Vietnam Idol và mua một chiếc xe SH.") == []
    assert "VietnamPlus" in orgs("Năm 2015, nghệ sĩ ra mắt album mới. (Nguồn: Vietnam+)")


def test_a_word_listed_as_no_body_is_not_mined_but_longer_names_it_starts_are():
    texts = ["Hãng tin Daily cho biết."] * 3 + ["Hãng tin Daily Mail cho biết."] * 3
    rows = {name for name, _, _ in mine_bodies(article(t, ident=f"a{i}") for i, t in enumerate(texts))}
    assert "Daily Mail" in rows and "Daily" not in rows
    assert orgs("Ông sống ở London và đi xe Taxi tới sân Golf.") == []


def test_a_bare_local_body_or_a_police_department_without_its_police_names_no_body():
    assert orgs("Ông An, Phó Trưởng Phòng Cảnh sát hình sự, cho biết Ủy ban nhân dân đã họp.") == []
    assert orgs("Phòng Cảnh sát hình sự Công an tỉnh Nghệ An vào cuộc.") == [
        "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An"]
    assert orgs("Tại Đà Nẵng, Ủy ban nhân dân đã họp.") == ["Ủy ban nhân dân thành phố Đà Nẵng"]
    assert orgs("Tại phiên tòa, đại diện Viện Kiểm sát đề nghị mức án 5 năm.") == []
    assert orgs("Nạn nhân được đưa vào Bệnh viện Đa khoa cấp cứu.") == []


def test_a_state_group_named_without_its_formal_word_is_one_body():
    assert orgs("Tập đoàn Dầu khí Việt Nam và Tập đoàn Than – Khoáng sản Việt Nam ký kết.") == [
        "Tập đoàn Dầu khí Quốc gia Việt Nam", "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam"]


def test_a_verb_after_an_acronym_then_another_body_ends_the_first():
    assert orgs("Ngân hàng ABX thành lập Công ty ABXS, vốn 10 tỷ đồng.") == ["Ngân hàng ABX", "Công ty ABXS"]
    assert orgs("Phòng Cảnh sát giao thông Công an tỉnh Nghệ An vào cuộc.") == [
        "Phòng Cảnh sát giao thông Công an tỉnh Nghệ An"]


def test_a_department_head_before_a_foreign_name_or_another_body_names_a_case():
    assert orgs("Vụ De Gea khiến Real Madrid lo lắng.") == ["Real Madrid"]
    assert orgs("Vụ Công ty Dệt Quế Võ: cán bộ ngân hàng kháng cáo.") == ["Công ty Dệt Quế Võ"]
    assert orgs("Vụ Đảng viên và Vụ ASEAN họp.") == ["Vụ Đảng viên", "Vụ ASEAN"]


def test_a_foreign_holder_after_a_titled_bodys_acronym_or_country_is_not_its_name():
    assert orgs("Chủ tịch Hội đồng RUSO Ivan Nikitchuk nhấn mạnh điều đó.") == ["Hội đồng RUSO"]
    text = "Chủ tịch Đảng Cộng sản Liên bang Nga Gennady Ziuganov phát biểu."
    assert orgs(text) == ["Đảng Cộng sản Liên bang Nga"]
    assert posts(text)["Gennady Ziuganov"] == {("Chủ tịch", "Đảng Cộng sản Liên bang Nga")}
    assert orgs("Đại học Harvard Kennedy School công bố nghiên cứu.") == ["Đại học Harvard Kennedy School"]


def test_a_credit_reporter_whose_name_starts_with_a_head_is_no_body():
    assert orgs("Theo Đoàn Loan/VnExpress") == ["VnExpress"]
    assert orgs("Cục Phòng chống HIV/AIDS họp với Bộ Y tế.") == ["Cục Phòng chống HIV/AIDS", "Bộ Y tế"]


def test_a_unit_is_named_with_its_body_without_the_word_that_it_belongs_to_it():
    assert orgs("Ủy ban Quân vụ thuộc Hạ viện Mỹ và Trung tâm Quan trắc trực thuộc Sở Y tế tỉnh Nghệ An họp.") == [
        "Ủy ban Quân vụ Hạ viện Mỹ", "Trung tâm Quan trắc Sở Y tế tỉnh Nghệ An"]


def test_a_number_after_a_word_of_the_name_names_one_of_a_kind():
    assert orgs("Bé được chuyển đến Bệnh viện Nhi đồng 1, sau đó về nhà.") == ["Bệnh viện Nhi đồng 1"]
    assert orgs("Công ty VAMC xử lý 44 khoản nợ.") == ["Công ty VAMC"]
    assert orgs("Sở Y tế 2 lần kiểm tra.") == ["Sở Y tế"]


def test_a_one_syllable_country_before_another_syllable_starts_a_place_name():
    assert orgs("Nạn nhân điều trị tại Bệnh viện đa khoa Đức Giang (Hà Nội).") == ["Bệnh viện đa khoa Đức Giang"]
    assert orgs("Bộ Ngoại giao Đức cho biết, Bệnh viện Việt Đức tiếp nhận.") == ["Bộ Ngoại giao Đức", "Bệnh viện Việt Đức"]


def test_a_school_head_that_ends_a_given_name_is_no_school():
    assert orgs("Sau giờ nghỉ, thầy Park thay Xuân Trường bằng chân sút Lee Dong-gook.") == []
    assert orgs("Giọng ca Đan Trường khiến tờ Yonhap News khen.") == ["Yonhap"]
    assert orgs("Cô dạy ở Trường mầm non Hoa Sen.") == ["Trường mầm non Hoa Sen"]


def test_a_sentence_opener_glued_before_a_comma_ends_the_body():
    assert orgs("Ý kiến của Sở Giao thông Vận tải Tuy nhiên, dân vẫn lo.") == ["Sở Giao thông vận tải"]
    assert orgs("Văn bản gửi Công ty Điện lực Hoàn Kiếm Cụ thể, hai tuyến sẽ dừng.") == ["Công ty Điện lực Hoàn Kiếm"]
    assert orgs("Ông làm ở Ban Quản lý Dự án, Sở Xây dựng.") == ["Ban Quản lý Dự án", "Sở Xây dựng"]


def test_a_lower_case_word_after_trung_uong_starts_the_clause():
    assert orgs("Bệnh viện Phổi Trung ương đón nhận Huân chương Độc lập.") == ["Bệnh viện Phổi Trung ương"]
    assert orgs("Ban Chấp hành Trung ương đảng họp.") == ["Ban Chấp hành Trung ương Đảng"]


def test_no_lower_case_word_goes_on_after_a_proper_pair():
    assert orgs("Bệnh viện Đa khoa Hòe Nhai mua thiết bị.") == ["Bệnh viện Đa khoa Hòe Nhai"]
    assert orgs("Trạm của Cục Phòng chống HIV/Bộ Y tế.") == ["Cục Phòng chống HIV/Bộ Y tế"]


def test_sport_of_a_channel_or_a_car_model_is_no_outlet():
    assert orgs("Cô xem kênh FOX Sport cả ngày.") == []
    assert "Sport" not in orgs("Tờ Corriere dello Sport khen chiếc BMW 320i Sport.")


def test_a_name_cut_after_a_common_word_before_its_lower_case_words_is_no_body():
    got = orgs("Công ty cổ phần Nuôi và chế biến cá sạch vừa ký với Trung tâm An ninh mạng toàn cầu.")
    assert got == []


def test_a_common_word_before_a_clause_a_known_body_or_a_proper_name_keeps_the_name():
    assert orgs("Trung tâm Kiểm định và Chất lượng vừa công bố.") == ["Trung tâm Kiểm định và Chất lượng"]
    assert orgs("Bộ Khoa học và Công nghệ thẩm định đề án.") == ["Bộ Khoa học và Công nghệ"]
    assert orgs("Công ty Tân Hiệp Phát sản xuất trà xanh.") == ["Công ty Tân Hiệp Phát"]
