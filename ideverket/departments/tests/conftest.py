import pytest

from ideverket.departments import overview


@pytest.fixture(autouse=True)
def fresh_shared_figures():
    """Each test counts its own data: the shared counts live in a per-process cache."""
    overview.forget_shared()
    yield
    overview.forget_shared()
