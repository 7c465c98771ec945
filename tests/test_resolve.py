"""Person resolution: namesakes merge only on shared context, and every merge says why."""
import random

from kg.extract.descriptors import describe
from kg.records import Article, Evidence, Extraction, Organisation, Person, Position
from kg.resolve import _features, block_key, resolve_persons


def _article(ident: str, text: str) -> Article:
    return Article(ident, "", text)


def _person(article: Article, name: str, *posts: tuple[str, str]) -> Person:
    """A person with evidence at every place the article names them, described as extraction does."""
    text, spans, at = article.full_text, [], article.full_text.find(name)
    while at >= 0:
        spans.append(Evidence(text, at, at + len(name)))
        at = text.find(name, at + 1)
    person = Person(name, [Position(role, org) for role, org in posts], spans)
    person.descriptors = describe(person, article)
    return person


def _extraction(ident: str, text: str, *persons: tuple) -> Extraction:
    article = _article(ident, text)
    return Extraction(article, None, [_person(article, name, *posts) for name, *posts in persons])


def _same(resolved, a: str, b: str, name: str) -> bool:
    return resolved[a, name].iri == resolved[b, name].iri


def test_same_post_merges_and_keeps_its_evidence():
    resolved = resolve_persons([
        _extraction("a1", "Bộ trưởng Lâm Quốc Bảo phát biểu.", ("Lâm Quốc Bảo", ("Bộ trưởng", "Bộ Xây dựng"))),
        _extraction("a2", "Ông Lâm Quốc Bảo thăm công trình.", ("Lâm Quốc Bảo", ("Bộ trưởng", "Bộ Xây dựng"))),
    ])
    assert _same(resolved, "a1", "a2", "Lâm Quốc Bảo")
    assert resolved["a2", "Lâm Quốc Bảo"].score >= 4
    assert any(f.startswith("post=") for f in resolved["a2", "Lâm Quốc Bảo"].features)


def test_change_of_post_in_the_same_body_merges():
    resolved = resolve_persons([
        _extraction("a1", "Phó Bí thư Hà Minh Khôi dự họp.", ("Hà Minh Khôi", ("Phó Bí thư", "Tỉnh ủy Yên Bái"))),
        _extraction("a2", "Bí thư Hà Minh Khôi chủ trì.", ("Hà Minh Khôi", ("Bí thư", "Tỉnh ủy Yên Bái"))),
    ])
    assert _same(resolved, "a1", "a2", "Hà Minh Khôi")


def test_no_context_no_merge_for_a_name_of_many_people():
    texts = {
        "b1": "Bị cáo Trịnh Văn Long (SN 1990, trú tại xã Tân Lập, huyện Đan Phượng) bị tuyên 5 năm tù.",
        "b2": "Thủ môn Trịnh Văn Long có trận đấu xuất sắc.",
        "b3": "Ca sĩ Trịnh Văn Long ra mắt album mới.",
        "b4": "Anh Trịnh Văn Long kể lại câu chuyện.",
        "b5": "Theo Trịnh Văn Long, giá lúa đang giảm.",
    }
    resolved = resolve_persons([_extraction(k, t, ("Trịnh Văn Long",)) for k, t in texts.items()])
    assert len({resolved[k, "Trịnh Văn Long"].iri for k in texts}) == 5
    assert resolved["b4", "Trịnh Văn Long"].score == 0


def test_birth_year_and_residence_merge_a_private_person():
    resolved = resolve_persons([
        _extraction("c1", "Đối tượng Đỗ Hữu Tài (SN 1993, trú tại xã Yên Phú, huyện Ý Yên) bị bắt.", ("Đỗ Hữu Tài",)),
        _extraction("c2", "Đỗ Hữu Tài (SN 1993, ngụ xã Yên Phú) khai nhận hành vi.", ("Đỗ Hữu Tài",)),
    ])
    assert _same(resolved, "c1", "c2", "Đỗ Hữu Tài")
    assert "born=1993" in resolved["c2", "Đỗ Hữu Tài"].features


def test_different_birth_years_never_merge_even_through_a_third_mention():
    resolved = resolve_persons([
        _extraction("d1", "Hậu vệ Lý Công Minh (SN 1995) đá chính. Lý Công Minh (Viettel) ghi bàn.", ("Lý Công Minh",)),
        _extraction("d2", "Hậu vệ Lý Công Minh (SN 1997) được gọi lên tuyển.", ("Lý Công Minh",)),
        _extraction("d3", "Trung vệ Lý Công Minh (Viettel) tập luyện.", ("Lý Công Minh",)),
    ])
    assert not _same(resolved, "d1", "d2", "Lý Công Minh")
    assert _same(resolved, "d1", "d3", "Lý Công Minh")


