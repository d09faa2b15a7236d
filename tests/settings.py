"""The settings the test suite runs with: the site's own (rehab_site/settings.py), read
from the environment as production reads them, on the suite's database backends, which
differ from Django's only in how they empty the database between tests (tests/backends).
Servers the tests start (gunicorn, manage.py) run with the site's settings."""

from rehab_site.settings import *  # noqa: F403
from rehab_site.settings import DATABASES
from tests.backends import ENGINES

DATABASES["default"]["ENGINE"] = ENGINES[DATABASES["default"]["ENGINE"]]
if DATABASES["default"]["ENGINE"] == ENGINES["django.db.backends.sqlite3"]:
    # Django's choice for SQLite test databases, said outright: pytest-django recognises
    # it by the engine's name only, and each worker process has its own memory.
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", ":memory:")
