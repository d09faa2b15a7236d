"""gunicorn settings for production (`make serve`); every value can be set from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# A request that takes longer than this is stuck: kill the worker and start a fresh one.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On HUP or TERM, workers get this long to finish what they are serving.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so that no slow leak grows without bound, but rarely: at
# 5,000 a worker restarted every few seconds under load and cost 12% of throughput, while
# worker memory stays flat over a whole benchmark run (bench/results.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "200000"))
max_requests_jitter = max_requests // 10

preload_app = True
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Believe X-Forwarded-* only from the proxies named in TRUSTED_PROXIES (comma-separated).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1") or "127.0.0.1"

# The application logs each request as JSON (rehab_site.logging); gunicorn's own access log
# would repeat it, so only errors go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# gunicorn's runtime control socket is not used; several instances on one host would share it.
control_socket_disable = True
