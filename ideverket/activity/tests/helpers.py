"""Shared steps for the e-mail tests: choices through the action, events about real ideas."""

from ideverket.activity.actions import do_set_email_frequency, record_event
from ideverket.activity.models import EmailPreference, Event
from ideverket.ideas.models import Idea
from ideverket.ideas.tests.builders import new_idea

Frequency = EmailPreference.Frequency


def choose(user, frequency):
    return do_set_email_frequency(user, user, frequency)


def an_idea(cast, **kwargs):
    return new_idea(cast, **kwargs)


def a_restricted_idea(cast):
    return new_idea(cast, visibility=Idea.Visibility.RESTRICTED, title="Schema för vikarier")


def notify(actor, idea, *people):
    """An edit of `idea` by `actor` that notifies `people`."""
    return record_event(
        actor, Event.Verb.EDITED, idea, notify=[p.pk for p in people], change="test"
    )
