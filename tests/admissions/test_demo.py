import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from admissions.models import Inquiry
from tests.demo import forget_demo_staff
from tests.tasks import run_worker


@pytest.fixture
def first_run(demo):
    """The demo center before `seed_demo` has made its staff and inquiries (and the
    tasks they schedule): the next seed makes them as a first `make run` does."""
    forget_demo_staff()
    Inquiry.objects.all().delete()
    DBTaskResult.objects.all().delete()


def test_the_demo_adds_inquiries_in_several_states_and_a_user_per_role(first_run):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    again = io.StringIO()
    call_command("seed_demo", stdout=again)

    statuses = set(Inquiry.objects.values_list("status", flat=True))
    assert {"new", "contacted", "closed", "spam"} <= statuses
    assert Inquiry.objects.filter(is_urgent=True).exists()
    assert "as 'admissions' with password:" in out.getvalue()
    assert "as 'marketing' with password:" in out.getvalue()
    assert "with password:" not in again.getvalue()


@pytest.mark.django_db(transaction=True)  # the worker runs each task in its own
def test_a_new_demo_sends_no_email_when_the_worker_first_runs(first_run, mailoutbox):
    call_command("seed_demo", stdout=io.StringIO())

    run_worker()

    assert mailoutbox == []
    overdue = Inquiry.objects.get(reference="DEMURG33")
    assert overdue.escalated_at == overdue.escalation_deadline
