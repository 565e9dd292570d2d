"""The sample HR files in docs/examples import cleanly into the demo."""

from io import StringIO

import pytest
from django.core.management import call_command

from ideverket.org.models import RoleAssignment, Unit, User


@pytest.mark.django_db(transaction=False)
def test_load_demo_org_import_examples():
    """docs/examples/org-*.csv import cleanly into the demo: a new unit, two people; twice = once."""
    from pathlib import Path

    from django.conf import settings

    call_command("load_demo", stdout=StringIO())
    examples = Path(settings.BASE_DIR) / "docs" / "examples"
    units, people = str(examples / "org-units.csv"), str(examples / "org-people.csv")
    out = StringIO()
    call_command("import_org", units, people, stdout=out)
    assert "Enheter: 1 skapas, 2 ändras, 0 oförändrade, 0 inaktiveras" in out.getvalue()
    assert "Personer: 2 skapas, 0 ändras, 0 oförändrade, 0 inaktiveras" in out.getvalue()
    fritids = Unit.objects.get(external_id="1460")
    assert fritids.name == "Ekbackens fritidshem"
    assert fritids.parent.name == "Ekbackeskolan" and fritids.parent.external_id == "1400"
    yusuf = User.objects.get(email="yusuf.karimi@exempelkommun.se")
    assert yusuf.unit == fritids
    assert RoleAssignment.objects.filter(
        user=yusuf, unit=fritids, role=RoleAssignment.Role.MANAGER
    ).exists()
    out = StringIO()
    call_command("import_org", units, people, "--dry-run", stdout=out)
    assert "Enheter: 0 skapas, 0 ändras, 3 oförändrade" in out.getvalue()
    assert "Personer: 0 skapas, 0 ändras, 2 oförändrade" in out.getvalue()
