import datetime

import pytest
from django.utils import timezone

from ideverket.challenges.actions import do_create_challenge
from ideverket.challenges.models import Challenge


@pytest.fixture
def make_challenge(cast):
    """make_challenge(title=…, **fields): a challenge made through the action, by the lead."""

    def _make(title="Kortare köer", *, by=None, **fields):
        fields.setdefault("question", "Hur kan vi korta köerna?")
        fields.setdefault("owner_unit", cast.school)
        return do_create_challenge(by or cast.fresh("lead"), title=title, **fields)

    return _make


@pytest.fixture
def close(cast):
    """close(challenge): set open_until to yesterday (edits may use past dates)."""

    def _close(challenge):
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        Challenge.objects.filter(pk=challenge.pk).update(open_until=yesterday)
        challenge.refresh_from_db()
        return challenge

    return _close