def test_a_shared_post_outweighs_a_stray_occupation_word():
    resolved = resolve_persons([
        _extraction("t1", "Tổng thống Mỹ Hà Văn Phúc, doanh nhân, phát biểu.", ("Hà Văn Phúc", ("Tổng thống", "Hoa Kỳ"))),
        _extraction("t2", "Luật sư Hà Văn Phúc, Tổng thống Mỹ, ký lệnh.", ("Hà Văn Phúc", ("Tổng thống", "Hoa Kỳ"))),
        _extraction("t3", "Luật sư Hà Văn Phúc bào chữa.", ("Hà Văn Phúc",)),
        _extraction("t4", "Doanh nhân Hà Văn Phúc đầu tư.", ("Hà Văn Phúc",)),
    ])
    assert _same(resolved, "t1", "t2", "Hà Văn Phúc")
    assert not _same(resolved, "t3", "t4", "Hà Văn Phúc")


def test_categories_on_different_branches_do_not_merge():
    resolved = resolve_persons([
        _extraction("e1", "HLV Phan Đình Khải (U20 Việt Nam) chốt danh sách.", ("Phan Đình Khải",)),
        _extraction("e2", "Thủ môn Phan Đình Khải (U20 Việt Nam) bắt chính.", ("Phan Đình Khải",)),
        _extraction("e3", "HLV Phan Đình Khải cùng U20 Việt Nam lên đường.", ("Phan Đình Khải",)),
    ])
    assert _same(resolved, "e1", "e3", "Phan Đình Khải")
    assert not _same(resolved, "e1", "e2", "Phan Đình Khải")


def test_bare_mentions_join_the_one_placed_person_only_when_that_person_dominates():
    leader = [_extraction(f"f{i}", "Chủ tịch nước Mạc Đăng Quý tiếp đoàn.", ("Mạc Đăng Quý", ("Chủ tịch nước", "Nhà nước")))
              for i in range(4)]
    bare = _extraction("g1", "Mạc Đăng Quý gửi thư chúc mừng Quốc hội.", ("Mạc Đăng Quý",))
    bare.organisations.append(Organisation("Quốc hội", "national assembly"))
    singer = _extraction("g2", "Ca sĩ Mạc Đăng Quý hát.", ("Mạc Đăng Quý",))
    resolved = resolve_persons([*leader, bare, singer])
    assert _same(resolved, "f0", "g1", "Mạc Đăng Quý")
    assert not _same(resolved, "f0", "g2", "Mạc Đăng Quý")
    alone = resolve_persons([leader[0], bare, singer, _extraction("g3", "Bác sĩ Mạc Đăng Quý khám.", ("Mạc Đăng Quý",))])
    assert not _same(alone, "f0", "g1", "Mạc Đăng Quý")


def test_a_bare_mention_follows_no_leader_whom_namesakes_with_evidence_outnumber():
    leader = [_extraction(f"q{i}", "Chủ tịch nước Mạc Đăng Quý tiếp đoàn.", ("Mạc Đăng Quý", ("Chủ tịch nước", "Nhà nước")))
              for i in range(2)]
    singers = [_extraction(f"s{i}", f"Ca sĩ Mạc Đăng Quỳ (SN {1990 + 5 * i}) hát.", ("Mạc Đăng Quỳ",)) for i in range(3)]
    bare = _extraction("q9", "Mạc Đăng Quý gửi thư chúc mừng Quốc hội.", ("Mạc Đăng Quý",))
    bare.organisations.append(Organisation("Quốc hội", "national assembly"))
    assert _same(resolve_persons([*leader, bare]), "q0", "q9", "Mạc Đăng Quý")
    assert not _same(resolve_persons([*leader, *singers, bare]), "q0", "q9", "Mạc Đăng Quý")


def test_a_bare_mention_follows_no_private_person():
    accused = [_extraction(f"v{i}", "Bị cáo Mạc Văn Tòng (SN 1990, trú tại xã Tân Lập) hầu tòa.", ("Mạc Văn Tòng",))
               for i in range(3)]
    bare = _extraction("v9", "Anh Mạc Văn Tòng cho biết.", ("Mạc Văn Tòng",))
    resolved = resolve_persons([*accused, bare])
    assert _same(resolved, "v0", "v1", "Mạc Văn Tòng") and not _same(resolved, "v0", "v9", "Mạc Văn Tòng")


