"""Migrations blog 0006 to 0008: articles' featured images and people's photos become
library pictures with their alt text, in the rows and in their stored versions (so an old
version or a draft change keeps its picture), and migrating back brings each one back."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.migrations import migrate
from tests.pictures.factories import jpeg_bytes

BEFORE = [("blog", "0005_article_list_and_search_indexes")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("blog", "0008_old_picture_fields_removed")]


def stored(name: str) -> str:
    return default_storage.save(name, ContentFile(jpeg_bytes()))


def old_article(apps, slug, **fields):
    return apps.get_model("blog", "Article").objects.create(
        slug=slug, title=slug.replace("-", " ").capitalize(), summary="S.", **fields
    )


def record_version(apps, row, fields: dict):
    """A version as django-reversion stores it: the row's fields, serialized."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="blog", model=row._meta.model_name
    )
    Revision = apps.get_model("reversion", "Revision")
    return apps.get_model("reversion", "Version").objects.create(
        revision=Revision.objects.create(date_created="2026-01-01T00:00:00Z"),
        content_type=content_type,
        object_id=str(row.pk),
        db="default",
        format="json",
        serialized_data=json.dumps(
            [{"model": row._meta.label_lower, "pk": row.pk, "fields": fields}]
        ),
        object_repr=str(row.pk),
    )


def version_fields(apps, version) -> dict:
    Version = apps.get_model("reversion", "Version")
    return json.loads(Version.objects.get(pk=version.pk).serialized_data)[0]["fields"]


def test_pictures_move_into_the_library_with_their_words_and_back(old_schema):
    lake = stored("blog/2026/01/lake.jpg")
    hills = stored("blog/2025/06/hills.jpg")
    maya = stored("people/maya.jpg")
    first = old_article(
        old_schema,
        "finding-calm",
        featured_image=lake,
        featured_image_alt="A quiet lake",
    )
    # Two articles with one file: one picture in the library.
    second = old_article(
        old_schema, "the-same-lake", featured_image=lake, featured_image_alt="Water"
    )
    plain = old_article(old_schema, "words-only")
    person = old_schema.get_model("blog", "Person").objects.create(
        name="Dr. Maya Ellison", slug="maya", photo=maya
    )
    # An earlier version of the first article showed other hills.
    earlier = record_version(
        old_schema,
        first,
        {
            "title": "Hills",
            "featured_image": hills,
            "featured_image_alt": "Green hills",
            "featured_image_renditions": {},
        },
    )
    person_version = record_version(
        old_schema,
        person,
        {"name": "Maya Ellison", "photo": maya, "photo_renditions": {}},
    )

    apps = migrate(AFTER)

    Article = apps.get_model("blog", "Article")
    Picture = apps.get_model("pictures", "Picture")
    picture = Article.objects.get(pk=first.pk).featured_picture
    assert picture.file.name == lake
    # The words of one of the rows that share the file.
    assert (picture.title, picture.alt) in {
        ("Finding calm", "A quiet lake"),
        ("The same lake", "Water"),
    }
    assert [size["width"] for size in picture.renditions["sizes"]] == [480, 800, 1200]
    assert Article.objects.get(pk=second.pk).featured_picture_id == picture.pk
    assert Article.objects.get(pk=plain.pk).featured_picture_id is None
    portrait = apps.get_model("blog", "Person").objects.get(pk=person.pk).portrait
    assert (portrait.file.name, portrait.title, portrait.alt) == (
        maya,
        "Dr. Maya Ellison, portrait",
        "Portrait of Dr. Maya Ellison",
    )
    old_hills = Picture.objects.get(file=hills)
    assert (old_hills.title, old_hills.alt) == ("Hills", "Green hills")
    assert version_fields(apps, earlier) == {
        "title": "Hills",
        "featured_picture": old_hills.pk,
    }
    assert version_fields(apps, person_version) == {
        "name": "Maya Ellison",
        "portrait": portrait.pk,
    }

    # A decorative picture goes back with its title as the alt text the old table wanted.
    Picture.objects.filter(pk=picture.pk).update(alt="", decorative=True)
    back = migrate(BEFORE)

    OldArticle = back.get_model("blog", "Article")
    restored = OldArticle.objects.get(pk=first.pk)
    assert (restored.featured_image.name, restored.featured_image_alt) == (
        lake,
        picture.title,
    )
    assert restored.featured_image_renditions["sizes"]
    assert OldArticle.objects.get(pk=plain.pk).featured_image.name == ""
    restored_person = back.get_model("blog", "Person").objects.get(pk=person.pk)
    assert restored_person.photo.name == maya
    assert [size["width"] for size in restored_person.photo_renditions["sizes"]] == [
        96,
        192,
    ]
    assert version_fields(back, earlier)["featured_image"] == hills
    assert version_fields(back, earlier)["featured_image_alt"] == "Green hills"
    assert version_fields(back, person_version)["photo"] == maya
