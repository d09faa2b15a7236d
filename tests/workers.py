"""What each pytest-xdist worker keeps to itself (its Redis database) and what the workers
of one run share (what is built once per run).

pytest-django gives each worker its own test database (`test_<name>_gw0`, ...) and pytest
its own temporary folders; the Redis database is ours to split. Worker N uses the base
database number (TEST_REDIS_URL, database 9 by default) plus N.
"""

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from filelock import FileLock, Timeout

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/9"


def worker_index() -> int:
    """0 for the first worker (or a run without xdist), 1 for the second, ..."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(worker.removeprefix("gw"))


def worker_redis_url() -> str:
    url = urlsplit(os.environ.get("TEST_REDIS_URL", DEFAULT_REDIS_URL))
    database = int(url.path.strip("/") or 0) + worker_index()
    return f"{url.scheme}://{url.netloc}/{database}"


def built_once_folder(tmp_path_factory) -> Path:
    """TEST_BUILT_ONCE when it is set: `make test` sets it for both of its runs, so the
    SQLite run reuses what the PostgreSQL run built (the demo snapshot, static files, the
    wheel: none depends on the database) and empties it first. Otherwise the run's own
    temporary folder, above each worker's."""
    if shared := os.environ.get("TEST_BUILT_ONCE"):
        Path(shared).mkdir(parents=True, exist_ok=True)
        return Path(shared)
    root = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:
        root = root.parent  # the run's folder, above each worker's own
    return root


def once_per_run(
    tmp_path_factory, name: str, build: Callable[[Path], None], *, wait: bool = True
) -> Path | None:
    """A folder that the first test process of the run to ask fills with `build(folder)`;
    the others (pytest-xdist workers) wait for it and share it. With `wait=False`, a
    process that finds another filling it goes on at once, without it (None)."""
    root = built_once_folder(tmp_path_factory)
    folder = root / name
    try:
        with FileLock(root / f"{name}.lock", blocking=wait):
            if not (folder / ".complete").exists():
                shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
                folder.mkdir()
                build(folder)
                (folder / ".complete").touch()
    except Timeout:
        return None
    return folder
