"""Django's Redis cache backend, keeping one redis client per connection pool.

Django builds a new redis.Redis object for every cache call, and building one fills a
table of some 170 response callbacks: about a tenth of a millisecond each time, several
times per page. The client is thread-safe and the pool behind it survives forks, so one
per pool is enough.
"""

from django.core.cache.backends import redis


class ReusedClientRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
