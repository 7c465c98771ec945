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


def test_export_round_trips_through_graphml(seed_graph, tmp_path):
    import networkx as nx
    view = seed_graph.view("co_attendance")
    path = seed_graph.export("co_attendance", tmp_path / "g.graphml", "graphml")
    again = nx.read_graphml(path)
    assert (again.number_of_nodes(), again.number_of_edges()) == (view.number_of_nodes(), view.number_of_edges())


def test_every_view_exports_in_every_format(seed_graph, tmp_path):
    for name in ("membership", "co_attendance", "hierarchy", "full"):
        for fmt in ("graphml", "gexf", "json", "csv"):
            assert seed_graph.export(name, tmp_path / f"{name}.{fmt}", fmt).stat().st_size > 0


def test_views_filter_by_date_and_body(seed_graph):
    assert seed_graph.view("membership", until="2020-01-01").number_of_edges() == 0
    assert seed_graph.view("membership", since="2021-01-01").number_of_edges() == 8
    by_body = seed_graph.view("membership", body="Ban Chấp hành Trung ương Đảng")
    bodies = {d["label"] for _, d in by_body.nodes(data=True) if d["type"] == "organisation"}
    assert bodies == {"Ban Chấp hành Trung ương Đảng", "Bộ Chính trị", "Ban Kinh tế Trung ương",
                      "Đoàn kiểm tra của Bộ Chính trị"}


def test_full_view_is_typed(seed_graph):
    g = seed_graph.view("full")
    assert {d["type"] for _, d in g.nodes(data=True)} == {"person", "organisation", "meeting", "document"}
    assert {d["relation"] for *_, d in g.edges(data=True)} >= {"holds", "attended", "took part", "issued by"}


def test_centrality_ranks_persons_and_bodies(seed_graph):
    from kg.analysis import centrality
    rows, components = centrality(seed_graph.view("membership"), top=1)
    assert [r["type"] for r in rows] == ["person", "organisation"]
    assert components["components"] >= 1


def test_views_and_the_page_label_a_person_as_most_articles_spell_the_name(tmp_path, write_jsonl):
    from kg import KnowledgeGraph
    from kg.viz import Selection, read_facts
    articles = [{"id": f"s{i}", "title": "Tin", "text": f"Sáng nay, Chủ tịch Quốc hội {name} họp với Ủy ban Tư pháp."}
                for i, name in enumerate(["Nguyễn Thi Kim Ngân", "Nguyễn Thị Kim Ngân", "Nguyễn Thị Kim Ngân"])]
    with KnowledgeGraph.open(tmp_path / "store") as g:
        g.ingest([write_jsonl(articles)])
        persons = [d["label"] for _, d in g.view("membership").nodes(data=True) if d["type"] == "person"]
        attendees = [d["label"] for _, d in g.view("full").nodes(data=True) if d["type"] == "person"]
        page = read_facts(g, Selection())
    assert persons == attendees == ["Nguyễn Thị Kim Ngân"]
    assert [page.names[n] for n, kind in page.types.items() if kind == "person"] == ["Nguyễn Thị Kim Ngân"]
