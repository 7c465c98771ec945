import json

from kg.evaluate import evaluate_dir, score_key


def test_score_key_folds_like_the_guidelines():
    assert score_key("Thành uỷ TP Hải Phòng") == score_key("thành ủy thành phố Hải Phòng")
    assert score_key(None) == ""


def test_evaluate_counts_hits_misses_and_extras(tmp_path):
    gold = {"persons": [{"name": "Trần Văn A", "positions": [{"role": "Bí thư", "org": "Tỉnh ủy Nam Định"}]},
                        {"name": "Lê Thị B", "positions": []}],
            "organisations": ["Tỉnh ủy Nam Định"], "events": [], "documents": []}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    predicted = {"persons": [{"name": "Trần Văn A", "positions": [{"role": "Bí thư", "org": "Tỉnh uỷ Nam Định"}]},
                             {"name": "Phạm C", "positions": []}],
                 "organisations": ["Tỉnh ủy Nam Định"], "events": [], "documents": []}
    scores = evaluate_dir(tmp_path, lambda path: predicted)
    assert (scores["persons"].tp, scores["persons"].fp, scores["persons"].fn) == (1, 1, 1)
    assert scores["positions"].f1 == 1.0
    assert any("missed persons" in m for m in scores["persons"].misses)
