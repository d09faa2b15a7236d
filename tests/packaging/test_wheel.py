"""The wheel ships the whole site, and a plain install of it starts the site.

`pip install .` (not editable) is how a center may deploy: every app, template, static file
and migration must be in the wheel, and the site must start from it alone, away from this
checkout.
"""

import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.servers import PROJECT_ROOT, free_port, wait_until_answering
from tests.workers import once_per_run

# What the wheel carries: the apps, and the project-wide templates/ and static/ folders
# that settings.py finds beside rehab_site/.
SHIPPED = (
    "rehab_site",
    "website",
    "editing",
    "staff_access",
    "dashboard",
    "blog",
    "programs",
    "admissions",
    "accreditations",
    "linkcheck",
    "templates",
    "static",
)


def source_files() -> list[str]:
    """The checkout's files as git sees them (committed or not, ignored files left out)."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
    )
    names = listing.stdout.decode().split("\0")
    return [name for name in names if name and (PROJECT_ROOT / name).is_file()]


def build_wheel(output: Path) -> None:
    """Build the wheel from a copy of the checkout, so no build files land in it."""
    source = output / "source"
    for name in source_files():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((PROJECT_ROOT / name).read_bytes())
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        + ["--no-build-isolation", "--no-index", "--wheel-dir", str(output), "."],
        cwd=source,
        check=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    (built,) = once_per_run(tmp_path_factory, "wheel", build_wheel).glob("*.whl")
    return built


def test_the_wheel_holds_every_app_template_static_file_and_migration(wheel):
    expected = {
        name
        for name in source_files()
        if name.split("/")[0] in SHIPPED and "__pycache__" not in name
    }
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())

    assert expected - shipped == set()
    # Spot checks that the listing above is not empty of what matters.
    assert "accreditations/migrations/0001_accreditations.py" in shipped
    assert "templates/base.html" in shipped
    assert "static/css/site.css" in shipped


def test_a_plain_install_of_the_wheel_starts_the_site(
    wheel, tmp_path, collected_static
):
    site_packages = tmp_path / "site-packages"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
        + ["--target", str(site_packages), str(wheel)],
        check=True,
        timeout=300,
    )
    # Away from the checkout: the site's code, templates and static files come from the
    # install alone (the project's other packages from this interpreter's own).
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(site_packages),
        "DJANGO_SETTINGS_MODULE": "rehab_site.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-secret-for-the-packaging-test-0123456789",
        "FIELD_ENCRYPTION_KEYS": "dGVzdC1zdWl0ZS1vbmx5LWtleS1ub3QtYS1zZWNyZXQ=",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        # The static files as collectstatic gathers them once per run (the test above
        # checks that the wheel holds every one of them).
        "STATIC_ROOT": str(collected_static),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
    }

    def run(*arguments: str) -> str:
        return subprocess.run(
            [sys.executable, *arguments],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout

    where = run(
        "-c",
        "import importlib; print('\\n'.join(importlib.import_module(name).__file__ "
        f"for name in {SHIPPED[:-2]!r}))",
    )
    assert all(line.startswith(str(site_packages)) for line in where.splitlines())
    run("-m", "django", "migrate", "--no-input", "-v0")

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "1", "rehab_site.wsgi"],
        cwd=tmp_path,
        env=environment,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answering(f"{base}/healthz")
        with urllib.request.urlopen(f"{base}/", timeout=10) as response:
            home = response.read().decode()
        assert response.status == 200
        stylesheet = home.split('rel="stylesheet" href="')[1].split('"')[0]
        with urllib.request.urlopen(f"{base}{stylesheet}", timeout=10) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"{base}/admin/login/", timeout=10) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
