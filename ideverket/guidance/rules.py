"""Who may do what with guidance pages, feedback and accessibility reports. Views enforce these.

Reading a published page, answering "Hjälpte informationen på sidan dig?" and reporting an
accessibility defect are open to everyone, also without logging in. Writing pages, reading the
feedback and handling defect reports is the coordinator's. The table is in docs/roles.md.
"""

import rules


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


rules.add_perm("guidance.manage", is_coordinator)
