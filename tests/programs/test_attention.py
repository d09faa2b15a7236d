"""The program pages' notices for the admin dashboard (programs/attention.py)."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from editing.drafts import save_draft_change
from programs.attention import attention
from tests.factories import UserFactory

from .factories import ProgramFactory

pytestmark = pytest.mark.django_db


class ProgramForm:
    cleaned_data = {}


def request_by(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_program_drafts_and_schedules_are_noticed():
    marketer = UserFactory(is_staff=True, permissions=["programs.change_program"])
    save_draft_change(ProgramFactory(), ProgramForm(), marketer)
    ProgramFactory(publish_at=timezone.now() + datetime.timedelta(hours=3))

    titles = [notice.title for notice in attention(request_by(marketer))]

    assert titles == ["1 program with draft changes waiting", "1 program scheduled"]


def test_only_pages_the_user_may_change_are_noticed():
    save_draft_change(ProgramFactory(), ProgramForm(), UserFactory())
    reader = UserFactory(is_staff=True, permissions=["programs.view_program"])

    assert attention(request_by(reader)) == []
    assert attention(request_by(UserFactory(is_staff=True))) == []
