"""Migration editing 0002: a draft change stored as JSON beside the page becomes a
django-reversion revision. A database holding the previous schema and a draft change
migrates forward with nothing lost: the change, its choices, who saved it, when and why."""

import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType

from editing.models import DraftChange
from programs.models import Condition, Program
from tests.factories import UserFactory
from tests.migrations import migrate_to_the_latest

BEFORE = [("editing", "0001_initial")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]

SAVED_AT = datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC)


def test_a_stored_draft_change_becomes_a_revision(old_schema):
    # Made with the models of the time: the schema is the old one until the migration.
    program = old_schema.get_model("programs", "Program").objects.create(
        name="Medical detox", slug="medical-detox", summary="Live summary."
    )
    alcohol = old_schema.get_model("programs", "Condition").objects.create(
        name="Alcohol", slug="alcohol"
    )
    marketer = UserFactory(username="marketing")
    OldDraftChange = old_schema.get_model("editing", "DraftChange")
    OldDraftChange.objects.create(
        content_type_id=ContentType.objects.get_for_model(Program).pk,
        object_id=program.pk,
        data=json.dumps(
            [
                {
                    "model": "programs.program",
                    "pk": program.pk,
                    "fields": {"summary": "Draft summary.", "name": "Medical detox"},
                }
            ]
        ),
        many_to_many={"conditions": [alcohol.pk]},
        saved_by_id=marketer.pk,
        comment="For the spring campaign",
        publish_at=SAVED_AT + datetime.timedelta(days=30),
    )

    OldDraftChange.objects.update(saved_at=SAVED_AT)  # auto_now: set after the save

    migrate_to_the_latest()

    draft = DraftChange.objects.get()
    assert draft.fields()["summary"] == "Draft summary."
    assert draft.many_to_many() == {"conditions": [alcohol.pk]}
    assert (draft.saved_by, draft.saved_at, draft.comment) == (
        marketer,
        SAVED_AT,
        "For the spring campaign",
    )
    assert draft.publish_at == SAVED_AT + datetime.timedelta(days=30)
    assert draft.inlines == []  # the lists were never part of an old draft
    assert Program.objects.get().summary == "Live summary."
    assert list(Condition.objects.filter(programs=program.pk)) == []
