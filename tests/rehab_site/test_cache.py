from django.core.cache import cache, caches
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


def test_the_content_version_is_read_once_per_recheck_period(client, db, monkeypatch):
    SiteSettingsFactory()
    client.get("/blog/")
    reads = []
    original = content_cache._read_version

    def counted():
        reads.append(1)
        return original()

    monkeypatch.setattr(content_cache, "_read_version", counted)
    client.get("/blog/")
    client.get("/")

    assert reads == []


def test_a_save_in_another_process_is_seen_after_the_recheck_period(db, monkeypatch):
    before = content_cache.content_version()
    cache.incr(content_cache.VERSION_KEY)  # as another process's save does

    assert content_cache.content_version() == before
    monkeypatch.setattr(content_cache, "VERSION_RECHECK_SECONDS", 0)
    content_cache.forget_version()
    assert content_cache.content_version() == before + 1


def test_a_save_in_this_process_is_seen_at_once(db):
    before = content_cache.content_version()
    content_cache.bump_content_version()
    content_cache.bump_content_version()

    assert content_cache.content_version() == before + 2
