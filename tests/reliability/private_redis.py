"""A throwaway redis-server of the test's own, which it may stop, start and flush at will
(the machine's shared Redis runs other people's tests and is never touched)."""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.servers import free_port

REDIS_SERVER = Path("/usr/bin/redis-server")


class PrivateRedis:
    def __init__(self, directory: Path, port: int):
        self.directory, self.port = directory, port
        self.process: subprocess.Popen | None = None

    def url(self, database: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """Start empty (nothing is ever saved to disk) and wait until it answers."""
        self.process = subprocess.Popen(
            [
                str(REDIS_SERVER), "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        self.resume()  # a paused process would not act on the terminate signal
        self.process.terminate()
        self.process.wait(timeout=10)

    def pause(self) -> None:
        """Stop answering, keeping everything it holds: a network partition, to its clients."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def flush(self) -> None:
        redis.Redis(port=self.port).flushall()


@contextlib.contextmanager
def private_redis():
    directory = Path(tempfile.mkdtemp(prefix="private-redis-"))
    server = PrivateRedis(directory, free_port())
    server.start()
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)
