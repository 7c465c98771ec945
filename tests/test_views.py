import re

from kg.viz import build_view, render, to_network


def test_membership_view_has_roles_and_dates(seed_graph):
    g = seed_graph.view("membership")
    people = {d["label"] for _, d in g.nodes(data=True) if d["type"] == "person"}
    assert people == {"Trần Tuấn Anh", "Nguyễn Hồng Sơn", "Trần Lưu Quang"}
    edges = [(g.nodes[a]["label"], g.nodes[b]["label"], d["role"], d["as_of"]) for a, b, d in g.edges(data=True)]
    assert any(set(e[:2]) == {"Trần Lưu Quang", "Thành ủy Hải Phòng"} and e[2:] == ("Bí thư", "2021-10-18")
               for e in edges)


def test_co_attendance_weights_meetings_shared(seed_graph):
    g = seed_graph.view("co_attendance")
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 3
    assert {d["weight"] for *_, d in g.edges(data=True)} == {1}


def test_hierarchy_from_body_names(seed_graph):
    g = seed_graph.view("hierarchy")
    labels = {(g.nodes[a]["label"], g.nodes[b]["label"]) for a, b in g.edges}
    assert ("Ban Thường vụ Thành ủy Hải Phòng", "Thành ủy Hải Phòng") in labels


def test_html_is_self_contained(seed_graph, tmp_path):
    path = seed_graph.visualize(tmp_path / "g.html")
    page = path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"?https?:", page)
    assert "Trần Lưu Quang" in page and "vis.Network" in page


def test_hostile_names_are_data_not_markup(seed_graph):
    view = build_view(seed_graph)
    net = to_network(view)
    net.add_node("evil", label='</script><img src=x onerror=alert(1)>"', color="#000", shape="dot")
    page = render(net, view)
    assert "<img src=x" not in page and page.count("</script>") == 3
