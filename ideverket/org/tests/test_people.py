"""People: list with search and filter, create and edit, roles; bad input; bounded queries."""

from django.urls import reverse

from ideverket.activity.models import Event
from ideverket.org.actions import do_create_user, do_grant_role
from ideverket.org.models import RoleAssignment, User

Role = RoleAssignment.Role


def person_data(cast, **overrides):
    data = {
        "name": "Petra Ny",
        "email": "petra@test.example",
        "title": "Lärare",
        "unit": cast.school.pk,
        "is_active": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value != ""}


# -- list -------------------------------------------------------------------------------------


def test_people_list_shows_unit_and_roles(cast, login):
    response = login(cast.admin).get(reverse("org:people"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Maja Chef" in html
    assert "Chef / beslutsfattare, Skola Norr" in html
    assert reverse("org:person_edit", args=[cast.manager.pk]) in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert response.context["page_obj"].paginator.count == User.objects.count()


def test_search_on_name_and_email(cast, login):
    client = login(cast.admin)
    response = client.get(reverse("org:people"), {"q": "ERIK"})
    assert [p.name for p in response.context["page_obj"]] == ["Erik Elev"]
    response = client.get(reverse("org:people"), {"q": "outsider@test"})
    assert [p.name for p in response.context["page_obj"]] == ["Olle Utanför"]
    response = client.get(reverse("org:people"), {"q": "öst"})  # no such person
    assert list(response.context["page_obj"]) == []
    assert 'value="öst"' in response.content.decode()


def test_filter_by_department_includes_its_units(cast, login):
    response = login(cast.admin).get(reverse("org:people"), {"department": cast.social.pk})
    assert {p.name for p in response.context["page_obj"]} == {"Sara Social", "Olle Utanför"}


def test_unknown_department_is_a_field_error_not_a_crash(cast, login):
    response = login(cast.admin).get(reverse("org:people"), {"department": "999999"})
    assert response.status_code == 200
    assert "department" in response.context["form"].errors


def test_pagination_keeps_the_filters(cast, login):
    for i in range(30):
        do_create_user(None, email=f"p{i}@test.example", name=f"Person {i:02}", unit=cast.school)
    client = login(cast.admin)
    response = client.get(reverse("org:people"), {"q": "person", "department": cast.education.pk})
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.per_page == 25
    assert page_obj.paginator.count == 30
    expected = f"q=person&department={cast.education.pk}&"
    assert response.context["querystring_without_page"] == expected
    assert f'href="?{expected}page=2"'.replace("&", "&amp;") in response.content.decode()
    response = client.get(
        reverse("org:people"), {"q": "person", "department": cast.education.pk, "page": 2}
    )
    assert len(response.context["page_obj"]) == 5
    assert response.context["querystring_without_page"] == expected


def test_people_list_query_count_does_not_grow(cast, login, django_assert_max_num_queries):
    client = login(cast.admin)
    url = reverse("org:people")
    # 1 session, 2 user, 3 the user's roles (permission), 4 departments for the filter select,
    # 5 count for the paginator, 6 unread notifications (header badge), 7 the page of people
    # with their units, 8 their roles with units (one prefetch for the whole page).
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
    for i in range(20):
        person = do_create_user(None, email=f"n{i}@test.example", name=f"Ny {i}", unit=cast.hr)
        do_grant_role(None, person, cast.hr, Role.INSPIRER)
        do_grant_role(None, person, cast.central, Role.MANAGER)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert len(response.context["page_obj"]) == 25
    # Filtering by department adds one query (looking the department up), and no more.
    with django_assert_max_num_queries(9):
        client.get(url, {"q": "ny", "department": cast.central.pk})


# -- create and edit ----------------------------------------------------------------------------


def test_create_person(cast, login):
    client = login(cast.admin)
    assert client.get(reverse("org:person_create")).status_code == 200
    response = client.post(
        reverse("org:person_create"), person_data(cast, email="Petra@Test.Example"), follow=True
    )
    person = User.objects.get(email="petra@test.example")
    assert response.redirect_chain == [(reverse("org:person_edit", args=[person.pk]), 302)]
    assert person.name == "Petra Ny"
    assert person.title == "Lärare"
    assert person.unit == cast.school
    assert not person.has_usable_password()  # signs in through SSO later
    assert "Petra Ny lades till." in response.content.decode()
    assert Event.objects.for_subject(person).get().actor == cast.admin


def test_create_person_with_a_taken_email_keeps_the_text(cast, login):
    count = User.objects.count()
    response = login(cast.admin).post(
        reverse("org:person_create"),
        person_data(cast, name="Erik Igen", email="EMPLOYEE@test.example"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Det finns redan en person med den e-postadressen." in html
    assert response.context["form"].errors["email"] == [
        "Det finns redan en person med den e-postadressen."
    ]
    assert 'value="Erik Igen"' in html
    assert 'value="EMPLOYEE@test.example"' in html
    assert User.objects.count() == count


def test_create_person_bad_input(cast, login):
    count = User.objects.count()
    response = login(cast.admin).post(
        reverse("org:person_create"), person_data(cast, name="", email="inte-en-adress", unit="")
    )
    assert set(response.context["form"].errors) == {"name", "email", "unit"}
    assert 'value="inte-en-adress"' in response.content.decode()
    assert User.objects.count() == count


def test_edit_person(cast, login):
    url = reverse("org:person_edit", args=[cast.employee.pk])
    client = login(cast.admin)
    page = client.get(url)
    assert page.context["form"].initial["email"] == "employee@test.example"
    response = client.post(
        url,
        person_data(
            cast, name="Erik Elevsson", email="erik@test.example", title="", unit=cast.hr.pk
        ),
    )
    assert response.status_code == 302
    erik = User.objects.get(pk=cast.employee.pk)
    assert (erik.name, erik.email, erik.title, erik.unit) == (
        "Erik Elevsson",
        "erik@test.example",
        "",
        cast.hr,
    )
    assert erik.search_text == "erik elevsson erik@test.example"


def test_deactivate_person(cast, login):
    url = reverse("org:person_edit", args=[cast.employee.pk])
    data = person_data(cast, name="Erik Elev", email="employee@test.example", is_active="")
    assert login(cast.admin).post(url, data).status_code == 302
    assert not User.objects.get(pk=cast.employee.pk).is_active


def test_edit_person_to_a_taken_email_saves_nothing(cast, login):
    url = reverse("org:person_edit", args=[cast.employee.pk])
    response = login(cast.admin).post(
        url, person_data(cast, name="Erik Nytt Namn", email="manager@test.example")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Det finns redan en person med den e-postadressen." in html
    assert 'value="Erik Nytt Namn"' in html
    assert "Ändra Erik Elev" in html  # the heading shows the saved name
    erik = User.objects.get(pk=cast.employee.pk)
    assert (erik.name, erik.email) == ("Erik Elev", "employee@test.example")


def test_admin_cannot_deactivate_themselves(cast, login):
    url = reverse("org:person_edit", args=[cast.admin.pk])
    data = person_data(cast, name="Adam Admin", email="admin@test.example", is_active="")
    response = login(cast.admin).post(url, data)
    assert response.context["form"].errors["is_active"] == ["Du kan inte inaktivera dig själv."]
    assert User.objects.get(pk=cast.admin.pk).is_active


def test_missing_person_is_404(cast, login):
    assert login(cast.admin).get(reverse("org:person_edit", args=[999999])).status_code == 404


# -- roles ------------------------------------------------------------------------------------


def test_person_page_lists_roles_with_remove_buttons(cast, login):
    response = login(cast.admin).get(reverse("org:person_edit", args=[cast.manager.pk]))
    html = response.content.decode()
    assignment = RoleAssignment.objects.get(user=cast.manager)
    assert reverse("org:role_revoke", args=[cast.manager.pk, assignment.pk]) in html
    assert "Chef / beslutsfattare" in html
    # Two unit selects on one page: the role form is prefixed, so ids do not clash.
    assert 'id="id_unit"' in html and 'id="id_role-unit"' in html


def test_grant_role(cast, login):
    response = login(cast.admin).post(
        reverse("org:role_grant", args=[cast.employee.pk]),
        {"role-role": Role.INSPIRER, "role-unit": cast.school.pk},
        follow=True,
    )
    url = reverse("org:person_edit", args=[cast.employee.pk])
    assert response.redirect_chain == [(url + "#roller", 302)]
    assert RoleAssignment.objects.filter(
        user=cast.employee, unit=cast.school, role=Role.INSPIRER
    ).exists()
    assert "Erik Elev har nu rollen Idéinspiratör på Skola Norr." in response.content.decode()


def test_central_role_below_the_root_is_refused_next_to_the_field(cast, login):
    response = login(cast.admin).post(
        reverse("org:role_grant", args=[cast.employee.pk]),
        {"role-role": Role.COORDINATOR, "role-unit": cast.education.pk},
    )
    assert response.status_code == 200
    role_form = response.context["role_form"]
    assert role_form.errors["unit"] == ["Centrala roller ges på kommunnivå."]
    html = response.content.decode()
    assert 'id="id_role-unit_error"' in html
    assert f'<option value="{cast.education.pk}" selected>' in html  # the choice is kept
    assert not RoleAssignment.objects.filter(user=cast.employee).exists()


def test_central_role_at_the_root(cast, login):
    login(cast.admin).post(
        reverse("org:role_grant", args=[cast.employee.pk]),
        {"role-role": Role.ADMIN, "role-unit": cast.kommun.pk},
    )
    assert cast.fresh("employee").is_org_admin


def test_granting_a_role_twice_says_so(cast, login):
    response = login(cast.admin).post(
        reverse("org:role_grant", args=[cast.manager.pk]),
        {"role-role": Role.MANAGER, "role-unit": cast.school.pk},
    )
    assert response.context["role_form"].errors["role"] == [
        "Personen har redan den rollen på den enheten."
    ]
    assert RoleAssignment.objects.filter(user=cast.manager).count() == 1


def test_grant_without_choices(cast, login):
    response = login(cast.admin).post(reverse("org:role_grant", args=[cast.employee.pk]), {})
    assert set(response.context["role_form"].errors) == {"role", "unit"}


def test_grant_and_revoke_take_post_only(cast, login):
    assignment = RoleAssignment.objects.get(user=cast.manager)
    client = login(cast.admin)
    assert client.get(reverse("org:role_grant", args=[cast.manager.pk])).status_code == 405
    url = reverse("org:role_revoke", args=[cast.manager.pk, assignment.pk])
    assert client.get(url).status_code == 405
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_revoke_role(cast, login):
    assignment = RoleAssignment.objects.get(user=cast.manager)
    url = reverse("org:role_revoke", args=[cast.manager.pk, assignment.pk])
    response = login(cast.admin).post(url, follow=True)
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert "Rollen Chef / beslutsfattare på Skola Norr togs bort från Maja Chef." in (
        response.content.decode()
    )
    assert Event.objects.for_subject(cast.manager).last().data["revoked"] == Role.MANAGER


def test_revoke_checks_the_role_belongs_to_the_person(cast, login):
    assignment = RoleAssignment.objects.get(user=cast.manager)
    url = reverse("org:role_revoke", args=[cast.employee.pk, assignment.pk])
    assert login(cast.admin).post(url).status_code == 404
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_admin_cannot_revoke_their_own_admin_role(cast, login):
    assignment = RoleAssignment.objects.get(user=cast.admin, role=Role.ADMIN)
    url = reverse("org:role_revoke", args=[cast.admin.pk, assignment.pk])
    response = login(cast.admin).post(url, follow=True)
    assert "Du kan inte ta bort din egen administratörsroll." in response.content.decode()
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_person_edit_query_count_does_not_grow(cast, login, django_assert_max_num_queries):
    url = reverse("org:person_edit", args=[cast.manager.pk])
    client = login(cast.admin)
    # 1 session, 2 user, 3 the user's roles, 4 the person, 5 every unit (shared by both
    # selects), 6 unread notifications, 7 the person's roles with their units.
    with django_assert_max_num_queries(7):
        assert client.get(url).status_code == 200
    for unit in (cast.kommun, cast.education, cast.social, cast.central, cast.hr):
        do_grant_role(None, cast.manager, unit, Role.INSPIRER)
    with django_assert_max_num_queries(7):
        client.get(url)
