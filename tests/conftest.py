import contextlib
import io
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from rehab_site.caching import content_state
from rehab_site.settings import cache_from_url
from tests.caches import empty_every_cache
from tests.demo import (
    DemoSnapshot,
    dump_demo,
    load_demo,
    plain_static_storages,
    rolled_back_with_files_in,
    warm_every_public_page,
)
from tests.migrations import (
    Schema,
    back_to_the_latest,
    migrations_undone_by,
    schema_before,
)
from tests.workers import once_per_run, worker_redis_url

# The admin walk's fixtures (`walk`, `as_in_production`, `due_draft_change`).
pytest_plugins = ["tests.admin_walk"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches, so no test sees another's cached content."""
    empty_every_cache()
    yield
    empty_every_cache()


def redis_caches(url: str) -> dict:
    """The default and coordination caches as production makes them for a Redis `url`."""
    return {
        "default": cache_from_url(url, ignore_outages=True),
        "coordination": cache_from_url(url, ignore_outages=False),
    }


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def uses_the_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """`make test` runs the suite on PostgreSQL, then on SQLite. On SQLite it leaves out
    the tests marked `postgresql_only(reason)` or `one_database(reason)` (every such mark
    must say why), and those that never touch a database: they ran, the same, on
    PostgreSQL."""
    from django.db import connection

    on_sqlite = connection.vendor == "sqlite"
    kept, left_out = [], []
    for item in items:
        marks = [
            item.get_closest_marker(name)
            for name in ("postgresql_only", "one_database")
        ]
        for marker in filter(None, marks):
            if not (marker.args or marker.kwargs.get("reason")):
                raise pytest.UsageError(
                    f"{item.nodeid}: say why in {marker.name}(reason=...)"
                )
        postgresql_only = any(marks) or not uses_the_database(item)
        (left_out if on_sqlite and postgresql_only else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
    items.sort(key=run_order)


def run_order(item) -> tuple:
    """Tests without the demo first (a stable sort): while one worker makes the demo's
    snapshot (about 27 s, `demo_snapshot_before_any_test`), the other runs tests that do
    not need it, instead of waiting for it. Putting the long tests first as well was
    measured slower: 8 min 19 s for the PostgreSQL run against 7 min 39 s.

    Migration tests after the other tests without the demo, one after another, those
    that undo the fewest migrations first: each then moves the schema on from where the
    last left it (tests/migrations.py), and mostly one worker takes them (pytest-xdist
    gives each worker a run of consecutive tests). Not before them: pytest-django runs
    the tests that roll back before those that commit and flush, so the first find the
    rows migrations made (the home page, the overview pages) as a new site has them."""
    marker = item.get_closest_marker("migrations")
    if marker is None:
        return (needs_the_demo(item), False, 0)
    return (needs_the_demo(item), True, migrations_undone_by(marker.args[0]))


@pytest.fixture
def old_schema(request, transactional_db):
    """The models as they were before the migration the test is about (its mark
    `migrations(before)`), on empty tables."""
    return schema_before(request.node.get_closest_marker("migrations").args[0])


@pytest.fixture(scope="module", autouse=True)
def schema_at_the_latest(request, django_db_blocker):
    """The latest schema for every test that is not a migration test, where a migration
    test left it behind."""
    if Schema.behind and request.node.get_closest_marker("migrations") is None:
        with django_db_blocker.unblock():
            back_to_the_latest()


def needs_the_demo(item) -> bool:
    return "demo_snapshot" in getattr(item, "fixturenames", ())


def _after_the_content_state(count_queries):
    """`count_queries` (pytest-django's query counters), started once the content state
    has been worked out: in production that happens once after each commit that changed
    content (rehab_site/caching.py), never in the page being counted; a test's own
    saves are never committed."""

    @contextlib.contextmanager
    def counting(*args, **kwargs):
        content_state()
        with count_queries(*args, **kwargs) as context:
            yield context

    return counting


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries):
    return _after_the_content_state(django_assert_num_queries)


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries):
    return _after_the_content_state(django_assert_max_num_queries)


