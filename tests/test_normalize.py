import pytest

from kg.normalize import _first_characters, clean, fix_tone_placement, fold, normalise


def test_old_tone_placement_becomes_one_style():
    assert fix_tone_placement("Thành uỷ Hải Phòng") == "Thành ủy Hải Phòng"
    assert fix_tone_placement("hoà bình, khoẻ mạnh") == "hòa bình, khỏe mạnh"
    assert fix_tone_placement("UỶ BAN") == "ỦY BAN"


def test_tone_placement_leaves_qu_and_closed_syllables_alone():
    assert fix_tone_placement("quý") == "quý"
    assert fix_tone_placement("hoàn thành") == "hoàn thành"


def test_abbreviations_expand_with_offsets_into_the_original():
    text = "Chủ tịch UBND TP Hà Nội"
    norm = normalise(text)
    assert norm.text == "Chủ tịch Ủy ban nhân dân thành phố Hà Nội"
    start = norm.text.index("Hà Nội")
    assert norm.original_text(start, start + len("Hà Nội")) == "Hà Nội"
    start = norm.text.index("Ủy ban")
    assert norm.original_text(start, start + len("Ủy ban nhân dân")) == "UBND"


def test_abbreviation_inside_a_document_number_is_kept():
    assert "137-QĐNS/TW" in normalise("Quyết định số 137-QĐNS/TW").text
    assert "Ban Chấp hành Trung ương" in normalise("Ban Chấp hành TW").text


def test_fold_makes_spellings_of_one_name_equal():
    assert fold("Thành uỷ Hải Phòng") == fold("THÀNH ỦY HẢI PHÒNG")
    assert fold("UBND tỉnh") == fold("Ủy ban nhân dân tỉnh")
    assert fold("Nguyễn Văn Hùng") != fold("Nguyễn Văn Hưng")


def test_the_first_abbreviation_in_file_order_wins():
    assert normalise("Tại TP HCM và TP. Huế").text == "Tại Thành phố Hồ Chí Minh và thành phố Huế"


@pytest.mark.parametrize("pattern, firsts", [
    (r"UBND\b", {"U"}),
    (r"\bTN\s*(?:&|-|và)?\s*MT\b", {"T"}),  # a word boundary reads nothing
    (r"(?<=Bộ )CA\b", {"C"}),  # nor does a look-behind
    (r"TP\b\.?|Tp\b\.?|[Đđ]BQH", {"T", "Đ", "đ"}),
    (r"[A-C]X", {"A", "B", "C"}),
    (r"(?:GD|ĐT)\b", {"G", "Đ"}),
    (r"(?i)ubnd", None),  # any case: not plain
    (r"\w+X", None),
    (r"X?Y", None),
])
def test_first_characters_of_an_abbreviation_pattern(pattern, firsts):
    assert _first_characters(pattern) == (None if firsts is None else frozenset(firsts))


def test_clean_is_the_text_normalise_gives():
    text = "Chủ tịch UBND TP.Trà Vinh, “Thành uỷ” Bộ CA"
    assert clean(text) == normalise(text).text == 'Chủ tịch Ủy ban nhân dân thành phố Trà Vinh, "Thành ủy" Bộ Công an'


def test_quotes_and_odd_spaces_become_plain_keeping_offsets():
    norm = normalise("“Hoà bình”\u00a0‘ủy’")
    assert norm.text == "\"Hòa bình\" 'ủy'"
    assert norm.offsets == tuple(range(len(norm.original)))
