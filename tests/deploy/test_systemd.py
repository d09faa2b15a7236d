"""deploy/'s systemd units, checked by systemd itself: `systemd-analyze verify` parses every
directive and checks that each command exists. The units name /srv/rehab-site, where
README's deploy puts the code; here that is this checkout."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.servers import PROJECT_ROOT

UNITS = sorted((PROJECT_ROOT / "deploy").glob("*.service"))
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")

pytestmark = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None, reason="systemd-analyze comes with Debian's systemd"
)


def verify(units: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SYSTEMD_ANALYZE, "verify", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def installed_here(unit: Path, folder: Path) -> Path:
    copy = folder / unit.name
    copy.write_text(unit.read_text().replace("/srv/rehab-site", str(PROJECT_ROOT)))
    return copy


def test_there_is_a_unit_for_the_web_and_one_for_the_worker():
    assert [unit.name for unit in UNITS] == [
        "rehab-site-web.service",
        "rehab-site-worker.service",
    ]


def test_systemd_accepts_every_unit_without_a_word(tmp_path):
    result = verify([installed_here(unit, tmp_path) for unit in UNITS])

    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_check_speaks_up_about_a_unit_with_a_mistake(tmp_path):
    broken = tmp_path / "broken.service"
    broken.write_text("[Service]\nExecStart=/no/such/program\nRestart=sometimes\n")

    result = verify([broken])

    assert result.returncode != 0 or result.stdout + result.stderr
