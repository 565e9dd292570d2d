"""Effects and lessons show on the project page, expected against realised."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from ideverket.effects.actions import do_add_effect, do_record_measurement
from ideverket.effects.models import Effect
from ideverket.lessons.actions import do_record_lesson


def test_project_page_shows_realised_effect_and_lesson(cast, login, make_project):
    project = make_project()
    lead = cast.fresh("lead")
    effect = do_add_effect(
        lead,
        project,
        kind=Effect.Kind.HOURS_PER_YEAR,
        description="Mindre tid för schemaläggning",
        baseline=Decimal("0"),
        target=Decimal("1200"),
    )
    do_record_measurement(
        lead, effect, Decimal("950"), timezone.localdate() - datetime.timedelta(days=1), "Tertial 2"
    )
    do_record_lesson(
        lead,
        subject=project,
        title="Börja med schemat",
        text="Det var schemat som styrde.",
        unit=None,
    )
    page = login(lead).get(reverse("projects:detail", args=[project.pk]))
    assert page.status_code == 200
    assert "Mindre tid för schemaläggning" in page.text
    assert "950" in page.text and "1" in page.text
    assert "Börja med schemat" in page.text
    assert reverse("effects:create", args=["projects.project", project.pk]) in page.text
    # The sums page counts the project's realised hours for its lead unit's department.
    sums = login(lead).get(reverse("effects:sums"))
    assert "950" in sums.text
