import pytest

from kg.hierarchy import parent_of
from kg.validate import validate_store


@pytest.mark.parametrize("body, parent", [
    ("Ban Thường vụ Tỉnh ủy Nam Định", "Tỉnh ủy Nam Định"),
    ("Thanh tra Sở Y tế tỉnh Đồng Tháp", "Sở Y tế tỉnh Đồng Tháp"),
    ("Sở Y tế tỉnh Đồng Tháp", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("Bộ Tài chính", "Chính phủ"),
    ("Bộ Khoa học và Công nghệ", "Chính phủ"),
    ("Ban Tuyên giáo Trung ương", "Ban Chấp hành Trung ương Đảng"),
    ("Bộ Chính trị", "Ban Chấp hành Trung ương Đảng"),
    ("Ban Bí thư", "Ban Chấp hành Trung ương Đảng"),
    ("Đoàn đại biểu Quốc hội tỉnh Đồng Nai", "Quốc hội"),
])
def test_parent_from_gazetteer_names_and_rules(body, parent):
    assert parent_of(body) == parent


@pytest.mark.parametrize("body", ["Ban Chấp hành Trung ương Đảng", "Ủy ban nhân dân huyện Hải Hà",
                                  "Trường Đại học Trà Vinh"])
def test_no_parent_when_nothing_says(body):
    assert parent_of(body) is None


def test_parents_are_stored_typed_and_the_store_validates_in_batches(seed_graph):
    rows = seed_graph.sparql("""SELECT DISTINCT ?child ?parent WHERE {
        ?c org:subOrganizationOf ?p . ?c schema:name ?child . ?p a kg:Organisation ; schema:name ?parent }""").rows
    assert {"child": "Ban Kinh tế Trung ương", "parent": "Ban Chấp hành Trung ương Đảng"} in rows
    assert validate_store(seed_graph.store, batch_size=1).conforms