def test_a_mention_joins_the_leader_when_the_leader_says_all_it_says():
    leader = [_extraction(f"n{i}", "Đại biểu Phùng Văn Kiên (đoàn Cao Bằng) phát biểu; ông Hà Văn Lợi nói.",
                          ("Phùng Văn Kiên",), ("Hà Văn Lợi",)) for i in range(3)]
    resolved = resolve_persons([*leader, _extraction("n9", "Ông Phùng Văn Kiên (đoàn Cao Bằng) chất vấn.", ("Phùng Văn Kiên",)),
                                _extraction("n8", "Ông Phùng Văn Kiên (đoàn Lào Cai) chất vấn.", ("Phùng Văn Kiên",))])
    assert _same(resolved, "n0", "n9", "Phùng Văn Kiên")
    assert not _same(resolved, "n0", "n8", "Phùng Văn Kiên")


def test_a_leader_in_national_office_takes_other_central_posts_of_the_name():
    leader = [_extraction(f"p{i}", "Phó Thủ tướng Lục Văn Trà chủ trì.", ("Lục Văn Trà", ("Phó Thủ tướng", "Chính phủ")))
              for i in range(3)]
    earlier = _extraction("p8", "Khi đó Bộ trưởng Bộ Giáo dục và Đào tạo Lục Văn Trà ký.",
                          ("Lục Văn Trà", ("Bộ trưởng", "Bộ Giáo dục và Đào tạo")))
    local = _extraction("p9", "Chủ tịch UBND tỉnh Cao Bằng Lục Văn Trà ký.", ("Lục Văn Trà", ("Chủ tịch", "UBND tỉnh Cao Bằng")))
    resolved = resolve_persons([*leader, earlier, local])
    assert _same(resolved, "p0", "p8", "Lục Văn Trà")
    assert not _same(resolved, "p0", "p9", "Lục Văn Trà")
    kings = [_extraction(f"u{i}", "Chủ tịch Quốc hội Salman tiếp khách.", ("Salman", ("Chủ tịch", "Quốc hội"))) for i in range(3)]
    prince = _extraction("u9", "Bộ trưởng Quốc phòng Salman phát biểu.", ("Salman", ("Bộ trưởng", "Bộ Quốc phòng")))
    assert not _same(resolve_persons([*kings, prince]), "u0", "u9", "Salman")


def test_a_leader_in_national_office_takes_a_deputy_of_the_name_with_a_delegation():
    leader = [_extraction(f"d{i}", "Tổng Kiểm toán Nhà nước Khổng Văn Lực báo cáo.",
                          ("Khổng Văn Lực", ("Tổng Kiểm toán", "Kiểm toán Nhà nước"))) for i in range(3)]
    deputy = _extraction("d8", "Đại biểu Khổng Văn Lực (đoàn Nghệ An) đề nghị giám sát.",
                         ("Khổng Văn Lực", ("Đại biểu", "Quốc hội")))
    local = _extraction("d9", "Ông Khổng Văn Lực (trú tại Nghệ An) cho biết.", ("Khổng Văn Lực",))
    resolved = resolve_persons([*leader, deputy, local])
    assert _same(resolved, "d0", "d8", "Khổng Văn Lực")
    assert not _same(resolved, "d0", "d9", "Khổng Văn Lực")


def test_a_provincial_leader_takes_another_leading_post_of_the_province():
    leader = [_extraction(f"v{i}", "Phó Bí thư Thường trực Thành ủy Cần Thơ Quách Văn Tịnh dự họp.",
                          ("Quách Văn Tịnh", ("Phó Bí thư Thường trực", "Thành ủy Cần Thơ"))) for i in range(3)]
    council = _extraction("v7", "Chủ tịch HĐND thành phố Cần Thơ Quách Văn Tịnh chủ trì.",
                          ("Quách Văn Tịnh", ("Chủ tịch", "Hội đồng nhân dân thành phố Cần Thơ")))
    office = _extraction("v8", "Phó Giám đốc Sở Nội vụ thành phố Cần Thơ Quách Văn Tịnh cho biết.",
                         ("Quách Văn Tịnh", ("Phó Giám đốc", "Sở Nội vụ thành phố Cần Thơ")))
    elsewhere = _extraction("v9", "Chủ tịch HĐND tỉnh Sóc Trăng Quách Văn Tịnh phát biểu.",
                            ("Quách Văn Tịnh", ("Chủ tịch", "Hội đồng nhân dân tỉnh Sóc Trăng")))
    resolved = resolve_persons([*leader, council, office, elsewhere])
    assert _same(resolved, "v0", "v7", "Quách Văn Tịnh")
    assert not _same(resolved, "v0", "v8", "Quách Văn Tịnh")
    assert not _same(resolved, "v0", "v9", "Quách Văn Tịnh")