@pytest.fixture
def redis_cache(settings):
    """The caches as in production: the default and coordination ones in Redis (TEST_REDIS_URL, database 9
    by default), the parts of pages in this process's memory."""
    settings.CACHES = {**settings.CACHES, **redis_caches(worker_redis_url())}
    empty_every_cache()
    yield cache
    empty_every_cache()


@pytest.fixture
def redis_for_every_cache(settings):
    """Both caches in Redis (CONTENT_CACHE_URL set to Redis), so a test can count entries."""
    settings.CACHES = {
        **settings.CACHES,
        **redis_caches(worker_redis_url()),
        "template_fragments": cache_from_url(worker_redis_url(), ignore_outages=True),
    }
    empty_every_cache()
    yield cache
    empty_every_cache()


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    settings.STORAGES = plain_static_storages(settings.STORAGES)


@pytest.fixture(scope="session", autouse=True)
def plain_http_test_settings():
    """Tests talk plain HTTP to the test client and live server, with the login throttle and
    the second factor off; the tests of those features switch them back on. Session-wide,
    so it is in force before the live server builds its middleware."""
    with override_settings(
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        AXES_ENABLED=False,
        REQUIRE_TWO_FACTOR=False,
        # Django's advice for test suites: PBKDF2 is slow by design (0.3 s a password).
        # It stays available for users who sign in to a production server (gunicorn).
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.MD5PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ],
    ):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def private_media_root(settings, media_root):
    """Where this test's encrypted card photos are stored."""
    return settings.PRIVATE_MEDIA_ROOT


# Left out of the snapshot: rows that migrate makes (content types, permissions), and
# sessions, which the demo has none of.
NOT_DEMO_CONTENT = ["contenttypes", "auth.permission", "sessions"]


def build_demo_snapshot(
    tmp_path_factory, django_db_blocker, *, wait: bool = True
) -> DemoSnapshot | None:
    """Seed the demo once per run, open each of its public pages once (so the pictures'
    renditions are made, as on a site visitors have seen), keep it as a fixture file and
    a folder of files, and roll the seeding back: `demo` loads it in a fraction of a
    second, where seeding takes several (pictures, renditions, versions)."""

    def seed(folder: Path) -> None:
        with rolled_back_with_files_in(folder, django_db_blocker):
            call_command("seed_demo", stdout=io.StringIO())
            warm_every_public_page()
            dump_demo(folder / "demo.json", exclude=NOT_DEMO_CONTENT)
        empty_every_cache()

    folder = once_per_run(tmp_path_factory, "demo", seed, wait=wait)
    if folder is None:
        return None
    return DemoSnapshot(
        folder / "demo.json", folder / "media", folder / "private-media"
    )


@pytest.fixture(scope="session", autouse=True)
def demo_snapshot_before_any_test(
    request, plain_http_test_settings, django_db_blocker, tmp_path_factory
):
    """The demo's snapshot is made before this process runs its first test, while its
    database holds just what migrations made (a test that commits empties the tables
    after it, and the rows migrations made, such as the overview pages, would come back
    from seeding under other keys than in every other worker's database). The first
    process to get here makes it; the others go on with their tests at once."""
    if any(map(needs_the_demo, request.session.items)):
        request.getfixturevalue("django_db_setup")
        build_demo_snapshot(tmp_path_factory, django_db_blocker, wait=False)


@pytest.fixture(scope="session")
def demo_snapshot(
    demo_snapshot_before_any_test, django_db_setup, django_db_blocker, tmp_path_factory
) -> DemoSnapshot:
    """The demo as a snapshot (`build_demo_snapshot`), waiting for the process making it."""
    return build_demo_snapshot(tmp_path_factory, django_db_blocker)


@pytest.fixture
def demo(db, demo_snapshot, settings, media_root):
    """The demo center, as `python manage.py seed_demo` leaves it, in this test's database
    and media folders."""
    load_demo(demo_snapshot, settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected once per run the way production does it (hashed, compressed)."""
    from tests.servers import collect_static, production_environment

    return once_per_run(
        tmp_path_factory,
        "static",
        lambda folder: collect_static(folder, production_environment()),
    )
