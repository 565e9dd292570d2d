import pytest

from ideverket.insights import cache


@pytest.fixture(autouse=True)
def fresh_figures(db):
    """Every test starts with nothing cached: figures are computed from the test's own data."""
    cache.clear()
