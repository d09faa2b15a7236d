import pytest
from django.core.cache import caches
from django.test import override_settings

from rehab_site import cache as content_cache
from tests.factories import SiteSettingsFactory

REDIS_CACHE = {
    "default": {
        "BACKEND": "rehab_site.cache_backends.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/13",
    }
}


@override_settings(CACHES=REDIS_CACHE)
def test_the_redis_backend_keeps_one_client_per_pool():
    redis_cache = caches.create_connection("default")
    redis_cache.set("greeting", "hello")

    assert redis_cache.get("greeting") == "hello"
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is redis_cache._cache.get_client(
        write=True
    )
    redis_cache.clear()


def test_the_content_version_is_read_once_per_request(client, db, monkeypatch):
    SiteSettingsFactory()
    client.get("/about-us-does-not-exist/")
    reads = []
    original = content_cache._read_version

    def counted():
        reads.append(1)
        return original()

    monkeypatch.setattr(content_cache, "_read_version", counted)
    client.get("/blog/")

    assert len(reads) <= 1


def test_outside_a_request_the_version_is_always_read_afresh(db):
    before = content_cache.content_version()
    content_cache.bump_content_version()

    assert content_cache.content_version() == before + 1


@pytest.mark.parametrize("bumps", [1, 2])
def test_a_bump_inside_a_request_is_seen_by_the_rest_of_it(bumps):
    content_cache._request_started()
    try:
        before = content_cache.content_version()
        for _ in range(bumps):
            content_cache.bump_content_version()
        assert content_cache.content_version() == before + bumps
    finally:
        content_cache._request_finished()
