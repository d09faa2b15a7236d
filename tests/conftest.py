import os

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.caches import empty_every_cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches, so no test sees another's cached content."""
    empty_every_cache()
    yield
    empty_every_cache()


REDIS = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9"),
}


@pytest.fixture
def redis_cache(settings):
    """The caches as in production: the default one in Redis (TEST_REDIS_URL, database 9
    by default), the parts of pages in this process's memory."""
    settings.CACHES = {**settings.CACHES, "default": REDIS}
    empty_every_cache()
    yield cache
    empty_every_cache()


@pytest.fixture
def redis_for_every_cache(settings):
    """Both caches in Redis (CONTENT_CACHE_URL set to Redis), so a test can count entries."""
    settings.CACHES = {"default": REDIS, "template_fragments": REDIS}
    empty_every_cache()
    yield cache
    empty_every_cache()


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    # Production uses WhiteNoise's manifest storage, which needs collectstatic; tests serve
    # static files straight from the source folders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


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


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected once per run the way production does it (hashed, compressed)."""
    from tests.servers import collect_static, production_environment

    static_root = tmp_path_factory.mktemp("static")
    collect_static(static_root, production_environment())
    return static_root
