"""Who holds which title in one article: constructions that gave a title to the wrong person (sentences written here)."""
from kg.extract import extract
from tests.conftest import article


def posts(text):
    """Each person's posts, current or not."""
    return {p.name: {(q.role, q.org, q.current) for q in p.positions} for p in extract(article(text)).persons}


def test_a_list_of_bare_names_after_a_colon_ends_at_a_titled_item():
    got = posts("Dự lễ có Chủ tịch nước Trần Đại Quang, nguyên Chủ tịch nước: Lê Đức Anh, Trương Tấn Sang; "
                "Thủ tướng Nguyễn Xuân Phúc, nguyên Thủ tướng Phan Văn Khải.")
    assert got["Trương Tấn Sang"] == {("Chủ tịch nước", "Nhà nước", False)}
    assert got["Nguyễn Xuân Phúc"] == {("Thủ tướng", "Chính phủ", True)}


def test_a_list_of_names_with_their_own_titles_goes_on_past_semicolons():
    got = posts("Cùng đi có các đồng chí Ủy viên Trung ương Đảng: Nguyễn Văn Thể, Bộ trưởng Bộ Giao thông vận tải; "
                "Lê Minh Hưng, Thống đốc Ngân hàng Nhà nước.")
    assert ("Ủy viên", "Ban Chấp hành Trung ương Đảng", True) in got["Lê Minh Hưng"]


def test_a_list_of_titled_names_after_a_colon_goes_on_past_semicolons():
    got = posts("Tới dự có các đồng chí Ủy viên Bộ Chính trị: Tổng Bí thư Nguyễn Phú Trọng; Chủ tịch Quốc hội "
                "Nguyễn Thị Kim Ngân.")
    assert ("Ủy viên", "Bộ Chính trị", True) in got["Nguyễn Thị Kim Ngân"]


def test_titles_after_a_titled_name_and_before_another_name_are_the_next_persons():
    got = posts("Theo sự phân công của Chủ tịch nước Trần Đại Quang, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao "
                "Phạm Bình Minh dẫn đầu đoàn.")
    assert got["Trần Đại Quang"] == {("Chủ tịch nước", "Nhà nước", True)}
    assert got["Phạm Bình Minh"] == {("Phó Thủ tướng", "Chính phủ", True), ("Bộ trưởng", "Bộ Ngoại giao", True)}


def test_titles_after_an_untitled_name_are_its_own_but_the_last():
    got = posts("Ông Nguyễn Văn Bình, Trưởng Ban Kinh tế Trung ương, Thứ trưởng Bộ Tài chính Đỗ Hoàng Anh Tuấn dự.")
    assert got["Nguyễn Văn Bình"] == {("Trưởng", "Ban Kinh tế Trung ương", True)}
    assert got["Đỗ Hoàng Anh Tuấn"] == {("Thứ trưởng", "Bộ Tài chính", True)}


def test_another_states_head_after_a_titled_name_is_a_new_subject():
    got = posts("Tại cuộc hội kiến với Chủ tịch nước Trần Đại Quang, Thủ tướng Hungary khẳng định hai nước sẽ hợp tác.")
    assert got == {"Trần Đại Quang": {("Chủ tịch nước", "Nhà nước", True)}}


def test_the_same_post_of_another_state_after_a_titled_name_is_a_new_subject():
    got = posts("Đồng ý với Chủ tịch Quốc hội Nguyễn Thị Kim Ngân, Chủ tịch Quốc hội Hungary nhấn mạnh hợp tác.")
    assert got == {"Nguyễn Thị Kim Ngân": {("Chủ tịch", "Quốc hội", True)}}


def test_another_national_bodys_head_after_a_titled_name_is_a_new_subject():
    got = posts("Sau phần trả lời của Phó Thủ tướng Vũ Đức Đam, Chủ tịch Quốc hội cho rằng cần làm rõ thêm.")
    assert got == {"Vũ Đức Đam": {("Phó Thủ tướng", "Chính phủ", True)}}


def test_a_head_of_another_body_after_a_titled_name_is_still_an_apposition():
    got = posts("Phó Thủ tướng Vương Đình Huệ, Chủ tịch Hội đồng Tư vấn chính sách tài chính chủ trì phiên họp.")
    assert any(role == "Chủ tịch" and org.startswith("Hội đồng Tư vấn") for role, org, _ in got["Vương Đình Huệ"])


