"""The demo center in a test: the snapshot `demo_snapshot` (tests/conftest.py) takes once per
run, and loading it into a test's database and folders."""

import shutil
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command


@dataclass(frozen=True)
class DemoSnapshot:
    """The demo center as `seed_demo` makes it: its rows as a fixture file, its files."""

    fixture: Path
    media: Path
    private_media: Path


def load_demo(
    snapshot: DemoSnapshot, media_root: Path, private_media_root: Path
) -> None:
    """The demo's rows into the database in use, its files into these folders."""
    for source, target in (
        (snapshot.media, media_root),
        (snapshot.private_media, private_media_root),
    ):
        if source.exists():
            shutil.copytree(source, target, dirs_exist_ok=True)
    call_command("loaddata", str(snapshot.fixture), verbosity=0)
