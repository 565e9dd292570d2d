"""The unit tree: create, edit, move; bad input; one query for the whole tree."""

from django.urls import reverse

from ideverket.activity.models import Event
from ideverket.org.actions import do_create_unit
from ideverket.org.models import Unit


def unit_data(**overrides):
    data = {"name": "Ny enhet", "parent": "", "is_support_function": ""}
    data.update(overrides)
    return {key: value for key, value in data.items() if value != ""}


def test_tree_shows_units_nested_with_kind_mark_and_count(cast, login):
    response = login(cast.admin).get(reverse("org:units"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<ul class="tree org-tree">' in html
    # Skola Norr is nested inside Utbildningsförvaltningen's list item, after it.
    assert html.index("Utbildningsförvaltningen") < html.index("Skola Norr")
    tree = response.context["tree"]
    assert [n["unit"].name for n in tree] == ["Testkommun"]
    departments = tree[0]["children"]
    assert [n["unit"].name for n in departments] == [
        "Kommunledningsförvaltningen",
        "Socialförvaltningen",
        "Utbildningsförvaltningen",
    ]
    school = departments[2]["children"][0]["unit"]
    assert school == cast.school
    assert school.member_count == 4  # employee, colleague, inspirer, manager
    assert "Stödfunktion" in html  # HR
    assert "Förvaltning" in html and "Enhet" in html
    assert reverse("org:unit_edit", args=[cast.school.pk]) in html
    assert response.context["nav"] == "org"


def test_create_unit(cast, login):
    client = login(cast.admin)
    form = client.get(reverse("org:unit_create") + f"?parent={cast.school.pk}")
    assert form.context["form"].initial["parent"] == cast.school.pk
    response = client.post(
        reverse("org:unit_create"),
        unit_data(name="  Klass 7A ", parent=cast.school.pk, is_support_function="on"),
        follow=True,
    )
    assert response.redirect_chain == [(reverse("org:units"), 302)]
    unit = Unit.objects.get(name="Klass 7A")
    assert unit.parent == cast.school
    assert unit.kind == Unit.Kind.UNIT
    assert unit.is_support_function
    assert unit.path == f"{cast.school.path}{unit.pk}/"
    assert "Enheten Klass 7A lades till." in response.content.decode()
    assert Event.objects.for_subject(unit).get().actor == cast.admin


def test_create_department_under_the_municipality(cast, login):
    login(cast.admin).post(
        reverse("org:unit_create"), unit_data(name="Kulturförvaltningen", parent=cast.kommun.pk)
    )
    assert Unit.objects.get(name="Kulturförvaltningen").kind == Unit.Kind.DEPARTMENT


def test_create_unit_needs_a_name_and_a_parent(cast, login):
    count = Unit.objects.count()
    response = login(cast.admin).post(reverse("org:unit_create"), unit_data(name=""))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "parent"}
    assert "Något behöver rättas" in response.content.decode()
    assert Unit.objects.count() == count


def test_duplicate_name_under_same_parent_is_a_message_not_a_500(cast, login):
    count = Unit.objects.count()
    response = login(cast.admin).post(
        reverse("org:unit_create"), unit_data(name="skola norr", parent=cast.education.pk)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Det finns redan en enhet med det namnet på samma plats." in html
    assert 'value="skola norr"' in html  # what was typed is kept
    assert Unit.objects.count() == count
    # The same name elsewhere in the tree is fine.
    login(cast.admin).post(
        reverse("org:unit_create"), unit_data(name="Skola Norr", parent=cast.social.pk)
    )
    assert Unit.objects.filter(name="Skola Norr").count() == 2


def test_edit_unit(cast, login):
    url = reverse("org:unit_edit", args=[cast.hr.pk])
    client = login(cast.admin)
    form = client.get(url).context["form"]
    assert form.initial == {
        "name": "HR",
        "parent": cast.central.pk,
        "is_support_function": True,
        "is_active": True,
    }
    response = client.post(url, unit_data(name="HR-avdelningen", parent=cast.central.pk))
    assert response.status_code == 302
    cast.hr.refresh_from_db()
    assert cast.hr.name == "HR-avdelningen"
    assert not cast.hr.is_support_function
    assert not cast.hr.is_active  # unchecked box


def test_move_carries_the_subtree_and_rebuilds_paths(cast, login):
    class_unit = do_create_unit(None, name="Klass 7A", parent=cast.school)
    response = login(cast.admin).post(
        reverse("org:unit_edit", args=[cast.school.pk]),
        unit_data(name="Skola Norr", parent=cast.social.pk, is_active="on"),
    )
    assert response.status_code == 302
    cast.school.refresh_from_db()
    class_unit.refresh_from_db()
    assert cast.school.path == f"{cast.social.path}{cast.school.pk}/"
    assert class_unit.path == f"{cast.school.path}{class_unit.pk}/"
    assert class_unit.depth == 3
    assert set(Unit.objects.subtree_of(cast.social)) == {
        cast.social,
        cast.homecare,
        cast.school,
        class_unit,
    }
    assert not Unit.objects.subtree_of(cast.education).filter(pk=class_unit.pk).exists()
    assert Event.objects.for_subject(cast.school).last().data["moved"] is True


def test_moving_up_to_the_municipality_makes_a_department(cast, login):
    login(cast.admin).post(
        reverse("org:unit_edit", args=[cast.school.pk]),
        unit_data(name="Skola Norr", parent=cast.kommun.pk, is_active="on"),
    )
    cast.school.refresh_from_db()
    assert cast.school.kind == Unit.Kind.DEPARTMENT
    assert cast.school.depth == 1


def test_moving_under_its_own_subtree_is_refused(cast, login):
    before = list(Unit.objects.values_list("pk", "name", "parent_id", "path"))
    response = login(cast.admin).post(
        reverse("org:unit_edit", args=[cast.education.pk]),
        unit_data(name="Utbildning (nytt namn)", parent=cast.school.pk, is_active="on"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["parent"] == ["En enhet kan inte flyttas in under sig själv."]
    html = response.content.decode()
    assert 'value="Utbildning (nytt namn)"' in html
    assert "Ändra Utbildningsförvaltningen" in html  # heading keeps the saved name
    assert list(Unit.objects.values_list("pk", "name", "parent_id", "path")) == before


def test_renaming_into_a_sibling_name_is_refused(cast, login):
    response = login(cast.admin).post(
        reverse("org:unit_edit", args=[cast.social.pk]),
        unit_data(name="Utbildningsförvaltningen", parent=cast.kommun.pk, is_active="on"),
    )
    assert "name" in response.context["form"].errors
    cast.social.refresh_from_db()
    assert cast.social.name == "Socialförvaltningen"


def test_the_municipality_can_be_renamed_but_stays_on_top(cast, login):
    url = reverse("org:unit_edit", args=[cast.kommun.pk])
    client = login(cast.admin)
    assert client.post(url, unit_data(name="Linköpings kommun", is_active="on")).status_code == 302
    cast.kommun.refresh_from_db()
    assert cast.kommun.name == "Linköpings kommun"
    assert cast.kommun.parent is None
    response = client.post(url, unit_data(name="X", parent=cast.school.pk, is_active="on"))
    assert "parent" in response.context["form"].errors


def test_parent_select_is_in_tree_order_and_indented(cast, login):
    form = login(cast.admin).get(reverse("org:unit_create")).context["form"]
    labels = [label for _value, label in form.fields["parent"].choices][1:]
    assert [label.strip("\u00a0") for label in labels] == [
        "Testkommun",
        "Kommunledningsförvaltningen",
        "HR",
        "Socialförvaltningen",
        "Hemtjänst Öst",
        "Utbildningsförvaltningen",
        "Skola Norr",
    ]
    assert labels[2].startswith("\u00a0" * 6)  # HR sits two levels down


def test_unit_tree_query_count_does_not_grow(cast, login, django_assert_max_num_queries):
    client = login(cast.admin)
    url = reverse("org:units")
    # 1 session, 2 user, 3 the user's roles (permission), 4 every unit with its member count
    # (annotated), 5 unread notifications (header badge).
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200
    for i in range(20):
        parent = do_create_unit(None, name=f"Enhet {i}", parent=cast.social)
        do_create_unit(None, name=f"Underenhet {i}", parent=parent)
    with django_assert_max_num_queries(5):
        response = client.get(url)
    assert "Underenhet 19" in response.content.decode()
