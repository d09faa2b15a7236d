import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def import_settings(**environment) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "DEBUG"}
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import rehab_site.settings"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({"DATABASE_URL": "postgres://postgres@127.0.0.1/x"}, "SECRET_KEY"),
        ({"SECRET_KEY": "s" * 50}, "DATABASE_URL"),
        ({}, "SECRET_KEY and DATABASE_URL"),
    ],
)
def test_production_mode_refuses_to_start_without_required_settings(
    environment, missing
):
    result = import_settings(DEBUG="false", **environment)

    assert result.returncode == 1
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert f"set {missing} in the environment" in last_line


def test_production_mode_starts_with_required_settings():
    result = import_settings(
        DEBUG="false",
        SECRET_KEY="s" * 50,
        DATABASE_URL="postgres://postgres@127.0.0.1/x",
    )

    assert result.returncode == 0, result.stderr


def test_debug_mode_falls_back_to_sqlite_under_var():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL"}
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from rehab_site import settings; print(settings.DATABASES['default']['NAME'])",
        ],
        cwd=PROJECT_ROOT,
        env={**env, "DEBUG": "true"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(PROJECT_ROOT / "var" / "db.sqlite3")


def test_times_are_stored_in_utc_and_shown_in_the_site_time_zone(settings):
    assert settings.USE_TZ is True
    assert os.environ.get("TIME_ZONE", "America/New_York") == settings.TIME_ZONE
