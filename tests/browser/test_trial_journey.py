"""From trial to the line, in a real Chromium, axe on every page it visits.

An idea in trial (built through the actions) → the commitment owner evaluates it (a result per
criterion and the lessons; refused first without the lessons) → a manager decides "Inför" with
an owner and resources → the owner adds a milestone and sets its progress → hands over to the
line with a follow-up date → the idea page shows "Införd" and the handover. The new pages
reflow at 320 px.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ideverket.ideas.models import Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.implementation.models import Handover, Implementation
from ideverket.trials.models import Criterion, Trial
from ideverket.trials.tests.builders import trial_for

pytestmark = pytest.mark.browser

TITLE = "Digital närvarolista i förskolan"
WIDE = {"width": 1280, "height": 900}


def test_trial_evaluation_implementation_and_handover(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    def check(narrow=False):
        assert_accessible(page)
        if narrow:
            assert_no_horizontal_scroll(page)
            page.set_viewport_size(WIDE)

    trial = trial_for(cast, title=TITLE)
    idea_url = live_server.url + reverse("ideas:detail", args=[trial.idea_id])
    trial_url = live_server.url + reverse("trials:detail", args=[trial.pk])

    # 1. The commitment owner finds the running trial from the idea page.
    browser_login(page, cast.manager)
    page.goto(idea_url)
    check()
    page.get_by_role("link", name=re.compile("Testet pågår")).click()
    page.wait_for_url(trial_url)
    assert page.get_by_role("heading", name=f"Test: {TITLE}").is_visible()
    assert "Närvaron tas på under en minut per grupp" in page.locator("main").inner_text()
    check(narrow=True)

    # 2. The evaluation without lessons is refused, with the reason, and the text is kept.
    page.get_by_role("link", name="Utvärdera testet").click()
    check(narrow=True)
    first = page.get_by_role("group", name=re.compile("Kriterium 1"))
    second = page.get_by_role("group", name=re.compile("Kriterium 2"))
    first.get_by_label("Uppfyllt", exact=True).check()
    second.get_by_label("Delvis uppfyllt", exact=True).check()
    second.get_by_label("Kommentar till kriterium 2").fill("Två listor finns kvar i köket.")
    page.get_by_label("Sammanfattning av resultatet").fill("Närvaron går fort och säkert.")
    page.get_by_role("button", name="Spara utvärderingen").click()
    alert = page.get_by_role("alert")
    assert "Skriv vad ni lärde er" in alert.inner_text()
    assert (
        page.get_by_label("Sammanfattning av resultatet").input_value()
        == "Närvaron går fort och säkert."
    )
    assert second.get_by_label("Delvis uppfyllt", exact=True).is_checked()
    assert Trial.objects.get(pk=trial.pk).status == Trial.Status.RUNNING
    check()

    # 3. With the lessons it goes through; the idea is evaluated.
    page.get_by_label("Vad lärde ni er?").fill("Börja med en avdelning och visa personalen först.")
    page.get_by_role("button", name="Spara utvärderingen").click()
    page.wait_for_url(trial_url)
    assert page.get_by_text("Testet är utvärderat.").is_visible()
    assert page.get_by_role("heading", name="Utvärdering").is_visible()
    check()
    assert Idea.objects.get(pk=trial.idea_id).stage == Stage.EVALUATED
    results = dict(Criterion.objects.filter(trial=trial).values_list("position", "result"))
    assert results == {1: Criterion.Result.MET, 2: Criterion.Result.PARTLY}

    # 4. A manager decides to implement, with an owner and resources.
    page.context.clear_cookies()
    browser_login(page, cast.director)
    page.goto(idea_url)
    page.get_by_role("link", name=Outcome.IMPLEMENT.label, exact=True).click()
    check()
    page.get_by_label("Plan för införandet").fill("Alla avdelningar använder listan från mars.")
    page.get_by_label("Mottagande enhet").select_option(label="– Skola Norr")
    page.get_by_label("Namngiven ansvarig hos mottagaren").select_option(label=cast.manager.name)
    page.get_by_label("Avsatta timmar").fill("40")
    page.get_by_label("Avsatta kronor").fill("5000")
    until = timezone.localdate() + datetime.timedelta(days=120)
    page.get_by_label("Resurserna är avsatta till och med").fill(until.isoformat())
    page.get_by_label("Framgångskriterier").fill("Alla avdelningar tar närvaro digitalt.")
    page.get_by_role("button", name="Fatta beslutet").click()
    page.wait_for_url(idea_url)
    assert page.get_by_role("heading", name="Införande", exact=True).is_visible()
    check()
    implementation = Implementation.objects.get(idea_id=trial.idea_id)
    implementation_url = live_server.url + reverse(
        "implementation:detail", args=[implementation.pk]
    )

    # 5. The owner adds a milestone and sets how far it has come.
    page.context.clear_cookies()
    browser_login(page, cast.manager)
    page.goto(idea_url)
    page.get_by_role("link", name=re.compile("Till införandet")).click()
    page.wait_for_url(implementation_url)
    check(narrow=True)
    form = page.locator("form", has=page.get_by_role("heading", name="Lägg till ett delmål"))
    form.get_by_label("Delmål").fill("Utbilda personalen")
    form.get_by_label("Klart senast").fill(
        (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    )
    form.get_by_role("button", name="Lägg till delmålet").click()
    expect(page.get_by_text("Delmålet är tillagt.")).to_be_visible()
    page.get_by_role("link", name=re.compile("Ändra eller sätt procent")).click()
    check(narrow=True)
    page.get_by_label("Hur långt har det kommit? (procent)").fill("150")
    page.get_by_role("button", name="Spara delmålet").click()
    assert "ett heltal från 0 till 100" in page.get_by_role("alert").inner_text()
    page.get_by_label("Hur långt har det kommit? (procent)").fill("60")
    page.get_by_role("button", name="Spara delmålet").click()
    page.wait_for_url(re.compile(r"/inforande/\d+/#delmal$"))
    assert page.get_by_role("progressbar", name="Utbilda personalen").get_attribute("value") == "60"
    assert page.get_by_label("Klart totalt").get_attribute("value") == "60"
    assert "60 %" in page.locator("#delmal").inner_text()
    check()

    # 6. Hand over to the line, with a follow-up date.
    page.get_by_role("link", name="Lämna över till linjen").click()
    check(narrow=True)
    today = timezone.localdate()
    page.get_by_label("Linjen driver det från och med").fill(today.isoformat())
    page.get_by_label("Första uppföljningen").fill(
        (today + datetime.timedelta(days=180)).isoformat()
    )
    page.get_by_label("Hur har överlämningen gått till?").fill(
        "Förskolan Norr driver listan; rektor följer upp i tertialrapporten."
    )
    page.get_by_role("button", name="Lämna över", exact=True).click()
    page.wait_for_url(implementation_url)
    assert page.get_by_text("Införandet är överlämnat till linjen").is_visible()
    assert page.get_by_role("heading", name="Överlämnad till linjen").is_visible()
    check()
    handover = Handover.objects.get(implementation=implementation)
    assert handover.follow_ups.count() == 1 and handover.line_unit == cast.school

    # 7. The idea page shows "Införd" and the handover.
    page.goto(idea_url)
    assert page.locator(".meta .stage").first.inner_text() == Stage.IMPLEMENTED.label
    panel = page.get_by_role("region", name="Överlämnad till linjen")
    assert "Skola Norr" in panel.inner_text() and "60 %" in panel.inner_text()
    check()

    # 8. Both lists, wide and narrow.
    for url in (reverse("trials:list"), reverse("implementation:list")):
        page.goto(live_server.url + url)
        assert TITLE in page.locator("main").inner_text()
        check(narrow=True)

    # 9. At follow-up the realised effect is entered; it shows on the idea and for the unit.
    page.goto(idea_url)
    page.get_by_role("link", name="Lägg till förväntad effekt").click()
    page.get_by_label("Timmar per år").check()
    page.get_by_label("Beskriv effekten").fill("Mindre tid på närvaro vid lämning och hämtning")
    page.get_by_label("Utgångsläge").fill("0")
    page.get_by_label("Målvärde").fill("200")
    page.get_by_role("button", name="Spara effekten").click()
    page.wait_for_url(re.compile(r"/ideer/\d+/#effekter$"))
    page.locator("#effekter").get_by_role("link", name="Registrera uppmätt värde").click()
    page.get_by_label("Uppmätt värde").fill("150")
    page.get_by_label("Mätdatum").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Spara mätningen").click()
    page.wait_for_url(re.compile(r"/ideer/\d+/#effekter$"))
    assert "+150" in page.locator("#effekter").inner_text()
    check()
    page.goto(live_server.url + reverse("effects:sums"))
    table = page.get_by_role("table", name="Timmar per år per förvaltning (timmar per år)")
    assert (
        "+150" in table.get_by_role("row", name=re.compile("Utbildningsförvaltningen")).inner_text()
    )
    check()
