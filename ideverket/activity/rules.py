"""Who may change what in the activity app."""

import rules


@rules.predicate
def can_change_email_preference(actor, user):
    """Only the person themselves chooses how they get e-mail."""
    return actor is not None and actor.is_authenticated and actor.pk == user.pk
