"""`make run` shows the demo's three sign-ins each time, as its last lines before the
development server's banner. Each test starts from the demo center without its staff
(`forget_demo_staff`), so `seed_demo` makes them as on a first run."""

import io
import stat

import pytest
from django.core.management import call_command

from tests.demo import forget_demo_staff


@pytest.fixture
def first_run(demo):
    forget_demo_staff()


@pytest.fixture
def development(first_run, settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def test_the_demo_sign_ins_are_shown_again_on_every_run(development):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # a second `make run`
    output = io.StringIO()

    call_command("demo_sign_ins", stdout=output)

    lines = output.getvalue().splitlines()
    assert [line.split()[0] for line in lines[1:4]] == [
        "admin",
        "admissions",
        "marketing",
    ]
    assert all("password: " in line for line in lines[1:4])
    sign_ins = development / "demo-sign-ins.json"
    assert stat.S_IMODE(sign_ins.stat().st_mode) == 0o600


def test_a_shown_password_signs_in(development, client):
    call_command("seed_demo", stdout=io.StringIO())
    output = io.StringIO()
    call_command("demo_sign_ins", stdout=output)
    marketing = next(
        line for line in output.getvalue().splitlines() if "marketing" in line
    )

    password = marketing.split("password: ")[1]

    assert client.login(username="marketing", password=password)


def test_without_debug_no_password_is_written_down(first_run, settings, tmp_path):
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path / "var"

    call_command("seed_demo", stdout=io.StringIO())

    assert not (tmp_path / "var").exists()
    output = io.StringIO()
    call_command("demo_sign_ins", stdout=output)
    assert "changepassword" in output.getvalue()
