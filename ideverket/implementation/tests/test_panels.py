"""The implementation panel queries in every stage an implemented idea can reach."""

from ideverket.ideas.process import Stage
from ideverket.implementation.panels import AFTER_IMPLEMENT
from ideverket.trials.tests.test_panels import reachable_from


def test_every_stage_after_implementing_shows_the_panel():
    assert reachable_from(Stage.IMPLEMENTING) <= AFTER_IMPLEMENT
