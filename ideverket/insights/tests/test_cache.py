"""The insights page and the follow-up report are computed at most once per cache.FRESH_FOR for
one viewer and one choice of filters; the page says when, a change shows once that time has
passed, and no one is ever shown figures computed over someone else's visible items."""

import contextlib
import datetime
import re
from unittest import mock

from django.urls import reverse
from django.utils import timezone

from ideverket.goals.models import Period
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import new_idea
from ideverket.insights import cache
from ideverket.org.actions import do_grant_role
from ideverket.org.models import RoleAssignment

from .dataset import build

OVERVIEW = reverse("insights:overview")
REPORT = reverse("insights:report")


def submitted(client):
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    return response, next(
        r.count for r in response.context["figures"].funnel if r.stage == "submitted"
    )


@contextlib.contextmanager
def later(minutes):
    """`minutes` from now, for the figures' time stamps and the cache's expiry alike."""
    moment = timezone.now() + datetime.timedelta(minutes=minutes)
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch("django.core.cache.backends.db.tz_now", return_value=moment),
    ):
        yield


def visible_this_year(user):
    start = timezone.make_aware(datetime.datetime(timezone.localdate().year, 1, 1))
    ideas = Idea.objects.visible_to(user).exclude(stage=Stage.DRAFT)
    return ideas.filter(submitted_at__gte=start).count()


def test_page_says_when_the_figures_were_computed(cast, login):
    build(cast)
    response, _count = submitted(login(cast.fresh("coordinator")))
    computed_at = timezone.localtime(response.context["computed_at"])
    text = re.sub(r"\s+", " ", response.content.decode())
    assert f"Siffrorna beräknades kl. {computed_at:%H.%M}." in text
    assert "Ändringar syns inom 5 minuter." in text


def test_a_change_shows_once_the_stated_time_has_passed(cast, login):
    build(cast)
    client = login(cast.fresh("coordinator"))
    first, before = submitted(client)
    new_idea(cast, title="En idé till")

    cached, count = submitted(client)
    assert count == before  # still the figures computed a moment ago, and said so
    assert cached.context["computed_at"] == first.context["computed_at"]

    minutes = cache.FRESH_FOR.total_seconds() / 60
    with later(minutes - 1):
        assert submitted(client)[1] == before
    with later(minutes + 1):
        fresh, count = submitted(client)
    assert count == before + 1
    assert fresh.context["computed_at"] > first.context["computed_at"]


def test_viewers_never_share_figures(cast, login):
    build(cast)
    coordinator = submitted(login(cast.fresh("coordinator")))[1]
    assert coordinator == visible_this_year(cast.fresh("coordinator"))
    # Same filters, computed just before for the coordinator: the lead gets their own figures.
    lead = submitted(login(cast.fresh("lead")))[1]
    assert lead == visible_this_year(cast.fresh("lead")) < coordinator
    # A new role changes what the lead may see: it counts at once, not FRESH_FOR later.
    do_grant_role(None, cast.lead, cast.social, RoleAssignment.Role.INNOVATION_LEAD)
    assert submitted(login(cast.fresh("lead")))[1] == visible_this_year(cast.fresh("lead")) > lead


def test_report_is_cached_per_viewer_and_says_when(cast, login):
    period = Period.for_year(timezone.localdate().year)
    new_idea(cast, owner_unit=cast.homecare, visibility="restricted", user=cast.outsider)
    params = {"period": period.pk}

    def ideas(role):
        response = login(cast.fresh(role)).get(REPORT, params)
        assert response.status_code == 200
        return response, response.context["report"].ideas.count

    response, coordinator = ideas("coordinator")
    assert "Siffrorna beräknades kl." in response.content.decode()
    assert ideas("lead")[1] == coordinator - 1
    new_idea(cast, title="En idé till")
    assert ideas("coordinator")[1] == coordinator
    with later(cache.FRESH_FOR.total_seconds() / 60 + 1):
        assert ideas("coordinator")[1] == coordinator + 1