def test_a_seat_before_the_name_does_not_make_its_post_a_new_subject():
    got = posts("Ủy viên Bộ Chính trị Nguyễn Thị Kim Ngân, Chủ tịch Quốc hội phát biểu khai mạc.")
    assert got["Nguyễn Thị Kim Ngân"] == {("Ủy viên", "Bộ Chính trị", True), ("Chủ tịch", "Quốc hội", True)}


def test_a_chain_cut_by_an_unread_body_goes_on_with_the_first_holder():
    got = posts("Đại tướng Ngô Xuân Lịch, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng, "
                "Thủ tướng Nguyễn Xuân Phúc hoan nghênh kết quả hội đàm.")
    assert got["Nguyễn Xuân Phúc"] == {("Thủ tướng", "Chính phủ", True)}


def test_titles_of_other_countries_between_two_titled_names_are_nobodys():
    got = posts("Dự hội nghị có Thủ tướng Lào Thongloun Sisoulith, Phó Tổng thống Indonesia, Phó Thủ tướng Thái Lan, "
                "Thủ tướng Singapore Lý Hiển Long.")
    assert got["Lý Hiển Long"] == {("Thủ tướng", "Chính phủ Singapore", True)}
    assert got["Thongloun Sisoulith"] == {("Thủ tướng", "Chính phủ Lào", True)}


def test_a_seat_between_two_titled_names_is_the_seconds():
    got = posts("Bộ trưởng Bộ Công an Tô Lâm và Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải dự. "
                "Có Bộ trưởng Bộ Quốc phòng Ngô Xuân Lịch, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải.")
    assert got["Ngô Xuân Lịch"] == {("Bộ trưởng", "Bộ Quốc phòng", True)}
    assert got["Hoàng Trung Hải"] == {("Ủy viên", "Bộ Chính trị", True), ("Bí thư", "Thành ủy Hà Nội", True)}


def test_titles_of_two_states_joined_by_and_are_two_persons():
    got = posts("Tổng thống Mỹ và Thủ tướng Nguyễn Xuân Phúc chụp ảnh chung tại Nhà Trắng.")
    assert got == {"Nguyễn Xuân Phúc": {("Thủ tướng", "Chính phủ", True)}}


