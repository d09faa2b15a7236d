"""Migrations programs 0014 and 0015: every picture of the programs app moves into the
picture library with its file and alt text, one picture per file, and migrating back
gives each row its file and description again."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.migrations import migrate
from tests.pictures.factories import jpeg_bytes

BEFORE = [("programs", "0013_chosen_cards_testimonials_team_category")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("programs", "0015_old_picture_fields_removed")]


def programs_model(apps, name: str):
    return apps.get_model("programs", name)


def stored_fields(apps, version_id: int) -> dict:
    version = apps.get_model("reversion", "Version").objects.get(pk=version_id)
    return json.loads(version.serialized_data)[0]["fields"]


def stored(name: str) -> str:
    return default_storage.save(name, ContentFile(jpeg_bytes((1600, 1000))))


def fill_old_rows(apps) -> dict:
    """A row of each kind with a picture, and one without; returns their ids."""
    lodge = stored("pages/2026/lodge.jpg")
    detox = programs_model(apps, "Program").objects.create(
        name="Detox",
        slug="detox",
        hero_image=stored("pages/2026/detox.jpg"),
        hero_image_alt="A nurse checking on a resting patient",
    )
    bare = programs_model(apps, "Program").objects.create(
        name="Outpatient", slug="outpatient"
    )
    tour = programs_model(apps, "Page").objects.create(
        name="Tour", slug="tour", hero_image=lodge, hero_image_alt="The lodge at dusk"
    )
    hero = programs_model(apps, "HeroSection").objects.create(
        parent=tour,
        region="sections",
        ordering=10,
        headline="Help is one call away.",
        image=lodge,
        image_alt="The lodge at dusk",
    )
    programs_model(apps, "Overview").objects.update_or_create(
        kind="treatment",
        defaults={
            "title": "Treatment programs",
            "lede": "Care that steps down with you.",
            "hero_image": stored("pages/2026/overview.jpg"),
            "hero_image_alt": "A circle of chairs in a bright room",
        },
    )
    page_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="programs", model="page"
    )[0]
    photo = programs_model(apps, "Photo").objects.create(
        content_type=page_type,
        object_id=tour.pk,
        image=stored("galleries/2026/room.jpg"),
        alt="A private room with a window onto the hills",
        caption="A private room",
    )
    video = programs_model(apps, "Video").objects.create(
        page=tour,
        title="A walk",
        embed_url="https://www.youtube-nocookie.com/embed/x",
        poster=stored("video-posters/2026/walk.jpg"),
    )
    # A version in the page's history, as django-reversion stored it.
    program_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="programs", model="program"
    )[0]
    version = apps.get_model("reversion", "Version").objects.create(
        revision=apps.get_model("reversion", "Revision").objects.create(
            date_created="2026-11-02T09:30:00Z", comment="Spring words"
        ),
        object_id=str(detox.pk),
        content_type=program_type,
        db="default",
        format="json",
        object_repr="Detox",
        serialized_data=json.dumps(
            [
                {
                    "model": "programs.program",
                    "pk": detox.pk,
                    "fields": {
                        "name": "Detox",
                        "hero_image": "pages/2026/detox.jpg",
                        "hero_image_alt": "A nurse checking on a resting patient",
                    },
                }
            ]
        ),
    )
    return {
        "version": version.pk,
        "detox": detox.pk,
        "bare": bare.pk,
        "tour": tour.pk,
        "hero": hero.pk,
        "photo": photo.pk,
        "video": video.pk,
    }


def test_every_file_and_alt_text_moves_into_the_library(old_schema):
    ids = fill_old_rows(old_schema)
    ids["section"] = (
        programs_model(old_schema, "PictureSection")
        .objects.create(
            parent_id=ids["tour"],
            region="sections",
            ordering=20,
            image="sections/2026/gone.jpg",  # missing from storage
            image_alt="The meditation deck",
            caption="Mornings on the deck",
        )
        .pk
    )

    apps = migrate(AFTER)

    detox = programs_model(apps, "Program").objects.get(pk=ids["detox"]).hero_picture
    assert (detox.file.name, detox.alt, detox.title) == (
        "pages/2026/detox.jpg",
        "A nurse checking on a resting patient",
        "Detox: hero",
    )
    assert (detox.width, detox.height) == (1600, 1000)
    assert [size["width"] for size in detox.renditions["sizes"]] == [480, 800, 1200]
    assert (
        programs_model(apps, "Program").objects.get(pk=ids["bare"]).hero_picture is None
    )
    # One file, one picture, however many rows show it.
    tour = programs_model(apps, "Page").objects.get(pk=ids["tour"])
    hero = programs_model(apps, "HeroSection").objects.get(pk=ids["hero"])
    assert tour.hero_picture_id == hero.picture_id
    assert (tour.hero_picture.file.name, tour.hero_picture.alt) == (
        "pages/2026/lodge.jpg",
        "The lodge at dusk",
    )
    # A file gone from storage keeps its reference and its words.
    section = programs_model(apps, "PictureSection").objects.get(pk=ids["section"])
    assert apps.get_model("pictures", "Picture").objects.filter(
        pk=section.picture_id
    ).values_list("file", "alt", "title").get() == (
        "sections/2026/gone.jpg",
        "The meditation deck",
        "Mornings on the deck",
    )
    overview = (
        programs_model(apps, "Overview").objects.get(kind="treatment").hero_picture
    )
    assert (overview.file.name, overview.alt) == (
        "pages/2026/overview.jpg",
        "A circle of chairs in a bright room",
    )
    photo = programs_model(apps, "Photo").objects.get(pk=ids["photo"]).picture
    assert (photo.file.name, photo.alt, photo.title) == (
        "galleries/2026/room.jpg",
        "A private room with a window onto the hills",
        "A private room",
    )
    poster = programs_model(apps, "Video").objects.get(pk=ids["video"]).poster_picture
    assert (poster.file.name, poster.alt, poster.title) == (
        "video-posters/2026/walk.jpg",
        "",
        "Poster: A walk",
    )
    assert apps.get_model("pictures", "Picture").objects.count() == 6
    # The stored version names the same picture, so restoring it keeps the picture.
    assert stored_fields(apps, ids["version"]) == {
        "name": "Detox",
        "hero_picture": detox.pk,
    }


def test_migrating_back_gives_each_row_its_file_and_description(old_schema):
    ids = fill_old_rows(old_schema)
    apps = migrate(AFTER)
    # A picture marked decorative in the library since goes back described by its title.
    picture = apps.get_model("programs", "Photo").objects.get(pk=ids["photo"]).picture
    picture.alt, picture.decorative = "", True
    picture.save()

    apps = migrate(BEFORE)

    detox = programs_model(apps, "Program").objects.get(pk=ids["detox"])
    assert (detox.hero_image.name, detox.hero_image_alt) == (
        "pages/2026/detox.jpg",
        "A nurse checking on a resting patient",
    )
    assert (
        programs_model(apps, "Program").objects.get(pk=ids["bare"]).hero_image.name
        == ""
    )
    hero = programs_model(apps, "HeroSection").objects.get(pk=ids["hero"])
    assert (hero.image.name, hero.image_alt) == (
        "pages/2026/lodge.jpg",
        "The lodge at dusk",
    )
    photo = programs_model(apps, "Photo").objects.get(pk=ids["photo"])
    assert (photo.image.name, photo.alt) == (
        "galleries/2026/room.jpg",
        "A private room",
    )
    video = programs_model(apps, "Video").objects.get(pk=ids["video"])
    assert video.poster.name == "video-posters/2026/walk.jpg"
    assert stored_fields(apps, ids["version"]) == {
        "name": "Detox",
        "hero_image": "pages/2026/detox.jpg",
        "hero_image_alt": "A nurse checking on a resting patient",
    }