def test_a_bare_mention_joins_a_national_leader_only_in_an_article_about_public_affairs():
    leader = [_extraction(f"n{i}", "Bộ trưởng Tạ Quang Vinh phát biểu.", ("Tạ Quang Vinh", ("Bộ trưởng", "Bộ Tài chính")))
              for i in range(3)]
    show = _extraction("n7", "Ca sĩ chia sẻ trên sân khấu. Tạ Quang Vinh: khán giả rất nhiệt tình.", ("Tạ Quang Vinh",))
    show.organisations.append(Organisation("Báo Tuổi Trẻ", "press"))
    meeting = _extraction("n8", "Hội nghị có Tạ Quang Vinh và đại diện Bộ Công Thương.", ("Tạ Quang Vinh",))
    meeting.organisations.append(Organisation("Bộ Công Thương", "ministry"))
    resolved = resolve_persons([*leader, show, meeting])
    assert not _same(resolved, "n0", "n7", "Tạ Quang Vinh")
    assert _same(resolved, "n0", "n8", "Tạ Quang Vinh")


def test_a_full_name_in_one_public_trade_is_one_person():
    poets = [_extraction(f"t{i}", f"Nhà thơ Khúc Đăng Hòa ra mắt tập thơ thứ {i}.", ("Khúc Đăng Hòa",)) for i in range(2)]
    drivers = [_extraction(f"r{i}", f"Tài xế Khúc Văn Hải gây tai nạn lần {i}.", ("Khúc Văn Hải",)) for i in range(2)]
    singers = [_extraction(f"m{i}", f"Ca sĩ Khúc Hòa hát bài số {i}.", ("Khúc Hòa",)) for i in range(2)]
    resolved = resolve_persons([*poets, *drivers, *singers])
    assert _same(resolved, "t0", "t1", "Khúc Đăng Hòa")
    assert "occupation=job/art/writing" in resolved["t1", "Khúc Đăng Hòa"].features
    assert not _same(resolved, "r0", "r1", "Khúc Văn Hải")
    assert not _same(resolved, "m0", "m1", "Khúc Hòa")


def test_a_misspelt_name_joins_its_person_only_through_a_shared_post():
    leader = [_extraction(f"s{i}", "Phó Chủ tịch nước Đặng Thị Ngọc Lan dự lễ.",
                          ("Đặng Thị Ngọc Lan", ("Phó Chủ tịch nước", "Nhà nước"))) for i in range(3)]
    slip = _extraction("s7", "Phó Chủ tịch nước Đặng Thị Ngọc Lân trao quà.",
                       ("Đặng Thị Ngọc Lân", ("Phó Chủ tịch nước", "Nhà nước")))
    bare = _extraction("s8", "Bà Đặng Thị Ngọc Lân gửi thư.", ("Đặng Thị Ngọc Lân",))
    other = _extraction("s9", "Bà Đặng Thị Ngọc Lân (SN 1980, trú tại xã Tân Lập) bị thương.", ("Đặng Thị Ngọc Lân",))
    resolved = resolve_persons([*leader, slip, bare, other])
    assert resolved["s7", "Đặng Thị Ngọc Lân"].iri == resolved["s0", "Đặng Thị Ngọc Lan"].iri
    assert "spelled otherwise" in resolved["s7", "Đặng Thị Ngọc Lân"].reason
    assert resolved["s8", "Đặng Thị Ngọc Lân"].iri != resolved["s0", "Đặng Thị Ngọc Lan"].iri
    assert resolved["s9", "Đặng Thị Ngọc Lân"].iri != resolved["s0", "Đặng Thị Ngọc Lan"].iri


