"""The goal import: a good file, row-level errors with nothing saved, the same file twice, the
encodings and delimiters Excel writes, XLSX, and every way a file can be broken."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from ideverket.activity.models import Event
from ideverket.goals import actions
from ideverket.goals.importer import MAX_ROWS, plan_file
from ideverket.goals.models import Goal, GoalImport, Indicator, IndicatorValue, Period

pytestmark = pytest.mark.django_db

HEADER = (
    "period;referens;överordnad_referens;nivå;mål;beskrivning;ansvarig_enhet;nämnd;"
    "indikator_referens;indikator;enhet;utgångsläge;målvärde;värde;mätdatum"
)
GOOD = "\n".join(
    [
        HEADER,
        "2026;K1;;kommunfullmäktige;Effektiv och innovativ verksamhet;;;;;;;;;;",
        # the child comes before its parent N1 is defined
        "2026;F1;N1;förvaltning;Mindre administration;;Skola Norr;;I1;Digital närvaro;procent;"
        "10;90;35;2026-04-30",
        "2026;F1;N1;förvaltning;Mindre administration;;Skola Norr;;I1;Digital närvaro;procent;"
        "10;90;48,5;2026-08-31",
        "2026;N1;K1;nämnd;Digitalisering i skolan;Beskrivning;Utbildningsförvaltningen;"
        "Utbildningsnämnden;I2;Sparade timmar;timmar;0;1 234,5;;",
    ]
)


def csv(text, encoding="utf-8"):
    return text.encode(encoding)


def preview(content, filename="mal.csv"):
    plan = plan_file(filename, content)
    return plan


def run(cast, content, filename="mal.csv"):
    """Upload and apply as the coordinator, as the pages do; returns the summary."""
    plan = plan_file(filename, content)
    assert not plan.errors, plan.errors
    goal_import = actions.do_upload_goal_import(
        cast.coordinator, filename=filename, content=content, summary=plan.summary()
    )
    return actions.do_apply_goal_import(cast.coordinator, goal_import)


def test_good_file(cast):
    plan = preview(csv(GOOD))
    assert plan.errors == []
    assert plan.summary() == {
        "periods": 1,
        "goals": {"create": 3, "change": 0, "unchanged": 0},
        "indicators": {"create": 2, "change": 0, "unchanged": 0},
        "values": {"create": 2, "change": 0, "unchanged": 0},
    }
    assert [r.goal_action for r in plan.rows] == ["create"] * 4
    run(cast, csv(GOOD))
    f1 = Goal.objects.get(reference="F1")
    n1 = Goal.objects.get(reference="N1")
    k1 = Goal.objects.get(reference="K1")
    assert f1.path == f"/{k1.pk}/{n1.pk}/{f1.pk}/"
    assert f1.owner_unit == cast.school and n1.committee == "Utbildningsnämnden"
    assert Indicator.objects.get(reference="I2").target == Decimal("1234.50")
    assert sorted(IndicatorValue.objects.values_list("value", flat=True)) == [
        Decimal("35"),
        Decimal("48.5"),
    ]
    assert Period.objects.get().name == "2026"
    event = Event.objects.get(data__change="imported")
    assert event.data["goals"]["create"] == 3


def test_same_file_twice_changes_nothing(cast):
    run(cast, csv(GOOD))
    before = list(Goal.objects.values_list("pk", "path", "title", "updated_at"))
    plan = preview(csv(GOOD))
    assert not plan.changes_anything
    assert {r.goal_action for r in plan.rows} == {"unchanged"}
    run(cast, csv(GOOD))
    assert list(Goal.objects.values_list("pk", "path", "title", "updated_at")) == before
    assert IndicatorValue.objects.count() == 2


def test_changed_file_is_planned_as_changes(cast):
    run(cast, csv(GOOD))
    changed = GOOD.replace("Effektiv och innovativ verksamhet", "Effektiv verksamhet").replace(
        "48,5", "50"
    )
    plan = preview(csv(changed))
    summary = plan.summary()
    assert summary["goals"] == {"create": 0, "change": 1, "unchanged": 2}
    assert summary["values"] == {"create": 0, "change": 1, "unchanged": 1}
    run(cast, csv(changed))
    assert Goal.objects.get(reference="K1").title == "Effektiv verksamhet"


def test_bad_rows_are_reported_and_nothing_is_saved(cast):
    bad = "\n".join(
        [
            HEADER,
            "2026;K1;;kommunfullmäktige;Effektiv;;;;;;;;;;",
            "2026;F1;X9;förvaltning;Okänd förälder;;;;;;;;;;",
            "2026;F2;K1;planet;Fel nivå;;;;;;;;;;",
            "2026;F3;K1;förvaltning;Fel tal;;;;I1;Ind;st;12abc;;;",
            "2026;F4;K1;förvaltning;Fel datum;;;;I1;Ind;st;;;5;30/4 2026",
            "2026;F5;K1;förvaltning;;;;;;;;;;;",
            "2026;F6;K1;förvaltning;Okänd enhet;;Månbasen;;;;;;;;",
            "2026;K1;;kommunfullmäktige;Annan titel;;;;;;;;;;",
            "tjugo;F7;K1;förvaltning;Fel period;;;;;;;;;;",
        ]
    )
    plan = preview(csv(bad))
    found = {(e.row, e.column) for e in plan.errors}
    assert found == {
        (3, "överordnad_referens"),
        (4, "nivå"),
        (5, "utgångsläge"),
        (6, "mätdatum"),
        (7, "mål"),
        (8, "ansvarig_enhet"),
        (9, "mål"),
        (10, "period"),
    }
    messages = " ".join(e.message for e in plan.errors)
    assert "X9 finns varken i filen" in messages
    assert "inte ett tal" in messages and "ÅÅÅÅ-MM-DD" in messages
    assert "finns redan på rad 2" in messages
    assert Goal.objects.count() == 0 and Period.objects.count() == 0


def test_cycle(cast):
    text = "\n".join(
        [
            HEADER,
            "2026;A;C;nämnd;A;;;;;;;;;;",
            "2026;B;A;nämnd;B;;;;;;;;;;",
            "2026;C;B;nämnd;C;;;;;;;;;;",
        ]
    )
    plan = preview(csv(text))
    assert plan.errors
    assert "cirkel" in plan.errors[0].message
    assert plan.errors[0].column == "överordnad_referens"


def test_self_parent_is_a_cycle(cast):
    plan = preview(csv(HEADER + "\n2026;A;A;nämnd;A;;;;;;;;;;"))
    assert "cirkel" in plan.errors[0].message


def test_bom_semicolon_utf8(cast):
    plan = preview(b"\xef\xbb\xbf" + csv(GOOD))
    assert not plan.errors


def test_windows_1252_comma(cast):
    text = "period,referens,nivå,mål,ansvarig_enhet\r\n2026,K1,kommunfullmäktige,Malmö växer,\r\n"
    text += '2026,F1,förvaltning,"Skola, Norr mål",Skola Norr\r\n'
    plan = preview(csv(text, "cp1252"))
    assert not plan.errors, plan.errors
    assert plan.goals[("2026", "K1")].title == "Malmö växer"
    assert plan.goals[("2026", "F1")].title == "Skola, Norr mål"


def test_xlsx(cast):
    import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "Period",
            "Referens",
            "Överordnad referens",
            "Nivå",
            "Mål",
            "Indikator_referens",
            "Indikator",
            "Värde",
            "Mätdatum",
        ]
    )
    sheet.append([2026, "K1", None, "Kommunfullmäktige", "Heltid som norm", None, None, None, None])
    sheet.append(
        [
            2026,
            7,
            "K1",
            "Nämnd",
            "Fler heltider",
            "H1",
            "Andel heltid",
            61.5,
            datetime.datetime(2026, 4, 30),
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    run(cast, buffer.getvalue(), "mal.xlsx")
    goal = Goal.objects.get(reference="7")
    assert goal.parent.reference == "K1"
    assert goal.indicators.get().values.get().value == Decimal("61.5")


@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("mal.csv", b"", "Filen är tom"),
        ("mal.csv", b"\n\n  \n", "Filen är tom"),
        ("mal.csv", b"2026;K1;;kommunfullm\xc3\xa4ktige;M\xc3\xa5l\n", "saknar rubrikrad"),
        ("mal.csv", b"period;referens;m\xc3\xa5l\n2026;K1;M\n", "saknar kolumnen: nivå"),
        ("mal.csv", csv(HEADER), "bara en rubrikrad"),
        ("mal.pdf", b"%PDF-1.4", "Filtypen stöds inte"),
        ("mal.xls", b"\xd0\xcf\x11\xe0", "Filtypen stöds inte"),
        ("mal.xlsx", b"period;referens\n", "kunde inte läsas som en Excel-fil"),
        ("mal.xlsx", b"PK\x03\x04garbage", "kunde inte läsas som en Excel-fil"),
        ("mal.csv", b"PK\x03\x04garbage", "Byt filändelse"),
        (
            "mal.csv",
            csv(HEADER + '\n2026;K1;;kf;"Aldrig stängd;;;;;;;;;;\n2026;K2;;kf;M;;;;;;;;;;'),
            "citattecken",
        ),
        ("mal.csv", b"\x00\x01\x02period", "inte ut att vara en CSV-fil"),
    ],
)
def test_broken_files(cast, filename, content, message):
    plan = preview(content, filename)
    assert len(plan.errors) == 1
    assert plan.errors[0].row == 0
    assert message in plan.errors[0].message


def test_too_many_rows(cast):
    rows = [HEADER] + [f"2026;K{i};;kf;Mål {i};;;;;;;;;;" for i in range(MAX_ROWS + 1)]
    plan = preview(csv("\n".join(rows)))
    assert "fler än" in plan.errors[0].message


def test_too_large(cast, settings):
    plan = preview(b"x" * (5 * 1024 * 1024 + 1))
    assert "för stor" in plan.errors[0].message


@pytest.mark.parametrize(
    "text, value",
    [("1 234,5", "1234.5"), ("1234.5", "1234.5"), ("\u22125", "-5"), ("0,25", "0.25")],
)
def test_swedish_numbers(cast, text, value):
    plan = preview(csv(HEADER + f"\n2026;K1;;kf;M;;;;I1;Ind;st;{text};;;"))
    assert not plan.errors
    assert plan.indicators[("2026", "K1", "I1")].baseline == Decimal(value)


@pytest.mark.parametrize("text", ["1,234.5", "1.2.3", "12e3", "1,234", "0,001", "NaN"])
def test_bad_numbers(cast, text):
    plan = preview(csv(HEADER + f"\n2026;K1;;kf;M;;;;I1;Ind;st;{text};;;"))
    if text == "1,234":  # a decimal comma: 1,234 is one point two three four – too many decimals
        assert plan.errors
    else:
        assert plan.errors and plan.errors[0].column == "utgångsläge"


@pytest.mark.parametrize("text", ["2026-02-30", "30/4/2026", "2026-4-30", "igår"])
def test_bad_dates(cast, text):
    plan = preview(csv(HEADER + f"\n2026;K1;;kf;M;;;;I1;Ind;st;;;5;{text}"))
    assert plan.errors[0].column == "mätdatum"


def test_level_below_parent(cast):
    text = HEADER + "\n2026;F1;;förvaltning;F;;;;;;;;;;\n2026;K1;F1;kf;K;;;;;;;;;;"
    plan = preview(csv(text))
    assert plan.errors[0].column == "nivå"


def test_parent_in_database(cast):
    run(cast, csv(GOOD))
    plan = preview(csv(HEADER + "\n2026;F9;N1;förvaltning;Nytt mål;;;;;;;;;;"))
    assert not plan.errors
    assert plan.summary()["goals"]["create"] == 1


def test_confirm_refuses_when_goals_changed_since_preview(cast):
    content = csv(GOOD)
    plan = plan_file("mal.csv", content)
    goal_import = actions.do_upload_goal_import(
        cast.coordinator, filename="mal.csv", content=content, summary=plan.summary()
    )
    run(cast, content)  # someone else imported the same goals meanwhile
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.do_apply_goal_import(cast.coordinator, goal_import)
    goal_import.refresh_from_db()
    assert goal_import.status == GoalImport.Status.PREVIEWED


def test_import_is_for_the_coordinator(cast):
    with pytest.raises(PermissionDenied):
        actions.do_upload_goal_import(
            cast.fresh("lead"), filename="mal.csv", content=csv(GOOD), summary={}
        )
