"""The idea list's filter options are kept per process for a minute: what that may and may not
change for the person filtering."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from ideverket.challenges.models import Theme
from ideverket.ideas.forms import filter_options
from ideverket.org.actions import do_update_unit

from .builders import new_idea

pytestmark = pytest.mark.django_db

LIST = reverse("ideas:list")


def titles(response):
    return {idea.title for idea in response.context["page_obj"].object_list}


def test_a_theme_added_after_the_options_were_kept_filters_at_once(cast, login):
    client = login(cast.fresh("employee"))
    client.get(LIST)  # the options are kept now
    theme = Theme.objects.create(name="Helt nytt tema")
    new_idea(cast, title="Med nytt tema", themes=[theme])
    new_idea(cast, title="Utan tema")
    response = client.get(LIST, {"theme": theme.pk})
    assert response.context["form"].errors == {}
    assert titles(response) == {"Med nytt tema"}
    assert f'<option value="{theme.pk}" selected>Helt nytt tema</option>' in response.text


def test_an_unknown_theme_is_still_refused_next_to_the_field(cast, login):
    client = login(cast.fresh("employee"))
    response = client.get(LIST, {"theme": "999999"})
    assert "theme" in response.context["form"].errors
    assert response.status_code == 200


def test_a_moved_unit_filters_by_where_it_is_now(cast, login):
    client = login(cast.fresh("employee"))
    new_idea(cast, title="Skolans idé")  # owned by the school, under education
    client.get(LIST)  # the options are kept now, with the school under education
    do_update_unit(
        cast.admin,
        cast.school,
        name=cast.school.name,
        parent=cast.social,
        is_support_function=False,
        is_active=True,
    )
    assert titles(client.get(LIST, {"department": cast.social.pk})) == {"Skolans idé"}
    assert titles(client.get(LIST, {"department": cast.education.pk})) == set()


def test_options_are_read_once_and_then_kept(cast, django_assert_num_queries):
    with django_assert_num_queries(3):
        units, themes, challenges = filter_options()
    with django_assert_num_queries(0):
        assert filter_options() == (units, themes, challenges)
    assert [str(unit) for unit in units][:2] == ["Utbildningsförvaltningen", "– Skola Norr"]


def selected_options(response):
    return re.findall(r'<option value="([^"]*)" selected>', response.text)


def test_the_kept_selects_show_each_request_its_own_choices(cast, login):
    """The selects are kept rendered per process, keyed on what was asked: a second person's
    choices, an invalid value's error and the language are never taken from another request."""
    client = login(cast.fresh("employee"))
    first = client.get(LIST, {"department": cast.school.pk, "sort": "oldest"})
    assert selected_options(first) == [str(cast.school.pk), "", "", "", "oldest"]
    second = client.get(LIST, {"department": cast.social.pk})
    assert selected_options(second) == [str(cast.social.pk), "", "", ""]
    refused = client.get(LIST, {"department": "999999"})
    assert 'id="id_department_error"' in refused.text
    again = client.get(LIST, {"department": cast.social.pk})
    assert 'id="id_department_error"' not in again.text
    assert again.text.count("Hela kommunen") == 1
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(LIST, {"department": cast.social.pk})
    assert "Hela kommunen" not in english.text
    assert selected_options(english)[0] == str(cast.social.pk)
