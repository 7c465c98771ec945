"""Properties over generated input (hypothesis): extraction never raises and keeps its shape,
normalisation is idempotent and keeps offsets, IRIs do not depend on where a tone mark sits."""
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.normalize import fold, normalise
from kg.records import Article
from kg.resolve import organisation_iri, person_iri, place_iri, post_iri

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction.schema.json"
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of political news, so that generated text reaches the extractor's rules, not only its tokenizer.
PIECES = ["ông", "bà", "Nguyễn Văn", "Trần", "Hùng", "Bí thư", "Phó Chủ tịch", "UBND", "tỉnh", "Thành ủy",
          "Hà Nội", "TP.HCM", "Bộ", "Nghị quyết số 12-NQ/TW", "ngày", "18/10", "2021", "hội nghị", "dự",
          "chủ trì", "nguyên", "(", ")", ",", ".", "-", ":", "\n", "“", "”", " ", "  ", "Q.", "Hoà", "uỷ"]
news = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
anything = st.text(st.characters(codec="utf-8"), max_size=200)
texts = st.one_of(news, anything, st.tuples(news, anything, news).map("".join))


@FEW
@given(title=texts, text=texts)
def test_extraction_never_raises_and_points_inside_the_article(title, text):
    article = Article("p1", title, text)
    result = extract(article)
    json.dumps(result.to_json(), ensure_ascii=False)
    spans = [e for p in result.persons for e in p.evidence] + [q.evidence for p in result.persons
                                                                 for q in p.positions if q.evidence]
    assert all(0 <= e.start <= e.end <= len(article.full_text) for e in spans)


@pytest.fixture(scope="module")
def schema():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("shared/eval is not beside the repository")
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@FEW
@given(title=texts, text=texts)
def test_extraction_always_fits_the_schema(schema, title, text):
    errors = [e.message for e in schema.iter_errors(extract(Article("p2", title, text)).to_json())]
    assert errors == []


@FEW
@given(texts)
def test_normalisation_is_idempotent(text):
    once = normalise(text).text
    assert normalise(once).text == once
    assert fold(fold(text)) == fold(text) and fold(fold(text, marks=False), marks=False) == fold(text, marks=False)


@FEW
@given(texts)
def test_normalisation_keeps_offsets(text):
    result = normalise(text)
    original = unicodedata.normalize("NFC", text)
    assert result.original == original and len(result.offsets) == len(result.text)
    assert list(result.offsets) == sorted(result.offsets) and all(0 <= o < len(original) for o in result.offsets)
    for start in range(0, len(result.text), 7):
        a, b = result.original_span(start, start + 3)
        assert 0 <= a <= b <= len(original)
    plain = normalise(text, expand_abbreviations=False)
    assert len(plain.text) == len(original) and plain.offsets == tuple(range(len(original)))


TONES = "\u0300\u0301\u0303\u0309\u0323"
VOWEL_PAIRS = ["oa", "oe", "uy"]  # where old and new spelling put the mark on different letters
syllable = st.tuples(st.sampled_from(["h", "th", "kh", "l", "x", "t", "nh"]), st.sampled_from(VOWEL_PAIRS),
                     st.sampled_from(TONES), st.booleans())


def _spell(onset: str, pair: str, tone: str, old_style: bool, capital: bool) -> str:
    """`hòa` (the mark on the first vowel) or `hoà` (on the second, the old style)."""
    marked = pair[0] + tone + pair[1] if not old_style else pair + tone
    word = unicodedata.normalize("NFC", onset + marked)
    return word.capitalize() if capital else word


@FEW
@given(st.lists(syllable, min_size=1, max_size=4), st.sampled_from(["Nguyễn", "Lê", "Phạm"]))
def test_iris_do_not_change_with_tone_mark_placement(syllables, surname):
    new, old = ([_spell(o, p, t, style, c) for o, p, t, c in syllables] for style in (False, True))
    name_new, name_old = f"{surname} {' '.join(new)}", f"{surname} {' '.join(old)}"
    body_new, body_old = f"Ủy ban nhân dân tỉnh {' '.join(new)}", f"Uỷ ban nhân dân tỉnh {' '.join(old)}"
    assert fold(name_new) == fold(name_old)
    assert person_iri(name_new) == person_iri(name_old)
    assert organisation_iri(body_new) == organisation_iri(body_old)
    assert place_iri(body_new) == place_iri(body_old)
    assert post_iri("Chủ tịch", body_new) == post_iri("Chủ tịch", body_old)
