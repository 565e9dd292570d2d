"""Organisation management is for administrators; to everyone else its pages do not exist."""

import pytest
from django.urls import reverse

from ideverket.org.models import RoleAssignment, Unit, User

NOT_ADMINS = [
    "employee",
    "inspirer",
    "manager",
    "lead",
    "director",
    "coordinator",
    "outsider",
    "hr_person",
]


def org_urls(cast):
    assignment = RoleAssignment.objects.get(user=cast.manager)
    return [
        reverse("org:units"),
        reverse("org:unit_create"),
        reverse("org:unit_edit", args=[cast.school.pk]),
        reverse("org:people"),
        reverse("org:person_create"),
        reverse("org:person_edit", args=[cast.employee.pk]),
        reverse("org:role_grant", args=[cast.manager.pk]),
        reverse("org:role_revoke", args=[cast.manager.pk, assignment.pk]),
    ]


def snapshot():
    """What a refused request must leave untouched."""
    return (
        list(Unit.objects.values_list("pk", "name", "path", "is_active")),
        list(User.objects.values_list("pk", "name", "email", "is_active", "unit_id")),
        list(RoleAssignment.objects.values_list("pk", "user_id", "unit_id", "role")),
    )


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_everyone_but_admins_gets_404_for_get_and_post(cast, login, persona):
    client = login(getattr(cast, persona))
    before = snapshot()
    post_data = {
        "name": "Kapad",
        "parent": cast.kommun.pk,
        "email": "kapad@test.example",
        "unit": cast.school.pk,
        "role-role": RoleAssignment.Role.ADMIN,
        "role-unit": cast.kommun.pk,
    }
    for url in org_urls(cast):
        assert client.get(url).status_code == 404, url
        assert client.post(url, post_data).status_code == 404, url
        assert client.put(url).status_code == 404, url
    assert snapshot() == before


def test_admin_reaches_every_page(cast, login):
    client = login(cast.admin)
    for url in org_urls(cast)[:6]:
        assert client.get(url).status_code == 200, url


def test_superuser_without_role_is_an_admin(cast, login):
    boss = User.objects.create_superuser(email="root@test.example", name="Root", password="x")
    assert login(boss).get(reverse("org:units")).status_code == 200


def test_anonymous_is_sent_to_login(cast, client):
    for url in org_urls(cast):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login")), url


def test_nav_link_only_for_admins(cast, login):
    units_url = reverse("org:units")
    # The home page of another app shows the header; a page of ours would 404 for the employee.
    page = login(cast.admin).get(units_url)
    assert f'href="{units_url}"' in page.content.decode()
    page = login(cast.employee).get(reverse("ideas:list"))
    assert f'href="{units_url}"' not in page.content.decode()


def test_other_methods_are_refused_for_admins(cast, login):
    """Only after access is granted does the method matter: others never see a 405."""
    client = login(cast.admin)
    assert client.put(reverse("org:units")).status_code == 405
    assert client.post(reverse("org:units")).status_code == 405
    assert client.post(reverse("org:people")).status_code == 405