def test_independent_of_input_order_and_blockable():
    extractions = [
        _extraction("h1", "Bí thư Tô Thành Đạt và Chủ tịch Vi Văn Hải dự lễ.",
                    ("Tô Thành Đạt", ("Bí thư", "Tỉnh ủy Lạng Sơn")), ("Vi Văn Hải", ("Chủ tịch", "UBND tỉnh Lạng Sơn"))),
        _extraction("h2", "Ông Tô Thành Đạt (SN 1970) phát biểu.", ("Tô Thành Đạt",)),
        _extraction("h3", "Bí thư Tô Thành Đạt kiểm tra đê.", ("Tô Thành Đạt", ("Bí thư", "Tỉnh ủy Lạng Sơn"))),
        _extraction("h4", "Chủ tịch Vi Văn Hải chỉ đạo.", ("Vi Văn Hải", ("Chủ tịch", "UBND tỉnh Lạng Sơn"))),
    ]
    whole = resolve_persons(extractions)
    shuffled = extractions[:]
    random.Random(7).shuffle(shuffled)
    assert resolve_persons(shuffled) == whole
    block = resolve_persons([e for e in extractions if any(p.name == "Vi Văn Hải" for p in e.persons)])
    assert all(block[k] == whole[k] for k in block if k[1] == "Vi Văn Hải")
    asked = resolve_persons(extractions, keys={block_key("Vi Văn Hải")})
    assert asked == {k: r for k, r in whole.items() if k[1] == "Vi Văn Hải"}


def _described(text: str, name: str, date: str | None = None) -> set[tuple[str, str]]:
    article = Article("x", "", text, date=date)
    return set(_person(article, name).descriptors)


def test_descriptors_birth_year_residence_and_status():
    found = _described("Công an bắt Lê Minh Tâm (SN 1988, trú tại xã Hòa Bình, huyện Kim Sơn) tối qua.", "Lê Minh Tâm")
    assert {("born", "1988"), ("place", "hòa bình"), ("place", "kim sơn")} <= found
    found = _described("Bị cáo Phạm Quốc Bảo, 45 tuổi, ngụ ở phường Tân Định.", "Phạm Quốc Bảo", date="2016-04-02")
    assert {("category", "justice/accused"), ("born", "1971"), ("place", "tân định")} <= found


def test_an_age_without_a_dated_article_stays_an_age():
    assert ("age", "45") in _described("Bị cáo Phạm Quốc Bảo, 45 tuổi, khai.", "Phạm Quốc Bảo")


def test_descriptors_team_tag_rank_and_words_after_a_comma():
    assert {("category", "job/sport/coach"), ("team", "u19 việt nam")} <= _described(
        "HLV trưởng Trịnh Công Lý cho biết U19 Việt Nam sẽ tập trung.", "Trịnh Công Lý")
    assert ("tag", "viettel") in _described("Hậu vệ: Lý Công Minh (Viettel), Đào Duy Anh.", "Lý Công Minh")
    assert ("rank", "thượng úy") in _described("Thượng úy Vũ Hải Nam bị thương.", "Vũ Hải Nam")
    assert ("category", "job/art/music") in _described("Tối qua Mạc Tuấn Đông, ca sĩ trẻ, hát.", "Mạc Tuấn Đông")


def test_a_title_between_status_word_and_name_stops_the_reading():
    assert not any(k == "category" for k, _ in _described("Ca sĩ và Bộ trưởng Lâm Quốc Bảo dự lễ.", "Lâm Quốc Bảo"))


def test_persons_named_beside_count_unless_they_are_national_office_holders():
    def pair(extra: tuple) -> dict:
        return resolve_persons([
            _extraction(f"k{i}", "Thượng úy Lê Văn Tám bị thương; Hồ Văn Bảy bị bắt. Thủ tướng Đàm Quang Vinh chỉ đạo.",
                        ("Lê Văn Tám",), extra) for i in (1, 2)])
    assert _same(pair(("Hồ Văn Bảy",)), "k1", "k2", "Lê Văn Tám")
    assert not _same(pair(("Đàm Quang Vinh", ("Thủ tướng", "Chính phủ"))), "k1", "k2", "Lê Văn Tám")


def test_persons_named_together_in_a_long_list_are_no_evidence():
    squad = [f"Lê Văn {given}" for given in ("An", "Bảo", "Cường", "Duy", "Đức", "Giang", "Hải", "Hùng", "Khoa", "Lâm",
                                              "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thành", "Trung", "Vinh", "Vũ")]
    text = "Danh sách: Trần Văn Tám, " + ", ".join(squad) + "."
    listed = resolve_persons([_extraction(f"q{i}", text, ("Trần Văn Tám",), *((n,) for n in squad)) for i in (1, 2)])
    assert not _same(listed, "q1", "q2", "Trần Văn Tám")
    few = resolve_persons([_extraction(f"r{i}", text, ("Trần Văn Tám",), *((n,) for n in squad[:3])) for i in (1, 2)])
    assert _same(few, "r1", "r2", "Trần Văn Tám")


