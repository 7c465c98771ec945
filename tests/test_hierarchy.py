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
                                  "Trường Đại học Trà Vinh", "Bộ Năng lượng tái tạo", "Bộ Xây dựng khẳng định"])
def test_no_parent_when_nothing_says(body):
    assert parent_of(body) is None


@pytest.mark.parametrize("body, parent", [
    ("Bộ Ngoại giao Canada", "Chính phủ Canada"),
    ("Bộ Tài chính Cuba", "Chính phủ Cuba"),
    ("Quốc hội Canada", None),
    ("Bộ Chính trị Cuba", None),
    ("Bộ Năng lượng và Mỏ Lào", None),
])
def test_a_foreign_body_is_never_under_a_vietnamese_one(body, parent):
    assert parent_of(body) == parent


def test_a_variant_of_a_central_name_has_its_parent():
    assert parent_of("Bộ Kế hoạch - Đầu tư") == "Chính phủ"


@pytest.mark.parametrize("body, parent", [
    ("Cục Cảnh sát giao thông", None),  # the words after a head are its field, not a body inside it
    ("Văn phòng Bộ Nội vụ", "Bộ Nội vụ"),
    ("Ủy ban Kiểm tra Huyện ủy Hải Hà", "Huyện ủy Hải Hà"),
])
def test_a_body_inside_a_name_must_be_one_of_its_own(body, parent):
    assert parent_of(body) == parent


def test_parents_are_stored_typed_and_the_store_validates_in_batches(seed_graph):
    rows = seed_graph.sparql("""SELECT DISTINCT ?child ?parent WHERE {
        ?c org:subOrganizationOf ?p . ?c schema:name ?child . ?p a kg:Organisation ; schema:name ?parent }""").rows
    assert {"child": "Ban Kinh tế Trung ương", "parent": "Ban Chấp hành Trung ương Đảng"} in rows
    assert validate_store(seed_graph.store, batch_size=1).conforms


def test_a_department_sits_under_its_provinces_peoples_committee_only_in_a_vietnamese_province():
    assert parent_of("Sở Y tế tỉnh Bình Định") == "Ủy ban nhân dân tỉnh Bình Định"
    assert parent_of("Sở Văn hóa tỉnh Quảng Đông") is None
    assert parent_of("Sở Y tế thành phố New York") is None


@pytest.mark.parametrize("body, parent", [
    ("Phòng Cảnh sát giao thông Công an tỉnh Nam Định", "Công an tỉnh Nam Định"),  # the police's field, not a body
    ("Cảnh sát Phòng cháy chữa cháy Công an tỉnh Ninh Thuận", "Công an tỉnh Ninh Thuận"),
    ("Phòng Cảnh sát cứu hỏa quận Ba Đình", None),
    ("Học viện Ngân hàng Hà Nội", None),
    ("Văn phòng Công an tỉnh Nghệ An", "Công an tỉnh Nghệ An"),  # an office of the body after it
    ("Ban Thường vụ Đảng ủy Khối tỉnh Kon Tum", "Đảng ủy Khối tỉnh Kon Tum"),
    ("Sở Cảnh sát phòng cháy chữa cháy thành phố Cần Thơ", None),  # the police's, not the province's
])
def test_a_sector_named_after_a_head_is_its_field_not_its_parent(body, parent):
    assert parent_of(body) == parent


@pytest.mark.parametrize("body, parent", [
    ("Phòng PC45 Công an Bình Định", "Công an tỉnh Bình Định"),
    ("Thanh tra Sở Xây dựng Đà Nẵng", "Sở Xây dựng thành phố Đà Nẵng"),
    ("Cảnh sát điều tra Công an huyện Can Lộc Hà Tĩnh", "Công an huyện Can Lộc tỉnh Hà Tĩnh"),
])
def test_a_parent_named_with_a_bare_province_is_the_body_its_own_name_gives(body, parent):
    assert parent_of(body) == parent
