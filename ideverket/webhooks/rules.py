"""Who may manage webhooks: the organisation's administrator and the coordinator.

Both work municipality-wide, and a webhook can carry decisions from every department out of the
service, so nobody with a role in one department manages them. Everyone else gets 404.
"""

import rules


@rules.predicate
def can_manage_webhooks(user):
    return user.is_authenticated and user.is_active and (user.is_org_admin or user.is_coordinator)


rules.add_perm("webhooks.manage", can_manage_webhooks)
