"""The organisation import: HR files → preview → background apply, all or nothing, idempotent."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from ideverket.activity.models import Event
from ideverket.org.importer import plan_rows, read_files
from ideverket.org.models import OrgImport, RoleAssignment, Unit, User


def csv_file(name, text):
    upload = io.BytesIO(text.encode("utf-8"))
    upload.name = name
    return upload


def units_csv(*lines):
    return "enhet_id;namn;överordnad_enhet_id;stödfunktion\n" + "\n".join(lines) + "\n"


def people_csv(*lines, header="anställnings_id;namn;e_post;befattning;enhet_id;aktiv;chef"):
    return header + "\n" + "\n".join(lines) + "\n"


BASE_UNITS = units_csv(
    "F1;Utbildningsförvaltningen;;nej",  # matched by name under the municipality
    "S9;Skola Söder;F1;nej",
    "S9A;Fritids Söder;S9;nej",
)
BASE_PEOPLE = people_csv(
    "A1;Stina Söder;stina.soder@test.example;Rektor;S9;ja;ja",
    "A2;Sven Fritid;sven.fritid@test.example;Fritidspedagog;S9A;;nej",
    "A3;Erik Elev;employee@test.example;Lärare;Skola Norr;ja;",
)


def upload(client, units=BASE_UNITS, people=BASE_PEOPLE, full=False):
    data = {}
    if units is not None:
        data["units_file"] = csv_file("enheter.csv", units)
    if people is not None:
        data["people_file"] = csv_file("personer.csv", people)
    if full:
        data["full"] = "on"
    return client.post(reverse("org:import"), data)


def run(client, **kwargs):
    response = upload(client, **kwargs)
    assert response.status_code == 302, response.content.decode()[:3000]
    org_import = OrgImport.objects.latest("pk")
    response = client.post(reverse("org:import_apply", args=[org_import.pk]))
    assert response.status_code == 302
    org_import.refresh_from_db()
    return org_import


def test_preview_saves_nothing_then_apply_creates_through_the_actions(cast, login):
    client = login(cast.admin)
    events_before = Event.objects.count()
    response = upload(client)
    assert response.status_code == 302
    org_import = OrgImport.objects.get()
    assert org_import.status == OrgImport.Status.PREVIEWED
    assert not Unit.objects.filter(external_id="S9").exists()

    page = client.get(org_import.get_absolute_url()).content.decode()
    assert "2 skapas, 1 ändras, 0 oförändrade, 0 inaktiveras" in page  # units
    assert "2 skapas, 1 ändras, 0 oförändrade, 0 inaktiveras" in page  # people
    assert "Genomför" in page

    org_import = run_apply(client, org_import)
    assert org_import.status == OrgImport.Status.DONE
    assert org_import.percent == 100
    soder = Unit.objects.get(external_id="S9")
    assert soder.parent == cast.education and soder.is_within(cast.education)
    fritids = Unit.objects.get(external_id="S9A")
    assert fritids.parent == soder and fritids.path.startswith(soder.path)
    assert Unit.objects.get(pk=cast.education.pk).external_id == "F1"
    stina = User.objects.get(email="stina.soder@test.example")
    assert (stina.name, stina.title, stina.unit, stina.external_id) == (
        "Stina Söder",
        "Rektor",
        soder,
        "A1",
    )
    assert not stina.has_usable_password()
    assert RoleAssignment.objects.filter(
        user=stina, unit=soder, role=RoleAssignment.Role.MANAGER
    ).exists()
    employee = User.objects.get(pk=cast.employee.pk)
    assert (employee.title, employee.external_id) == ("Lärare", "A3")
    # Every change went through an action and left its event, plus one for the import.
    assert Event.objects.count() > events_before + 5
    assert Event.objects.filter(data__change="imported").count() == 1

    done = client.get(org_import.get_absolute_url()).content.decode()
    assert "Importen är genomförd." in done
    assert 'value="100"' in done


def run_apply(client, org_import):
    response = client.post(reverse("org:import_apply", args=[org_import.pk]))
    assert response.status_code == 302
    org_import.refresh_from_db()
    return org_import


def test_same_files_twice_change_nothing(cast, login):
    client = login(cast.admin)
    first = run(client)
    assert first.status == OrgImport.Status.DONE
    snapshot = (
        list(Unit.objects.values_list("pk", "name", "path", "is_active", "external_id")),
        list(User.objects.values_list("pk", "name", "email", "title", "unit_id", "is_active")),
        list(RoleAssignment.objects.values_list("pk", "user_id", "unit_id", "role")),
    )
    events = Event.objects.count()
    response = upload(client)
    second = OrgImport.objects.latest("pk")
    page = client.get(second.get_absolute_url()).content.decode()
    assert response.status_code == 302
    assert second.summary["units"] == {"create": 0, "change": 0, "unchanged": 3, "deactivate": 0}
    assert second.summary["people"] == {"create": 0, "change": 0, "unchanged": 3, "deactivate": 0}
    assert "Filerna ändrar ingenting" in page
    second = run_apply(client, second)
    assert second.status == OrgImport.Status.DONE
    assert snapshot == (
        list(Unit.objects.values_list("pk", "name", "path", "is_active", "external_id")),
        list(User.objects.values_list("pk", "name", "email", "title", "unit_id", "is_active")),
        list(RoleAssignment.objects.values_list("pk", "user_id", "unit_id", "role")),
    )
    assert Event.objects.count() == events + 1  # only the import's own event


def test_row_errors_are_listed_in_swedish_and_nothing_is_saved(cast, login):
    client = login(cast.admin)
    people = people_csv(
        "A1;Stina Söder;inte-en-adress;Rektor;S9;ja;ja",
        "A2;Sven Fritid;sven.fritid@test.example;;X404;kanske;",
        "A1;Dubbel;dubbel@test.example;;S9;;",
    )
    response = upload(client, people=people)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Inget har sparats" in page
    assert "”inte-en-adress” är ingen e-postadress." in page
    assert "Enheten ”X404” finns varken i enhetsfilen eller i Idéverket." in page
    assert "Skriv ”ja” eller ”nej”." in page
    assert "Anställnings-id A1 finns redan på rad 2." in page
    assert not OrgImport.objects.exists()
    assert not Unit.objects.filter(external_id="S9").exists()

    plan = plan_rows(read_files(None, ("p.csv", people.encode()))[0])
    found = {(e.file, e.row, e.column) for e in plan.errors}
    assert {
        ("people", 2, "e_post"),
        ("people", 3, "aktiv"),
        ("people", 3, "enhet_id"),
        ("people", 4, "anställnings_id"),
    } <= found


def test_unit_errors_cycles_and_unknown_parents(cast):
    rows, _ignored, _errors = read_files(
        (
            "e.csv",
            units_csv(
                "U1;Ett;U2;nej", "U2;Två;U1;nej", "U3;Tre;Okänd;nej", "U4;Fyra;;kanske"
            ).encode(),
        ),
        None,
    )
    plan = plan_rows(rows)
    messages = {(e.row, e.column): e.message for e in plan.errors}
    assert "Enheten ”Okänd” finns varken" in messages[(4, "överordnad_enhet_id")]
    assert messages[(5, "stödfunktion")] == "Skriv ”ja” eller ”nej”."
    plan = plan_rows(
        read_files(("e.csv", units_csv("U1;Ett;U2;nej", "U2;Två;U1;nej").encode()), None)[0]
    )
    assert any("cirkel" in e.message for e in plan.errors)
    plan = plan_rows(
        read_files(("e.csv", units_csv("U1;Dubbel;;nej", "U2;dubbel;;nej").encode()), None)[0]
    )
    assert [(e.row, e.column) for e in plan.errors] == [(3, "namn")]
    assert "(rad 2)" in plan.errors[0].message


def test_file_level_errors_are_shown_next_to_the_field(cast, login):
    client = login(cast.admin)
    response = upload(client, units=None, people="namn;e_post\nBo;bo@test.example\n")
    assert response.status_code == 422
    assert "Rubrikraden saknar kolumnen: enhet_id." in response.content.decode()
    response = upload(client, units="S9;Skola Söder\n", people=None)
    assert "Filen saknar rubrikrad." in response.content.decode()
    response = client.post(reverse("org:import"), {})
    assert response.status_code == 422
    assert "Välj minst en fil att ladda upp." in response.content.decode()


def test_personnummer_is_neither_read_nor_stored(cast, login):
    client = login(cast.admin)
    people = people_csv(
        "A1;Stina Söder;stina.soder@test.example;Rektor;Skola Norr;19800101-1234",
        header="anställnings_id;namn;e_post;befattning;enhet_id;Personnummer",
    )
    response = upload(client, units=None, people=people)
    assert response.status_code == 302
    org_import = OrgImport.objects.get()
    assert "19800101" not in str(org_import.rows)
    assert org_import.ignored_columns == ["Personnummer"]
    page = client.get(org_import.get_absolute_url()).content.decode()
    assert "Kolumnen Personnummer lästes inte och sparas inte." in page


def test_full_import_deactivates_missing_people_and_empty_units(cast, login):
    client = login(cast.admin)
    empty = Unit.objects.create(name="Tom enhet", parent=cast.social)
    empty.rebuild_path()
    people = people_csv(
        "A1;Erik Elev;employee@test.example;Lärare;Skola Norr;ja;",
        "A2;Maja Chef;manager@test.example;Rektor;Skola Norr;ja;ja",
    )
    units = units_csv("F1;Utbildningsförvaltningen;;nej", "S1;Skola Norr;F1;nej")
    response = upload(client, units=units, people=people, full=True)
    assert response.status_code == 302
    org_import = OrgImport.objects.get()
    page = client.get(org_import.get_absolute_url()).content.decode()
    assert "Personer som inaktiveras" in page and "Olle Utanför" in page
    assert "admin@test.example" not in page  # the one importing is never deactivated
    run_apply(client, org_import)
    assert not User.objects.get(pk=cast.outsider.pk).is_active
    assert User.objects.filter(pk=cast.outsider.pk).exists()  # never deleted
    assert User.objects.get(pk=cast.admin.pk).is_active
    assert User.objects.get(pk=cast.employee.pk).is_active
    assert not Unit.objects.get(pk=empty.pk).is_active
    assert not Unit.objects.get(pk=cast.homecare.pk).is_active  # its only person left
    assert Unit.objects.get(pk=cast.central.pk).is_active  # the admin still works there
    assert Unit.objects.get(pk=cast.kommun.pk).is_active


def test_manager_flag_is_authoritative_for_manager_roles(cast, login):
    client = login(cast.admin)
    people = people_csv("A9;Maja Chef;manager@test.example;Rektor;Skola Norr;ja;nej")
    run(client, units=None, people=people)
    assert not RoleAssignment.objects.filter(
        user=cast.manager, role=RoleAssignment.Role.MANAGER
    ).exists()
    people = people_csv("A9;Maja Chef;manager@test.example;Rektor;Skola Norr;ja;ja")
    run(client, units=None, people=people)
    assert RoleAssignment.objects.filter(
        user=cast.manager, unit=cast.school, role=RoleAssignment.Role.MANAGER
    ).exists()


def test_changed_organisation_between_preview_and_apply_fails_whole(cast, login):
    client = login(cast.admin)
    upload(client)
    org_import = OrgImport.objects.get()
    Unit.objects.filter(pk=cast.education.pk).update(external_id="F1")  # now "unchanged"
    org_import = run_apply(client, org_import)
    assert org_import.status == OrgImport.Status.FAILED
    assert "har ändrats sedan förhandsgranskningen" in org_import.errors[0]["message"]
    assert not Unit.objects.filter(external_id="S9").exists()
    page = client.get(org_import.get_absolute_url()).content.decode()
    assert "Importen misslyckades. Inget har sparats." in page


def test_an_import_runs_once(cast, login):
    client = login(cast.admin)
    org_import = run(client)
    response = client.post(reverse("org:import_apply", args=[org_import.pk]), follow=True)
    assert "Importen är redan startad." in response.content.decode()


def test_progress_fragment_polls_while_running_and_stops_when_done(cast, login):
    client = login(cast.admin)
    upload(client)
    org_import = OrgImport.objects.get()
    OrgImport.objects.filter(pk=org_import.pk).update(
        status=OrgImport.Status.CHECKING, progress_done=3, progress_total=6
    )
    fragment = client.get(reverse("org:import_progress", args=[org_import.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in fragment
    assert '<progress id="import-progress-bar" max="100" value="50"' in fragment
    assert "3 av 6 rader kontrollerade." in fragment
    page = client.get(org_import.get_absolute_url()).content.decode()  # a plain reload
    assert "3 av 6 rader kontrollerade." in page
    OrgImport.objects.filter(pk=org_import.pk).update(status=OrgImport.Status.DONE)
    fragment = client.get(reverse("org:import_progress", args=[org_import.pk])).content.decode()
    assert "hx-trigger" not in fragment and "Importen är genomförd." in fragment


def test_one_excel_file_with_two_sheets(cast, login):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Enheter"
    sheet.append(["enhet_id", "namn", "överordnad_enhet_id", "stödfunktion"])
    sheet.append(["S9", "Skola Söder", "Utbildningsförvaltningen", "nej"])
    people = workbook.create_sheet("Personer")
    people.append(["anställnings_id", "namn", "e_post", "enhet_id", "chef"])
    people.append([1001, "Stina Söder", "stina.soder@test.example", "S9", "ja"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.name = "organisation.xlsx"
    buffer.seek(0)
    client = login(cast.admin)
    response = client.post(reverse("org:import"), {"units_file": buffer})
    assert response.status_code == 302
    org_import = run_apply(client, OrgImport.objects.get())
    assert org_import.status == OrgImport.Status.DONE
    stina = User.objects.get(external_id="1001")
    assert stina.unit.external_id == "S9"


NOT_ADMINS = ["employee", "inspirer", "manager", "lead", "director", "coordinator", "outsider"]


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_only_admins_may_import(cast, login, persona):
    admin_client = login(cast.admin)
    upload(admin_client)
    org_import = OrgImport.objects.get()
    client = login(getattr(cast, persona))
    urls = [
        reverse("org:import"),
        reverse("org:import_detail", args=[org_import.pk]),
        reverse("org:import_progress", args=[org_import.pk]),
        reverse("org:import_apply", args=[org_import.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"units_file": csv_file("e.csv", BASE_UNITS)}).status_code == 404
    org_import.refresh_from_db()
    assert org_import.status == OrgImport.Status.PREVIEWED
    assert OrgImport.objects.count() == 1


def test_units_page_links_to_the_import_for_admins(cast, login):
    page = login(cast.admin).get(reverse("org:units")).content.decode()
    assert reverse("org:import") in page and "Importera organisation" in page


def test_anonymous_is_sent_to_login(cast, client):
    response = client.get(reverse("org:import"))
    assert response.status_code == 302


# -- the management command ----------------------------------------------------------------


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_command_dry_run_then_import_then_nothing(cast, tmp_path):
    units = write(tmp_path, "enheter.csv", BASE_UNITS)
    people = write(tmp_path, "personer.csv", BASE_PEOPLE)
    out = io.StringIO()
    call_command("import_org", units, people, "--dry-run", stdout=out)
    assert "Enheter: 2 skapas, 1 ändras, 0 oförändrade, 0 inaktiveras" in out.getvalue()
    assert "Provkörning" in out.getvalue()
    assert not Unit.objects.filter(external_id="S9").exists()
    out = io.StringIO()
    call_command("import_org", units, people, stdout=out)
    assert "Importen är genomförd." in out.getvalue()
    assert Unit.objects.filter(external_id="S9").exists()
    out = io.StringIO()
    call_command("import_org", units, people, "--full", "--dry-run", stdout=out)
    assert "Enheter: 0 skapas, 0 ändras, 3 oförändrade" in out.getvalue()


def test_command_errors_exit_non_zero_and_save_nothing(cast, tmp_path):
    units = write(tmp_path, "enheter.csv", units_csv("S9;Skola Söder;OKÄND;nej"))
    people = write(tmp_path, "personer.csv", BASE_PEOPLE)
    err = io.StringIO()
    with pytest.raises(CommandError, match="Inget har sparats"):
        call_command("import_org", units, people, stderr=err)
    assert "enheter rad 2 · överordnad_enhet_id" in err.getvalue()
    assert not User.objects.filter(email="stina.soder@test.example").exists()


@pytest.mark.django_db
def test_command_builds_an_organisation_from_nothing(tmp_path):
    units = write(
        tmp_path,
        "enheter.csv",
        units_csv("K;Exempelkommun;;nej", "F;Socialförvaltningen;K;nej", "H;HR;K;ja"),
    )
    people = write(tmp_path, "personer.csv", people_csv("1;Bo Berg;bo@test.example;;F;ja;ja"))
    call_command("import_org", units, people, stdout=io.StringIO())
    kommun = Unit.objects.get(external_id="K")
    assert kommun.parent is None and kommun.kind == Unit.Kind.MUNICIPALITY
    social = Unit.objects.get(external_id="F")
    assert social.kind == Unit.Kind.DEPARTMENT and social.department == social
    assert Unit.objects.get(external_id="H").is_support_function
    call_command("import_org", "-", people, "--dry-run", stdout=(out := io.StringIO()))
    assert "Personer: 0 skapas, 0 ändras, 1 oförändrade" in out.getvalue()