def test_a_body_with_no_proper_name_is_no_evidence():
    resolved = resolve_persons([
        _extraction(f"m{i}", "Chủ tịch UBND xã Đào Văn Khánh cho biết.", ("Đào Văn Khánh", ("Chủ tịch", "Ủy ban nhân dân xã")))
        for i in (1, 2)])
    assert not _same(resolved, "m1", "m2", "Đào Văn Khánh")


def test_caption_asides_in_brackets_are_not_descriptors():
    found = _described("Ông Lạc Văn Hòa (bên phải) và ông Đinh Công Sơn (Sở Y tế) dự họp.", "Lạc Văn Hòa")
    assert not any(kind in ("tag", "category") for kind, _ in found)
    for aside in ("giữa", "trái", "hàng trên"):
        assert not _described(f"Ông Lạc Văn Hòa ({aside}) trao quà.", "Lạc Văn Hòa")


def test_a_deputys_delegation_is_a_place():
    assert ("place", "cao bằng") in _described("Đại biểu Phùng Văn Kiên (đoàn Cao Bằng) phát biểu.", "Phùng Văn Kiên")
    assert ("tag", "đoàn thanh niên") in _described("Anh Phùng Văn Kiên (Đoàn Thanh niên) nói.", "Phùng Văn Kiên")


def test_descriptors_stay_on_one_line():
    found = _described("Ông Lạc Văn Hòa (SN 1970, trú tại xã Hòa Bình\nHuyện Kim Sơn) đến.", "Lạc Văn Hòa")
    assert found and not any("\n" in value for _, value in found)


def test_a_bare_title_and_a_dated_title_in_brackets_are_read_as_titles():
    assert ("title", "bộ trưởng") in _described("Thay mặt Bộ Y tế, Bộ trưởng Lạc Thị Hoa gửi lời chia buồn.", "Lạc Thị Hoa")
    found = _described("Ông Tạ Quang Vĩnh (lúc đó là Bí thư Thành ủy) đã chỉ đạo.", "Tạ Quang Vĩnh")
    assert ("title", "bí thư") in found and not any(kind == "tag" for kind, _ in found)
    assert ("titled", "bí thư|Tỉnh ủy Sóc Trăng") in _described("Ông Tạ Quang Vĩnh (Bí thư Tỉnh ủy Sóc Trăng) dự.",
                                                               "Tạ Quang Vĩnh")
    assert not _described("Người phát ngôn của Thủ tướng, ông Tạ Quang Vĩnh, cho biết.", "Tạ Quang Vĩnh")
    assert not _described("Thuyền trưởng Tạ Quang Vĩnh điều khiển tàu.", "Tạ Quang Vĩnh")


def test_a_team_is_read_next_to_the_name_not_after_a_titled_name():
    assert ("team", "u20 việt nam") in _described("Thủ môn Lò Văn Thắng (U20 Việt Nam) bắt chính.", "Lò Văn Thắng")
    assert ("team", "u20 việt nam") in _described("Thủ môn U20 Việt Nam Lò Văn Thắng bắt chính.", "Lò Văn Thắng")
    assert not any(kind == "team" for kind, _ in _described(
        "Bộ trưởng Lò Văn Thắng giao nhiệm vụ cho U22 và U20 Việt Nam.", "Lò Văn Thắng"))
    assert not any(kind == "team" for kind, _ in _described(
        "Tại buổi gặp đội tuyển U20 Việt Nam, Bộ trưởng Lò Văn Thắng động viên.", "Lò Văn Thắng"))


def test_a_title_with_no_body_joins_the_holder_of_that_post_in_a_body_the_article_names():
    minister = [_extraction(f"t{i}", "Bộ trưởng Bộ Y tế Lạc Thị Hoa làm việc.", ("Lạc Thị Hoa", ("Bộ trưởng", "Bộ Y tế")))
                for i in range(3)]
    slip = _extraction("t8", "Thay mặt Bộ Y tế, Bộ trưởng Lạc Thị Họa gửi lời chia buồn.", ("Lạc Thị Họa",))
    slip.organisations.append(Organisation("Bộ Y tế"))
    elsewhere = _extraction("t9", "Bộ trưởng Lạc Thị Họa phát biểu tại Bộ Xây dựng.", ("Lạc Thị Họa",))
    elsewhere.organisations.append(Organisation("Bộ Xây dựng"))
    resolved = resolve_persons([*minister, slip, elsewhere])
    assert resolved["t8", "Lạc Thị Họa"].iri == resolved["t0", "Lạc Thị Hoa"].iri
    assert "guess=bộ trưởng|bộ y tế" in resolved["t8", "Lạc Thị Họa"].features
    assert resolved["t9", "Lạc Thị Họa"].iri != resolved["t0", "Lạc Thị Hoa"].iri


