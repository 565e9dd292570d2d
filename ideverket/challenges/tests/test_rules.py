"""Role × permission matrix for challenges and themes."""

import pytest

pytestmark = pytest.mark.django_db

# persona: may create some challenge / for Skola Norr / for Utbildningsförvaltningen /
#          for Hemtjänst Öst
CREATE = {
    "employee": (False, False, False, False),
    "colleague": (False, False, False, False),
    "inspirer": (False, False, False, False),
    "manager": (True, True, False, False),
    "lead": (True, True, True, False),
    "director": (True, True, True, False),
    "social_lead": (True, False, False, True),
    "outsider": (False, False, False, False),
    "hr_person": (False, False, False, False),
    "coordinator": (True, True, True, True),
    "admin": (False, False, False, False),
}


@pytest.mark.parametrize(("persona", "expected"), CREATE.items())
def test_add_challenge(cast, persona, expected):
    user = cast.fresh(persona)
    actual = (
        user.has_perm("challenges.add_challenge"),
        user.has_perm("challenges.add_challenge", cast.school),
        user.has_perm("challenges.add_challenge", cast.education),
        user.has_perm("challenges.add_challenge", cast.homecare),
    )
    assert actual == expected


# Challenge owned by Skola Norr, with the colleague as responsible person.
EDIT = {
    "employee": False,
    "colleague": True,
    "inspirer": False,
    "manager": True,
    "lead": True,
    "director": True,
    "social_lead": False,
    "outsider": False,
    "hr_person": False,
    "coordinator": True,
    "admin": False,
}


@pytest.mark.parametrize(("persona", "expected"), EDIT.items())
def test_change_challenge(cast, make_challenge, persona, expected):
    challenge = make_challenge(responsible=[cast.colleague])
    assert cast.fresh(persona).has_perm("challenges.change_challenge", challenge) is expected


THEMES = {"coordinator": True, "admin": True, "lead": False, "manager": False, "employee": False}


@pytest.mark.parametrize(("persona", "expected"), THEMES.items())
def test_manage_themes(cast, persona, expected):
    assert cast.fresh(persona).has_perm("challenges.manage_themes") is expected
