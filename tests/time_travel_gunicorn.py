"""gunicorn settings for a test server that lives at another moment: the project's own
settings (gunicorn.conf.py), with each worker's clock set to TRAVEL_TO (ISO 8601) by
time-machine, ticking from there. Use: tests.servers.gunicorn(..., config=CONFIG)."""

import os
import runpy
from pathlib import Path

import time_machine

CONFIG = "python:tests.time_travel_gunicorn"

globals().update(
    (name, value)
    for name, value in runpy.run_path(
        str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py")
    ).items()
    if not name.startswith("__")
)


def post_worker_init(worker):
    time_machine.travel(os.environ["TRAVEL_TO"], tick=True).start()
