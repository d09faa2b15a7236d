"""PostgreSQL restarted under load: a friendly 503 while it is down, recovery on its own
once it is back, and no inquiry that got a thank-you page lost."""

import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import pytest

from tests.reliability.conftest import PHONE, server_environment
from tests.reliability.private_postgres import postgres_bin_dir, private_postgres
from tests.reliability.visitors import Load, Visitor
from tests.servers import PROJECT_ROOT, gunicorn

pytestmark = [
    pytest.mark.skipif(
        postgres_bin_dir() is None, reason="needs PostgreSQL's server binaries"
    ),
    pytest.mark.postgresql_only(
        reason="stops and starts a PostgreSQL cluster of its own under the site: what "
        "it proves is an outage of the production database, PostgreSQL"
    ),
]

LOAD_CLIENTS = 4
OUTAGE_SECONDS = 3
# How long the load runs before the database stops, and again after it is back.
LOAD_SECONDS = 1.5
RECOVERY_LIMIT_SECONDS = 10


def manage(environment: dict, *arguments: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT_ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_site_survives_a_database_restart_under_load(collected_static):
    with private_postgres() as database:
        environment = server_environment(collected_static, DATABASE_URL=database.url)
        manage(environment, "migrate", "--no-input")
        manage(
            environment,
            "shell",
            "-c",
            f"from website.models import SiteSettings; SiteSettings(name='Willow Ridge', phone='{PHONE}').save()",
        )
        with gunicorn(environment, workers=2) as base_url:
            load = Load(base_url)
            probe = Visitor(base_url, timeout=20)
            with ThreadPoolExecutor(LOAD_CLIENTS) as pool:
                running = [pool.submit(load.visitor) for _ in range(LOAD_CLIENTS)]
                time.sleep(LOAD_SECONDS)

                database.stop()
                # The blank form is built from cached parts: it is still there.
                cached_form = probe.get("/admissions/")
                outage_pages = []
                outage_ends = time.monotonic() + OUTAGE_SECONDS
                while time.monotonic() < outage_ends:
                    # A thank-you page asks the database for its inquiry each time.
                    outage_pages.append(
                        probe.get(f"/admissions/thank-you/{uuid.uuid4()}/")
                    )
                    time.sleep(0.2)
                database.start()
                back_at = time.monotonic()

                recovered_at = None
                while time.monotonic() - back_at < RECOVERY_LIMIT_SECONDS:
                    if (
                        probe.get(f"/admissions/thank-you/{uuid.uuid4()}/").status
                        == 200
                    ):
                        recovered_at = time.monotonic()
                        break
                    time.sleep(0.1)
                time.sleep(LOAD_SECONDS)  # the load goes on after the recovery
                load.stopping.set()
                for visitor in running:
                    visitor.result()
        with (
            psycopg2.connect(database.url) as connection,
            connection.cursor() as cursor,
        ):
            cursor.execute("SELECT email FROM admissions_inquiry")
            stored = [email for (email,) in cursor.fetchall()]

    assert recovered_at is not None, "the site did not recover without a restart"
    recovery = recovered_at - back_at
    print(
        f"\nDatabase restart: {len(load.statuses)} responses under load, "
        f"{len(load.thanked)} inquiries thanked, recovered {recovery:.2f} s after the "
        "database came back"
    )
    assert cached_form.status == 200
    assert PHONE in cached_form.body
    assert outage_pages, "no request was made while the database was down"
    for page in outage_pages:
        assert page.status == 503
        assert page.headers.get("Retry-After")
        assert PHONE in page.body
        assert "briefly unavailable" in page.body
    assert 500 not in load.statuses
    assert set(load.statuses) <= {200, 503}
    assert load.thanked
    assert len(stored) == len(set(stored)), "an inquiry was stored twice"
    assert set(load.thanked) <= set(stored), "a thanked inquiry was lost"
