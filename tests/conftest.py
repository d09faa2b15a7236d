import pytest
from django.core.cache import cache


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


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