def test_a_rare_spelling_joins_the_common_one_in_its_own_article_only():
    deputy = [_extraction(f"d{i}", "Phó Thủ tướng Hồ Bình An tiếp khách.", ("Hồ Bình An", ("Phó Thủ tướng", "Chính phủ")))
              for i in range(20)]
    both = _extraction("p10", "Phó Thủ tướng Hồ Bình An tiếp đoàn. Ông Hồ Binh An khẳng định.",
                       ("Hồ Bình An", ("Phó Thủ tướng", "Chính phủ")), ("Hồ Binh An",))
    alone = _extraction("p11", "Ông Hồ Binh An khẳng định.", ("Hồ Binh An",))
    resolved = resolve_persons([*deputy, both, alone])
    assert resolved["p10", "Hồ Binh An"].iri == resolved["d0", "Hồ Bình An"].iri
    assert "rare spelling" in resolved["p10", "Hồ Binh An"].reason
    assert resolved["p11", "Hồ Binh An"].iri != resolved["d0", "Hồ Bình An"].iri
    # a real name a third as common as its namesake's (two footballers) is no slip
    players = [_extraction(f"f{i}", "Thủ môn Bùi Văn Dũng bắt chính.", ("Bùi Văn Dũng",)) for i in range(3)]
    team = _extraction("f9", "Bùi Văn Dũng và Bùi Văn Dụng cùng lên tuyển.", ("Bùi Văn Dũng",), ("Bùi Văn Dụng",))
    resolved = resolve_persons([*players, team, _extraction("f8", "Bùi Văn Dụng ghi bàn.", ("Bùi Văn Dụng",))])
    assert resolved["f9", "Bùi Văn Dụng"].iri != resolved["f9", "Bùi Văn Dũng"].iri


def test_an_age_becomes_a_birth_year_only_with_the_input_date():
    article = Article("y", "", "Ông Lạc Văn Hòa 57 tuổi, quê Nam Định.")
    features = _features(Extraction(article, "2007-05-11", []), _person(article, "Lạc Văn Hòa"))
    assert "born" not in features and features["age"] == {"57"}
    dated = Article("y", "", "Ông Lạc Văn Hòa 57 tuổi, quê Nam Định.", date="2017-05-11")
    assert _features(Extraction(dated, "2017-05-11", []), _person(dated, "Lạc Văn Hòa"))["born"] == {"1960"}


def test_a_body_after_the_name_is_an_affiliation_that_meets_the_same_body_in_brackets():
    assert ("affiliation", "đoàn luật sư hà nội") in _described(
        "Theo luật sư Mạc Văn Khải, Đoàn luật sư Hà Nội cho biết, hành vi này bị phạt.", "Mạc Văn Khải")
    assert not any(k == "affiliation" for k, _ in _described("Ông Mạc Văn Khải, Đoàn Mạnh Giao và Vũ Văn Ninh dự.",
                                                            "Mạc Văn Khải"))
    resolved = resolve_persons([
        _extraction("l1", "Luật sư Mạc Văn Khải, Đoàn luật sư Hà Nội cho biết.", ("Mạc Văn Khải",)),
        _extraction("l2", "Theo luật sư Mạc Văn Khải (Đoàn Luật sư TP Hà Nội), việc này sai.", ("Mạc Văn Khải",)),
    ])
    assert _same(resolved, "l1", "l2", "Mạc Văn Khải")
    assert "affiliation=đoàn luật sư hà nội" in resolved["l2", "Mạc Văn Khải"].features


def test_the_name_a_person_goes_by_is_an_alias_that_links_its_mentions():
    assert ("alias", "tí") in _described("Cháu Đào Minh Khang (tên thường gọi là bé Tí) mất tích.", "Đào Minh Khang")
    assert ("alias", "ba sẹo") in _described("Bị can Lò Văn Phát (33 tuổi, tức Ba “Sẹo”) bị bắt.", "Lò Văn Phát")
    assert not any(k == "alias" for k, _ in _described("Ông Lò Văn Phát (tức chồng của bà Kim) khai.", "Lò Văn Phát"))
    resolved = resolve_persons([
        _extraction("n1", "Cháu Đào Minh Khang (tên ở nhà là Tí) ở xã Yên Hòa mất tích.", ("Đào Minh Khang",)),
        _extraction("n2", "Thi thể bé Đào Minh Khang (thường gọi là bé Tí) được tìm thấy.", ("Đào Minh Khang",)),
    ])
    assert _same(resolved, "n1", "n2", "Đào Minh Khang")
    assert "alias=tí" in resolved["n2", "Đào Minh Khang"].features


