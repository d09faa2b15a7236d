from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from editing.checklist import faults
from editing.models import Redirect
from editing.publishing import Status
from programs import models as content_models
from programs.models import Condition, Overview, Program
from tests.pictures.factories import PictureFactory

from .factories import (
    ConditionFactory,
    PageFactory,
    ProgramFactory,
    TestimonialFactory,
)

pytestmark = pytest.mark.django_db


def test_live_excludes_drafts_and_scheduled_pages():
    live = ProgramFactory(slug="residential")
    ProgramFactory(status=Status.DRAFT)
    ProgramFactory(publish_at=timezone.now() + timedelta(days=1))

    assert list(Program.objects.live()) == [live]


def test_featured_lists_live_featured_pages_in_marketing_order():
    second = ConditionFactory(featured=True, order=2, name="Alcohol")
    first = ConditionFactory(featured=True, order=1, name="Opioids")
    ConditionFactory(featured=False)
    ConditionFactory(featured=True, status=Status.DRAFT)

    assert list(Condition.objects.featured()) == [first, second]


def test_addresses_follow_the_navigation():
    assert ProgramFactory(slug="detox").get_absolute_url() == "/treatment/detox/"
    assert ConditionFactory(slug="alcohol").get_absolute_url() == "/addictions/alcohol/"
    assert PageFactory(slug="about").get_absolute_url() == "/about/"


def test_renaming_a_published_program_leaves_a_permanent_redirect(client):
    program = ProgramFactory(slug="php")

    program.slug = "partial-hospitalization"
    program.save()

    assert Redirect.objects.get(old_path="/treatment/php/").new_path == (
        "/treatment/partial-hospitalization/"
    )
    response = client.get("/treatment/php/")
    assert response.status_code == 301
    assert response["Location"] == "/treatment/partial-hospitalization/"


def test_renaming_a_draft_leaves_no_redirect():
    program = ProgramFactory(slug="first-draft", status=Status.DRAFT)

    program.slug = "second-draft"
    program.save()

    assert not Redirect.objects.exists()


def test_a_page_cannot_take_an_address_another_app_answers():
    page = PageFactory.build(slug="blog", name="Blog")

    with pytest.raises(ValidationError, match="used by another part of the site"):
        page.full_clean()


def test_a_hero_picture_without_alt_text_holds_the_publish():
    program = ProgramFactory.build(hero_picture=PictureFactory(alt=""))

    assert [fault.field for fault in faults(program)] == ["hero_picture"]


def test_an_overview_refuses_a_picture_without_alt_text():
    overview = Overview(kind=Overview.Kind.TREATMENT, title="Treatment", lede="Care.")
    overview.hero_picture = PictureFactory(title="Lodge", alt="")

    with pytest.raises(ValidationError, match="“Lodge” has no alt text"):
        overview.clean()

    overview.hero_picture = PictureFactory(alt="", decorative=True)
    overview.clean()


def test_only_testimonials_with_recorded_consent_are_publishable():
    consented = TestimonialFactory(consent_recorded=True)
    TestimonialFactory(consent_recorded=False)

    assert list(content_models.Testimonial.objects.publishable()) == [consented]


def test_a_consent_date_without_consent_is_refused():
    with pytest.raises(IntegrityError):
        TestimonialFactory(
            consent_recorded=False, consent_recorded_on=timezone.localdate()
        )
