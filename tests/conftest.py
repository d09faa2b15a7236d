import pytest
from django.core.cache import cache
from django.test import override_settings


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache, so no test sees another's cached content."""
    cache.clear()
    yield
    cache.clear()


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
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected once per run the way production does it (hashed, compressed)."""
    from tests.servers import collect_static, production_environment

    static_root = tmp_path_factory.mktemp("static")
    collect_static(static_root, production_environment())
    return static_root
