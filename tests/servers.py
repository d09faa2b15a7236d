"""Real servers for tests: gunicorn (and nginx in front of it) on loopback ports.

They talk to the same PostgreSQL test database as the test itself, so a test that uses
`transactional_db` sees, and is seen by, what the server writes. Only PostgreSQL's test
database can be shared so: on SQLite it lives in the test process's memory, so a test that
starts a server is marked `SHARES_THE_TEST_DATABASE` and runs on PostgreSQL only.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SHARES_THE_TEST_DATABASE = pytest.mark.postgresql_only(
    reason="a real server in another process shares the test database, and SQLite's test "
    "database lives in the test process's memory"
)

NOT_SHAREABLE = (
    "Only a PostgreSQL database can be shared with a server in another process: mark the "
    "test with tests.servers.SHARES_THE_TEST_DATABASE."
)


def test_database_url() -> str:
    """The test database as another process opens it; only PostgreSQL's can be opened."""
    if connection.vendor != "postgresql":
        raise RuntimeError(NOT_SHAREABLE)
    database = settings.DATABASES["default"]
    user = database.get("USER") or "postgres"
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{database['NAME']}"


def production_environment(**overrides) -> dict[str, str]:
    """The environment a real deployment would give the site, pointed at the test database
    on PostgreSQL; on SQLite at an empty database of its own, enough for commands that read
    no rows (collectstatic, check), while `gunicorn` refuses it."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in {"DEBUG"}
    }
    environment.update(
        DEBUG="false",
        SECRET_KEY="a-long-random-secret-for-the-server-tests-only-0123456789",
        FIELD_ENCRYPTION_KEYS=os.environ.get(
            "FIELD_ENCRYPTION_KEYS", "dGVzdC1zdWl0ZS1vbmx5LWtleS1ub3QtYS1zZWNyZXQ="
        ),
        DATABASE_URL=(
            test_database_url()
            if connection.vendor == "postgresql"
            else "sqlite://:memory:"
        ),
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        LOG_LEVEL="WARNING",
    )
    environment.update(overrides)
    return environment


def collect_static(static_root: Path, environment: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=PROJECT_ROOT,
        env={**environment, "STATIC_ROOT": str(static_root)},
        check=True,
        timeout=600,
    )


def wait_until_answering(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answered, even if not with 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} seconds")


@contextlib.contextmanager
def gunicorn(
    environment: dict[str, str],
    workers: int = 2,
    port: int | None = None,
    config: str = "gunicorn.conf.py",
):
    """Run gunicorn with the project's gunicorn.conf.py (or `config`); yields its base URL."""
    if not environment["DATABASE_URL"].startswith("postgres"):
        raise RuntimeError(NOT_SHAREABLE)
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", config, "rehab_site.wsgi"],
        cwd=PROJECT_ROOT,
        env={
            **environment,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
        },
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base_url}/healthz")
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
