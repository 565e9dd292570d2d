"""Query budgets for the import pages: a fixed number of queries however large the file or the
organisation (units, people and manager roles are each read in one query, then planned in
Python; the progress fragment reads one row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.models import Notification
from ideverket.org.actions import do_create_unit, do_create_user, do_grant_role
from ideverket.org.models import OrgImport, RoleAssignment

from .test_import import csv_file, people_csv, units_csv

pytestmark = pytest.mark.django_db


def count(client, url):
    Notification.objects.update(read_at=timezone.now())
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:160] for q in queries.captured_queries)


def grow(cast, n, start):
    for i in range(start, start + n):
        unit = do_create_unit(None, name=f"Enhet {i}", parent=cast.social, external_id=f"X{i}")
        user = do_create_user(None, email=f"p{i}@test.example", name=f"Person {i}", unit=unit)
        do_grant_role(None, user, unit, RoleAssignment.Role.MANAGER)


def upload(client, n):
    units = units_csv(*[f"N{i};Ny enhet {i};;nej" for i in range(n)])
    people = people_csv(*[f"A{i};Ny Person {i};ny{i}@test.example;;N{i};ja;ja" for i in range(n)])
    response = client.post(
        reverse("org:import"),
        {
            "units_file": csv_file("e.csv", units),
            "people_file": csv_file("p.csv", people),
            "full": "on",
        },
    )
    assert response.status_code == 302
    return OrgImport.objects.latest("pk")


def test_import_pages_do_not_grow_with_the_file_or_the_organisation(cast, login):
    client = login(cast.admin)
    small = upload(client, 2)
    counts = {
        "upload": count(client, reverse("org:import")),
        "preview": count(client, small.get_absolute_url()),
        "progress": count(client, reverse("org:import_progress", args=[small.pk])),
    }
    grow(cast, 15, 0)
    big = upload(client, 40)
    for _ in range(5):
        upload(client, 1)
    grown = {
        "upload": count(client, reverse("org:import")),
        "preview": count(client, big.get_absolute_url()),
        "progress": count(client, reverse("org:import_progress", args=[big.pk])),
    }
    for page, (n, _sql) in counts.items():
        assert grown[page][0] == n, f"{page}: {n} → {grown[page][0]}\n{grown[page][1]}"
    print({page: n for page, (n, _sql) in counts.items()})
    assert counts["upload"][0] <= 8, counts["upload"][1]
    assert counts["preview"][0] <= 10, counts["preview"][1]
    assert counts["progress"][0] <= 7, counts["progress"][1]


def test_finished_import_page_does_not_replan(cast, login):
    client = login(cast.admin)
    org_import = upload(client, 3)
    client.post(reverse("org:import_apply", args=[org_import.pk]))
    n, sql = count(client, org_import.get_absolute_url())
    assert 'FROM "org_user"' not in sql.split('FROM "org_orgimport"')[-1], sql
    assert n <= 5, sql
