"""Misconfiguration is loud: `check --deploy`, /readyz and a banner for admissions staff
say when inquiries could arrive with nobody told."""

from datetime import timedelta

import pytest
import time_machine
from django.core.checks import run_checks
from django.urls import reverse
from django.utils import timezone

from admissions.notifications import enqueue_notification, schedule_escalation

from .factories import InquiryFactory

pytestmark = pytest.mark.django_db

QUEUE_URL = reverse("admin:admissions_inquiry_changelist")
BANNER = "Inquiries may be arriving unseen"


def deploy_warnings() -> list[str]:
    return [
        message.id
        for message in run_checks(include_deployment_checks=True)
        if message.id.startswith("admissions.")
    ]


def test_check_deploy_warns_when_no_notification_address_is_set(settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = []

    assert deploy_warnings() == ["admissions.W001"]


def test_check_deploy_is_quiet_when_an_address_is_set(settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = ["intake@example.org"]

    assert deploy_warnings() == []


def test_the_everyday_check_does_not_warn(settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = []

    assert not [m for m in run_checks() if m.id.startswith("admissions.")]


def test_readyz_warns_when_a_task_has_waited_more_than_a_few_minutes(client, settings):
    settings.TASK_QUEUE_LATE_MINUTES = 5
    inquiry = InquiryFactory()
    with time_machine.travel(timezone.now() - timedelta(minutes=6)):
        enqueue_notification(inquiry.pk)

    response = client.get("/readyz")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ready"
    assert "is the worker (manage.py db_worker) running?" in body["warnings"][0]


def test_readyz_does_not_warn_about_fresh_tasks_or_tasks_due_later(client, settings):
    settings.TASK_QUEUE_LATE_MINUTES = 5
    inquiry = InquiryFactory()
    enqueue_notification(inquiry.pk)
    with time_machine.travel(timezone.now() - timedelta(hours=1)):
        enqueue_notification(inquiry.pk, 2, delay=timedelta(hours=2))
    schedule_escalation(inquiry)

    response = client.get("/readyz")

    assert response.json() == {"status": "ready"}


def test_readyz_warns_about_a_retry_long_past_its_time(client, settings):
    settings.TASK_QUEUE_LATE_MINUTES = 5
    inquiry = InquiryFactory()
    with time_machine.travel(timezone.now() - timedelta(minutes=30)):
        enqueue_notification(inquiry.pk, 2, delay=timedelta(minutes=10))

    assert "warnings" in client.get("/readyz").json()


def test_no_banner_when_notifications_work(admissions_client):
    InquiryFactory(notified_at=timezone.now())

    assert BANNER not in admissions_client.get(QUEUE_URL).content.decode()


def test_a_banner_when_no_notification_address_is_set(admissions_client, settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = []

    for url in (QUEUE_URL, reverse("admin:index")):
        html = admissions_client.get(url).content.decode()
        assert BANNER in html
        assert "ADMISSIONS_NOTIFY_EMAILS is empty" in html


def test_a_banner_when_the_notification_email_fails(admissions_client):
    inquiry = InquiryFactory(notification_attempts=2)

    for url in (QUEUE_URL, reverse("admin:index"), inquiry.get_admin_url()):
        html = admissions_client.get(url).content.decode()
        assert "The notification email failed for 1 inquiry" in html


def test_a_banner_when_no_worker_sends_the_notifications(admissions_client, settings):
    settings.TASK_QUEUE_LATE_MINUTES = 5
    InquiryFactory(received_at=timezone.now() - timedelta(minutes=6))

    html = admissions_client.get(QUEUE_URL).content.decode()

    assert "the worker (manage.py db_worker) does not seem to be running" in html


def test_a_banner_when_an_escalation_fails(admissions_client):
    InquiryFactory(notified_at=timezone.now(), escalation_attempts=1)

    html = admissions_client.get(QUEUE_URL).content.decode()

    assert "The escalation email failed for 1 inquiry" in html


def test_marketing_never_sees_the_banner(marketing_client, settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = []

    assert BANNER not in marketing_client.get(reverse("admin:index")).content.decode()
