"""What each pytest-xdist worker keeps to itself: its Redis database.

pytest-django gives each worker its own test database (`test_<name>_gw0`, ...) and pytest
its own temporary folders; the Redis database is ours to split. Worker N uses the base
database number (TEST_REDIS_URL, database 9 by default) plus N.
"""

import os
from urllib.parse import urlsplit

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/9"


def worker_index() -> int:
    """0 for the first worker (or a run without xdist), 1 for the second, ..."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(worker.removeprefix("gw"))


def worker_redis_url() -> str:
    url = urlsplit(os.environ.get("TEST_REDIS_URL", DEFAULT_REDIS_URL))
    database = int(url.path.strip("/") or 0) + worker_index()
    return f"{url.scheme}://{url.netloc}/{database}"
