"""The cast every test can use: one small municipality with a person in every role.

Kommunen (coordinator, admin)
├── Utbildningsförvaltningen (lead: Lena; manager: Magnus)
│   └── Skola Norr (manager: Maja; inspirer: Ines; employee: Erik)
├── Socialförvaltningen (lead: Sara)
│   └── Hemtjänst Öst (outsider: Olle)
└── Kommunledningsförvaltningen
    └── HR (support function; Hanna)
"""

import pytest

from ideverket.org.actions import do_create_unit, do_create_user, do_grant_role
from ideverket.org.models import RoleAssignment

Role = RoleAssignment.Role


class Cast:
    """Units and personas, as attributes: cast.employee, cast.lead, cast.school, …"""

    def __init__(self):
        self.kommun = do_create_unit(None, name="Testkommun")
        self.education = do_create_unit(None, name="Utbildningsförvaltningen", parent=self.kommun)
        self.school = do_create_unit(None, name="Skola Norr", parent=self.education)
        self.social = do_create_unit(None, name="Socialförvaltningen", parent=self.kommun)
        self.homecare = do_create_unit(None, name="Hemtjänst Öst", parent=self.social)
        self.central = do_create_unit(None, name="Kommunledningsförvaltningen", parent=self.kommun)
        self.hr = do_create_unit(None, name="HR", parent=self.central, is_support_function=True)

        def person(key, name, unit, *roles):
            user = do_create_user(
                None, email=f"{key}@test.example", name=name, unit=unit, password="test-pass-123"
            )
            for role, role_unit in roles:
                do_grant_role(None, user, role_unit, role)
            setattr(self, key, user)

        person("employee", "Erik Elev", self.school)
        person("colleague", "Cecilia Kollega", self.school)
        person("inspirer", "Ines Inspiratör", self.school, (Role.INSPIRER, self.school))
        person("manager", "Maja Chef", self.school, (Role.MANAGER, self.school))
        person("lead", "Lena Ledare", self.education, (Role.INNOVATION_LEAD, self.education))
        person("director", "Magnus Direktör", self.education, (Role.MANAGER, self.education))
        person("social_lead", "Sara Social", self.social, (Role.INNOVATION_LEAD, self.social))
        person("outsider", "Olle Utanför", self.homecare)
        person("hr_person", "Hanna HR", self.hr)
        person("coordinator", "Cora Samordnare", self.central, (Role.COORDINATOR, self.kommun))
        person("admin", "Adam Admin", self.central, (Role.ADMIN, self.kommun))

    def fresh(self, key):
        """A re-fetched user, so cached role lists do not leak between steps of a test."""
        from ideverket.org.models import User

        return User.objects.get(pk=getattr(self, key).pk)


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def login(client):
    """login(user) logs the test client in as `user` and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _fresh_process_cache():
    """Each test starts with an empty per-process cache (kept filter options, rendered cards
    and menus), as a freshly started server process would."""
    from django.core.cache import caches

    caches["default"].clear()
