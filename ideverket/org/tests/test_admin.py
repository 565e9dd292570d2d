"""The Django admin (superusers only) works with e-mail as the username."""

import pytest
from django.urls import reverse

from ideverket.org.models import Unit, User


@pytest.fixture
def superuser_client(client, db):
    boss = User.objects.create_superuser(email="root@test.example", name="Root", password="x")
    client.force_login(boss)
    return client


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:org_user_changelist",
        "admin:org_user_add",
        "admin:org_unit_changelist",
        "admin:org_unit_add",
        "admin:org_roleassignment_changelist",
    ],
)
def test_admin_pages_render(cast, superuser_client, url_name):
    assert superuser_client.get(reverse(url_name)).status_code == 200


def test_admin_change_pages_render(cast, superuser_client):
    assert (
        superuser_client.get(reverse("admin:org_user_change", args=[cast.employee.pk])).status_code
        == 200
    )
    assert (
        superuser_client.get(reverse("admin:org_unit_change", args=[cast.school.pk])).status_code
        == 200
    )


def test_admin_adds_a_user_by_email(cast, superuser_client):
    response = superuser_client.post(
        reverse("admin:org_user_add"),
        {
            "email": "ny@test.example",
            "name": "Ny Person",
            "usable_password": "true",
            "password1": "ett-langt-losenord-42",
            "password2": "ett-langt-losenord-42",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(email="ny@test.example")
    assert user.check_password("ett-langt-losenord-42")
    assert user.search_text == "ny person ny@test.example"


def test_admin_adds_a_unit_through_the_action(cast, superuser_client):
    response = superuser_client.post(
        reverse("admin:org_unit_add"),
        {"name": "Kulturförvaltningen", "parent": cast.kommun.pk, "is_active": "on"},
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="Kulturförvaltningen")
    assert unit.path == f"{cast.kommun.path}{unit.pk}/"
    assert unit.kind == Unit.Kind.DEPARTMENT


def test_admin_refuses_a_duplicate_unit_name(cast, superuser_client):
    response = superuser_client.post(
        reverse("admin:org_unit_add"),
        {"name": "SKOLA NORR", "parent": cast.education.pk, "is_active": "on"},
    )
    assert response.status_code == 200
    assert Unit.objects.filter(name__iexact="skola norr").count() == 1
