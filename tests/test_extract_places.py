"""The article's foreign country: compounds and bylines name no country."""
from kg.extract.lexicon import lexicon
from kg.extract.places import Places
from kg.extract.text import sentences


def _country(text: str) -> str | None:
    return Places(sentences(text), lexicon()).country


def test_country_named_twice_is_the_articles_country():
    assert _country("Tổng thống Pháp thăm Đức. Quốc hội Pháp họp phiên bất thường.") == "Pháp"


def test_country_word_compounded_with_lower_case_syllable_is_no_country():
    assert _country("Vụ Pháp chế đã góp ý. Báo Pháp luật đưa tin về dự thảo.") is None


def test_byline_on_the_last_line_is_no_country():
    assert _country("Bộ Xây dựng nắm giữ cổ phần của công ty.\nAnh Quốc Anh Quốc") is None
