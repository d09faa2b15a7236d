"""A draft change holds the lists below the page too (questions, photos), as a
django-reversion revision: the live lists stay as they are, staff see the draft's lists at
the page's address and in the change form, and publishing makes each list the draft's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from reversion.models import Revision, Version

from editing.drafts import KEPT_FILE_SUFFIX
from editing.models import DraftChange
from programs.models import FAQ, Photo, Video
from tests.factories import UserFactory
from tests.html_forms import admin_form
from tests.pictures.factories import PictureFactory
from tests.programs.factories import FAQFactory, PageFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True, is_superuser=True, first_name="Ana")
    client.force_login(user)
    return user


def change_url(page) -> str:
    return f"/admin/programs/{page._meta.model_name}/{page.pk}/change/"


def list_prefix(data: dict, model_name: str) -> str:
    return next(
        key.removesuffix("-TOTAL_FORMS")
        for key in data
        if key.endswith("-TOTAL_FORMS") and f"-{model_name}-" in key
    )


def row_index(data: dict, prefix: str, pk: int) -> int:
    return next(
        index
        for index in range(int(data[f"{prefix}-TOTAL_FORMS"][0]))
        if data.get(f"{prefix}-{index}-id") == [str(pk)]
    )


def add_row(data: dict, prefix: str, **values) -> int:
    index = int(data[f"{prefix}-TOTAL_FORMS"][0])
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = [value]
    data[f"{prefix}-TOTAL_FORMS"] = [str(index + 1)]
    return index


def as_draft(data: dict) -> dict:
    return {**data, "_save_draft": ["Save as draft change"], "draft_publish_at": [""]}


def questions(page) -> list[tuple[str, str]]:
    return list(
        FAQ.objects.filter(object_id=page.pk)
        .order_by("order", "question")
        .values_list("question", "answer")
    )


@pytest.fixture
def program_with_a_draft(client, editor):
    """A live program whose draft change edits one question, removes one, adds one."""
    program = ProgramFactory(slug="detox", name="Medical detox")
    kept = FAQFactory(
        page=program,
        question="How long is detox?",
        answer="Five to seven days.",
        order=0,
    )
    removed = FAQFactory(
        page=program,
        question="Is it painful?",
        answer="We keep you comfortable.",
        order=1,
    )
    data = admin_form(client, change_url(program))
    prefix = list_prefix(data, "faq")
    data[f"{prefix}-{row_index(data, prefix, kept.pk)}-answer"] = [
        "Usually five to seven days."
    ]
    data[f"{prefix}-{row_index(data, prefix, removed.pk)}-DELETE"] = ["on"]
    add_row(
        data, prefix, question="Can my family visit?", answer="On Sundays.", order="2"
    )
    response = client.post(change_url(program), as_draft(data))
    assert response.status_code == 302, response.context["errors"]
    return program, kept, removed, prefix


LIVE = [
    ("How long is detox?", "Five to seven days."),
    ("Is it painful?", "We keep you comfortable."),
]
DRAFT = [
    ("How long is detox?", "Usually five to seven days."),
    ("Can my family visit?", "On Sundays."),
]


def test_the_live_questions_stay_until_the_change_is_published(
    client, program_with_a_draft
):
    program, *_ = program_with_a_draft

    assert questions(program) == LIVE
    visitor = Client().get("/treatment/detox/").content.decode()
    assert "We keep you comfortable." in visitor
    assert "Can my family visit?" not in visitor
    staff = client.get("/treatment/detox/").content.decode()
    assert "Usually five to seven days." in staff
    assert "Can my family visit?" in staff
    assert "Is it painful?" not in staff
    # What staff were shown was kept for no one: visitors still get the live page.
    assert (
        "Can my family visit?" not in Client().get("/treatment/detox/").content.decode()
    )


def test_the_change_form_edits_the_draft_lists(client, program_with_a_draft):
    program, kept, removed, prefix = program_with_a_draft

    form = admin_form(client, change_url(program))

    assert form[f"{prefix}-{row_index(form, prefix, kept.pk)}-answer"] == [
        "Usually five to seven days."
    ]
    assert form[f"{prefix}-{row_index(form, prefix, removed.pk)}-DELETE"] == ["on"]
    new_rows = [
        key
        for key, value in form.items()
        if key.startswith(prefix) and value == ["Can my family visit?"]
    ]
    assert len(new_rows) == 1


def test_publishing_makes_each_list_the_drafts(client, program_with_a_draft):
    program, *_ = program_with_a_draft

    client.post(f"/admin/programs/program/{program.pk}/draft/publish/")

    assert sorted(questions(program)) == sorted(DRAFT)
    assert not DraftChange.objects.exists()
    assert not Revision.objects.filter(draft_change__isnull=False).exists()
    visitor = Client().get("/treatment/detox/").content.decode()
    assert "Can my family visit?" in visitor and "Is it painful?" not in visitor
    # The published version holds the page with its questions as they now are.
    newest = Version.objects.get_for_object(program).first()
    stored = {
        version.field_dict["question"]
        for version in newest.revision.version_set.all()
        if version.content_type.model == "faq"
    }
    assert stored == {"How long is detox?", "Can my family visit?"}


def test_saving_the_form_as_shown_publishes_the_draft_lists(
    client, program_with_a_draft
):
    program, *_ = program_with_a_draft

    response = client.post(change_url(program), admin_form(client, change_url(program)))

    assert response.status_code == 302, response.context["errors"]
    assert sorted(questions(program)) == sorted(DRAFT)
    assert not DraftChange.objects.exists()


def test_saving_the_draft_again_as_shown_changes_nothing(client, program_with_a_draft):
    program, *_ = program_with_a_draft
    first = DraftChange.objects.get()

    client.post(change_url(program), as_draft(admin_form(client, change_url(program))))

    again = DraftChange.objects.get()
    assert again.pk != first.pk  # a new revision, the old one gone
    assert Revision.objects.filter(draft_change__isnull=False).count() == 1
    assert sorted(
        (row.question, row.answer) for row in again.inline_rows()["faqs"]
    ) == sorted(DRAFT)
    assert questions(program) == LIVE


def test_the_history_shows_saved_versions_never_the_draft(client, program_with_a_draft):
    program, *_ = program_with_a_draft
    draft_version = DraftChange.objects.get().revision.version_set.get(
        content_type__model="program", object_id=str(program.pk)
    )
    history = client.get(f"/admin/programs/program/{program.pk}/history/")
    assert draft_version.revision not in [
        action["revision"] for action in history.context_data["action_list"]
    ]
    base = f"/admin/programs/program/{program.pk}/history"
    assert client.get(f"{base}/{draft_version.pk}/").status_code == 404
    assert client.post(f"{base}/{draft_version.pk}/restore/").status_code == 404


def test_deleting_the_page_deletes_its_draft(program_with_a_draft):
    program, *_ = program_with_a_draft

    program.delete()

    assert not DraftChange.objects.exists()
    assert not Revision.objects.filter(draft_change__isnull=False).exists()


@pytest.fixture
def page_with_a_new_photo_in_its_draft(client, editor):
    page = PageFactory(slug="tour", name="Tour")
    data = admin_form(client, change_url(page))
    picture = PictureFactory(alt="The lodge at dusk")
    add_row(data, list_prefix(data, "photo"), picture=str(picture.pk), order="0")
    response = client.post(change_url(page), as_draft(data))
    assert response.status_code == 302, response.context["errors"]
    return page


def test_a_photo_added_in_a_draft_is_shown_to_staff_only(
    client, page_with_a_new_photo_in_its_draft
):
    page = page_with_a_new_photo_in_its_draft

    assert not Photo.objects.exists()
    (row,) = DraftChange.objects.get().inline_rows()["photos"]
    assert row.picture.alt == "The lodge at dusk"
    assert (
        'alt="The lodge at dusk"'
        in client.get(page.get_absolute_url()).content.decode()
    )
    assert (
        "The lodge at dusk"
        not in Client().get(page.get_absolute_url()).content.decode()
    )


# The first bytes of an MP4 file (programs/models/video.py reads them).
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


@pytest.fixture
def page_with_a_new_video_file_in_its_draft(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    page = PageFactory(slug="tour", name="Tour")
    data = admin_form(client, change_url(page))
    index = add_row(
        data,
        "videos",
        title="Family week",
        order="0",
        poster_picture=str(PictureFactory().pk),
    )
    data[f"videos-{index}-file"] = [
        SimpleUploadedFile("family.mp4", MP4_HEAD, "video/mp4")
    ]
    response = client.post(change_url(page), as_draft(data))
    assert response.status_code == 302, response.context["errors"]
    return page


def test_a_video_file_added_in_a_draft_is_stored_before_the_page_has_the_video(
    page_with_a_new_video_file_in_its_draft,
):
    assert not Video.objects.exists()
    (row,) = DraftChange.objects.get().inline_rows()["videos"]
    assert row.file.storage.exists(row.file.name)


def test_the_drafts_file_is_kept_when_the_form_is_saved_without_choosing_it_again(
    client, page_with_a_new_video_file_in_its_draft
):
    page = page_with_a_new_video_file_in_its_draft
    (row,) = DraftChange.objects.get().inline_rows()["videos"]

    data = admin_form(client, change_url(page))
    assert any(key.endswith(f"-file{KEPT_FILE_SUFFIX}") for key in data)
    response = client.post(change_url(page), data)

    assert response.status_code == 302, response.context["errors"]
    video = Video.objects.get()
    assert (video.title, video.file.name) == ("Family week", row.file.name)


def test_a_forged_file_name_is_not_taken(
    client, page_with_a_new_video_file_in_its_draft
):
    page = page_with_a_new_video_file_in_its_draft
    data = admin_form(client, change_url(page))
    kept = next(key for key in data if key.endswith(f"-file{KEPT_FILE_SUFFIX}"))
    data[kept] = ["private/inquiries/someone.pdf:forged-signature"]

    response = client.post(change_url(page), data)

    assert response.status_code == 200
    assert "Upload a video file or paste a YouTube or Vimeo address" in (
        response.content.decode()
    )
    assert not Video.objects.exists()


def test_a_draft_holds_sanitized_html_as_the_saved_page_would(client, editor):
    program = ProgramFactory(slug="detox", name="Medical detox", who_it_suits="")
    data = admin_form(client, change_url(program))
    data["body"] = [
        '<p>Safe words.</p><script>alert("staff")</script><img src=x onerror="alert(1)">'
    ]
    data["who_it_suits"] = ["<p>&nbsp;</p>"]  # what an emptied editor sends

    client.post(change_url(program), as_draft(data))

    fields = DraftChange.objects.get().fields()
    assert "<script" not in fields["body"]
    assert "onerror" not in fields["body"]
    assert "Safe words." in fields["body"]
    assert fields["who_it_suits"] == ""
    staff = client.get("/treatment/detox/").content.decode()
    assert 'alert("staff")' not in staff
    assert "Who it suits" not in staff
