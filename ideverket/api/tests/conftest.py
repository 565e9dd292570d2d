from ideverket.challenges.tests.conftest import make_challenge  # noqa: F401
from ideverket.projects.tests.conftest import make_project  # noqa: F401