def test_first_secretary_of_the_youth_union():
    got = posts("Anh Lê Quốc Phong, Bí thư thứ nhất Ban Chấp hành Trung ương Đoàn phát biểu tại hội nghị.")
    assert got == {"Lê Quốc Phong": {("Bí thư thứ nhất", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", True)}}


def test_the_deputies_addressed_before_a_titled_name_are_not_its_title():
    got = posts("Trả lời chất vấn của các đại biểu Quốc hội, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến cho biết như vậy.")
    assert got == {"Nguyễn Thị Kim Tiến": {("Bộ trưởng", "Bộ Y tế", True)}}


def test_a_deputy_named_after_the_title_keeps_it():
    got = posts("Đại biểu Quốc hội Lê Thị Nga phát biểu. Dự có các đại biểu Quốc hội: Dương Trung Quốc, Lưu Bình Nhưỡng.")
    assert got["Lê Thị Nga"] == {("Đại biểu", "Quốc hội", True)}
    assert got["Lưu Bình Nhưỡng"] == {("Đại biểu", "Quốc hội", True)}


def test_one_post_of_two_bodies_joined_by_and_is_two_persons():
    got = posts("Trong phiên chất vấn với hai vị Bộ trưởng Bộ Y tế và Bộ trưởng Bộ Tư pháp Lê Thành Long, đại biểu hỏi.")
    assert got == {"Lê Thành Long": {("Bộ trưởng", "Bộ Tư pháp", True)}}


def test_one_local_post_of_two_places_in_a_list_is_two_persons():
    got = posts("Hội thảo nghe Chủ tịch Hội đồng nhân dân tỉnh Sơn La Hoàng Văn Chất, Chủ tịch Hội đồng nhân dân tỉnh "
                "Thanh Hóa Trịnh Văn Chiến, Chủ tịch Hội đồng nhân dân tỉnh Hủa Phăn phát biểu.")
    assert got == {"Hoàng Văn Chất": {("Chủ tịch", "Hội đồng nhân dân tỉnh Sơn La", True)},
                   "Trịnh Văn Chiến": {("Chủ tịch", "Hội đồng nhân dân tỉnh Thanh Hóa", True)}}


def test_two_ministries_held_together_stay_one_persons():
    got = posts("Ông tiếp Bộ trưởng Bộ Quốc phòng kiêm Bộ trưởng Bộ Tài chính Ấn Độ Arun Jaitley.")
    assert len(got["Arun Jaitley"]) == 2


def test_a_standing_deputy_head_of_a_board_is_one_post():
    got = posts("Phó Trưởng ban Thường trực Ban Tuyên giáo Trung ương Mai Văn Ninh phát biểu.")
    assert got == {"Mai Văn Ninh": {("Phó Trưởng Thường trực", "Ban Tuyên giáo Trung ương", True)}}


def test_a_vietnamese_holders_national_body_is_not_the_foreign_news_country():
    got = posts("Sáng nay tại Viêng Chăn, Chủ tịch Quốc hội Nguyễn Thị Kim Ngân hội đàm với Chủ tịch Quốc hội Lào "
                "Pany Yathotou. Hai bên nhất trí thắt chặt quan hệ với Lào.")
    assert got["Nguyễn Thị Kim Ngân"] == {("Chủ tịch", "Quốc hội", True)}
    assert got["Pany Yathotou"] == {("Chủ tịch", "Quốc hội Lào", True)}
    got = posts("Tại Oa-sinh-tơn, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh gửi điện mừng tới Ngoại trưởng "
                "Mỹ Rex Tillerson. Quan hệ với Mỹ đang tốt.")
    assert ("Bộ trưởng", "Bộ Ngoại giao", True) in got["Phạm Bình Minh"]
    assert got["Rex Tillerson"] == {("Bộ trưởng", "Bộ Ngoại giao Mỹ", True)}


def test_news_about_a_country_writing_sino_vietnamese_names_keeps_its_country():
    got = posts("Tại Bắc Kinh, Thủ tướng Lý Khắc Cường tiếp đoàn. Bộ trưởng Bộ Ngoại giao Vương Nghị cũng dự. "
                "Quan hệ với Trung Quốc được thúc đẩy, Trung Quốc cam kết hợp tác.")
    assert ("Bộ trưởng", "Bộ Ngoại giao Trung Quốc", True) in got["Vương Nghị"]


def test_a_sino_vietnamese_name_in_news_naming_china_is_not_taken_for_a_vietnamese_holder():
    got = posts("Triều Tiên lại phóng tên lửa. Người phát ngôn Bộ Ngoại giao Lục Khảng kêu gọi Triều Tiên kiềm chế, "
                "Trung Quốc phản đối mọi vụ thử.")
    assert ("Người phát ngôn", "Bộ Ngoại giao", True) not in got["Lục Khảng"]


def test_a_bare_title_is_not_lent_a_body_quoted_apart_from_it():
    got = posts('"Bộ Lao động - Thương binh và Xã hội rất quan trọng trong việc này", Bộ trưởng Mai Tiến Dũng nói.')
    assert got["Mai Tiến Dũng"] == set()
    got = posts('Cán bộ Phòng Tài nguyên - Môi trường "hợp thức" hồ sơ, trình Trưởng phòng Nguyễn Văn Sỹ phê duyệt.')
    assert got["Nguyễn Văn Sỹ"] == {("Trưởng phòng", "Phòng Tài nguyên - Môi trường", True)}


def test_a_bare_title_of_a_vietnamese_name_is_not_lent_a_foreign_body():
    got = posts("Hội nghị do Bộ Ngoại giao Ấn Độ chủ trì với sự tham dự của Phó Thủ tướng, Bộ trưởng Phạm Bình Minh.")
    assert got["Phạm Bình Minh"] == {("Phó Thủ tướng", "Chính phủ", True)}
    got = posts("Theo thông báo của Bộ Dân chính Trung Quốc, Bộ trưởng Lý Lập Quốc đã phát biểu.")
    assert got["Lý Lập Quốc"] == {("Bộ trưởng", "Bộ Dân chính Trung Quốc", True)}  # China's names read Vietnamese
