"""Notifications when mail or the worker is down: every inquiry is stored and thanked at once,
and every staff email goes out exactly once when the fault is over."""

import contextlib
import subprocess
import sys
import time
from collections import Counter

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from admissions.models import Inquiry
from tests.reliability.conftest import server_environment
from tests.reliability.visitors import Visitor, inquiry_fields, is_thank_you
from tests.servers import PROJECT_ROOT, SHARES_THE_TEST_DATABASE, free_port, gunicorn

INQUIRIES = 12
RETRY_SECONDS = 1

pytestmark = SHARES_THE_TEST_DATABASE


class MailSink:
    """Keeps every message it is sent."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


@contextlib.contextmanager
def smtp_sink(port: int):
    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


def run_worker(environment: dict) -> None:
    """One pass of the task worker: every task that is due, then exit."""
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay",
         "--queue-name", "*"],
        cwd=PROJECT_ROOT, env=environment, check=True, capture_output=True, timeout=300,
    )  # fmt: skip


def send_inquiries(base_url: str) -> None:
    for number in range(INQUIRIES):
        assert is_thank_you(Visitor(base_url).submit_inquiry(inquiry_fields(number)))


def messages_per_inquiry(sink: MailSink) -> Counter:
    references = Inquiry.objects.values_list("reference", flat=True)
    return Counter(
        reference
        for message in sink.messages
        for reference in references
        if f"({reference})" in message
    )


@pytest.fixture
def mail_port():
    return free_port()


@pytest.fixture
def environment(collected_static, mail_port):
    return server_environment(
        collected_static,
        EMAIL_URL=f"smtp://127.0.0.1:{mail_port}",
        EMAIL_TIMEOUT="5",
        ADMISSIONS_NOTIFY_RETRY_SECONDS=str(RETRY_SECONDS),
    )


def test_inquiries_survive_a_mail_outage_and_are_notified_once_it_ends(
    site_settings, environment, mail_port
):
    with gunicorn(environment) as base_url:
        send_inquiries(base_url)  # nothing listens on the mail port: it refuses
    assert Inquiry.objects.count() == INQUIRIES

    run_worker(environment)
    assert not Inquiry.objects.filter(notified_at__isnull=False).exists()
    assert set(Inquiry.objects.values_list("notification_attempts", flat=True)) == {1}

    with smtp_sink(mail_port) as sink:
        for _attempt in range(10):
            time.sleep(RETRY_SECONDS * 1.5)  # the retries are due
            run_worker(environment)
            if not Inquiry.objects.filter(notified_at__isnull=True).exists():
                break
        run_worker(environment)  # a further pass sends nothing twice
        time.sleep(RETRY_SECONDS * 1.5)
        run_worker(environment)

    assert not Inquiry.objects.filter(notified_at__isnull=True).exists()
    counts = messages_per_inquiry(sink)
    assert len(sink.messages) == INQUIRIES
    assert sorted(counts) == sorted(Inquiry.objects.values_list("reference", flat=True))
    assert set(counts.values()) == {1}


def test_inquiries_queue_while_the_worker_is_stopped_and_drain_when_it_runs(
    site_settings, environment, mail_port
):
    with smtp_sink(mail_port) as sink:
        with gunicorn(environment) as base_url:
            send_inquiries(base_url)
        time.sleep(1)
        assert Inquiry.objects.filter(notified_at__isnull=True).count() == INQUIRIES
        assert DBTaskResult.objects.ready().count() == INQUIRIES
        assert sink.messages == []

        run_worker(environment)

    assert not Inquiry.objects.filter(notified_at__isnull=True).exists()
    assert not DBTaskResult.objects.ready().exists()
    assert len(sink.messages) == INQUIRIES
    assert set(messages_per_inquiry(sink).values()) == {1}
