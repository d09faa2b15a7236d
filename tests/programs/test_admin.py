import pytest

from editing.publishing import Status
from programs.models import Program
from tests.factories import UserFactory
from tests.pictures.factories import PictureFactory

from .factories import FAQFactory, ProgramFactory, TestimonialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/programs/program/",
        "/admin/programs/condition/",
        "/admin/programs/audience/",
        "/admin/programs/location/",
        "/admin/programs/page/",
        "/admin/programs/testimonial/",
    ],
)
def test_changelists_run_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, path
):
    program = ProgramFactory()
    TestimonialFactory(program=program)
    admin_client.get(path)
    with django_assert_max_num_queries(20) as small:
        assert admin_client.get(path).status_code == 200
    for _ in range(15):
        program = ProgramFactory()
        TestimonialFactory(program=program)
    admin_client.get(path)
    with django_assert_max_num_queries(20) as large:
        admin_client.get(path)
    assert 0 < len(small.captured_queries) == len(large.captured_queries)


def test_program_form_prefills_the_slug_and_edits_faqs_inline(admin_client):
    html = admin_client.get("/admin/programs/program/add/").content.decode()

    assert "prepopulated_fields" in html or "data-prepopulated-field" in html
    assert "programs-faq-content_type-object_id-TOTAL_FORMS" in html


def test_saving_a_program_with_an_inline_faq(admin_client):
    response = admin_client.post(
        "/admin/programs/program/add/",
        {
            "name": "Detox",
            "slug": "detox",
            "kind": "level",
            "status": "published",
            "publish_at_0": "2026-01-01",
            "publish_at_1": "09:00:00",
            "order": "0",
            # Passes the checklist before publishing (editing/checklist.py).
            "meta_description": "Medically supervised detox, around the clock.",
            "programs-faq-content_type-object_id-TOTAL_FORMS": "1",
            "programs-faq-content_type-object_id-INITIAL_FORMS": "0",
            "programs-placedblock-content_type-object_id-TOTAL_FORMS": "0",
            "programs-placedblock-content_type-object_id-INITIAL_FORMS": "0",
            "programs-faq-content_type-object_id-0-question": "Is it safe?",
            "programs-faq-content_type-object_id-0-answer": "Yes, with nurses on hand.",
            "programs-faq-content_type-object_id-0-order": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    program = Program.objects.get(slug="detox")
    assert [faq.question for faq in program.faqs.all()] == ["Is it safe?"]


def hero_picture_form(program, picture) -> dict:
    return {
        "name": program.name,
        "slug": program.slug,
        "kind": "level",
        "status": "published",
        "publish_at_0": "2026-01-01",
        "publish_at_1": "09:00:00",
        "order": "0",
        "meta_description": "Medically supervised detox, around the clock.",
        "hero_picture": str(picture.pk),
        "programs-faq-content_type-object_id-TOTAL_FORMS": "0",
        "programs-faq-content_type-object_id-INITIAL_FORMS": "0",
        "programs-placedblock-content_type-object_id-TOTAL_FORMS": "0",
        "programs-placedblock-content_type-object_id-INITIAL_FORMS": "0",
    }


def test_the_hero_picture_is_chosen_from_the_library(admin_client):
    program = ProgramFactory(slug="detox")
    picture = PictureFactory(title="Porch in the morning")

    html = admin_client.get(f"/admin/programs/program/{program.pk}/change/").content
    response = admin_client.post(
        f"/admin/programs/program/{program.pk}/change/",
        hero_picture_form(program, picture),
    )

    assert b"data-picture-chooser" in html
    assert response.status_code == 302, response.content.decode()[:3000]
    program.refresh_from_db()
    assert program.hero_picture == picture


def test_publishing_waits_for_a_hero_picture_without_alt_text(admin_client):
    program = ProgramFactory(slug="detox")
    picture = PictureFactory(title="Porch in the morning", alt="")

    response = admin_client.post(
        f"/admin/programs/program/{program.pk}/change/",
        hero_picture_form(program, picture),
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Porch in the morning" in str(errors["hero_picture"])
    program.refresh_from_db()
    assert program.hero_picture is None


def test_publish_action_publishes_drafts(admin_client):
    draft = ProgramFactory(status=Status.DRAFT)

    admin_client.post(
        "/admin/programs/program/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )

    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


def test_faqs_are_listed_in_their_order(admin_client):
    program = ProgramFactory()
    FAQFactory(page=program, question="Second?", order=2)
    FAQFactory(page=program, question="First?", order=1)

    html = admin_client.get(
        f"/admin/programs/program/{program.pk}/change/"
    ).content.decode()

    assert html.index("First?") < html.index("Second?")
