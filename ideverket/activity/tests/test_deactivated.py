"""A deactivated account's sessions stop working on the next request."""

import pytest
from django.urls import reverse

from ideverket.activity.models import EmailPreference
from ideverket.org.actions import do_update_user

pytestmark = pytest.mark.django_db


def deactivate(cast, user):
    do_update_user(
        cast.admin,
        user,
        name=user.name,
        email=user.email,
        unit=user.unit,
        title=user.title,
        is_active=False,
    )


@pytest.mark.parametrize("how", ["force_login", "password"])
def test_a_logged_in_session_ends_when_the_account_is_deactivated(cast, client, how):
    if how == "password":
        assert client.login(username=cast.employee.email, password="test-pass-123")
    else:
        client.force_login(cast.employee)
    notifications = reverse("activity:notifications")
    assert client.get(notifications).status_code == 200
    deactivate(cast, cast.employee)
    response = client.get(notifications)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.post(reverse("activity:email_settings"), {"frequency": "none"}).status_code == 302
    assert not EmailPreference.objects.exists()