def test_a_coach_of_a_show_is_an_artist_and_meets_the_singer():
    text = "Tại Giọng hát Việt, HLV Lạc Thu Hà chọn thí sinh."
    assert ("category", "job/art") in _described(text, "Lạc Thu Hà")
    assert ("category", "job/sport/coach") in _described("HLV Lạc Thu Hà dẫn dắt đội bóng.", "Lạc Thu Hà")
    resolved = resolve_persons([
        _extraction("v1", text + " Bà Lê Minh Châu dự.", ("Lạc Thu Hà",), ("Lê Minh Châu",)),
        _extraction("v2", "Ca sĩ Lạc Thu Hà hát cùng bà Lê Minh Châu.", ("Lạc Thu Hà",), ("Lê Minh Châu",)),
    ])
    assert _same(resolved, "v1", "v2", "Lạc Thu Hà")


def test_an_economist_commenting_in_two_articles_is_one_person():
    assert ("category", "job/expert/economy") in _described("Chuyên gia kinh tế Lạc Văn Kha cho rằng lãi suất sẽ giảm.",
                                                           "Lạc Văn Kha")
    resolved = resolve_persons([
        _extraction("e1", "Theo chuyên gia kinh tế, TS Lạc Văn Kha, giá vàng sẽ tăng.", ("Lạc Văn Kha",)),
        _extraction("e2", "TS Lạc Văn Kha, chuyên gia kinh tế, nhận định thị trường.", ("Lạc Văn Kha",)),
    ])
    assert _same(resolved, "e1", "e2", "Lạc Văn Kha")


def test_a_foreign_full_name_is_one_person_unless_its_mentions_conflict():
    said = ("Ông Tomas Brekke phát biểu tại hội nghị.", "Tomas Brekke cho rằng giá dầu sẽ tăng.")
    resolved = resolve_persons([_extraction(f"f{i}", text, ("Tomas Brekke",)) for i, text in enumerate(said)]
                               + [_extraction(f"g{i}", text.replace("Tomas Brekke", "Lạc Văn Tâm"), ("Lạc Văn Tâm",))
                                  for i, text in enumerate(said)])
    assert _same(resolved, "f0", "f1", "Tomas Brekke")
    assert not _same(resolved, "g0", "g1", "Lạc Văn Tâm")  # a Vietnamese name is many people's
    born = resolve_persons([_extraction("h1", "Tomas Brekke (SN 1960) phát biểu.", ("Tomas Brekke",)),
                            _extraction("h2", "Tomas Brekke (SN 1995) ghi bàn.", ("Tomas Brekke",))])
    assert not _same(born, "h1", "h2", "Tomas Brekke")


def test_a_judge_is_no_accused_of_the_same_name():
    assert ("category", "job/law/court") in _described("Thẩm phán Lạc Thị Mai làm chủ tọa phiên tòa.", "Lạc Thị Mai")
    resolved = resolve_persons([
        _extraction("j1", "Bị cáo Lạc Thị Mai (SN 1980) bị tuyên 5 năm tù.", ("Lạc Thị Mai",)),
        _extraction("j2", "Thẩm phán Lạc Thị Mai tuyên án.", ("Lạc Thị Mai",)),
    ])
    assert not _same(resolved, "j1", "j2", "Lạc Thị Mai")


def test_a_hero_of_history_does_not_follow_todays_namesake():
    today = [_extraction(f"t{i}", f"Phó Chủ tịch VFF Lạc Quốc Tuấn phát biểu lần {i}.",
                         ("Lạc Quốc Tuấn", ("Phó Chủ tịch", "Liên đoàn Bóng đá Việt Nam"))) for i in (1, 2)]
    past = _extraction("t3", "Đền thờ Hưng Đạo Đại Vương Lạc Quốc Tuấn đón khách.", ("Lạc Quốc Tuấn",))
    bare = _extraction("t4", "Ông Lạc Quốc Tuấn nói.", ("Lạc Quốc Tuấn",))
    resolved = resolve_persons(today + [past, bare])
    assert ("category", "history/ruler") in _described("Đền thờ Hưng Đạo Đại Vương Lạc Quốc Tuấn.", "Lạc Quốc Tuấn")
    assert _same(resolved, "t1", "t4", "Lạc Quốc Tuấn") and not _same(resolved, "t1", "t3", "Lạc Quốc Tuấn")
