"""Pictures in rich text: served as the library's renditions, and recorded as uses.

The editor stores a picture as `<img src="/media/…">` (its upload button and the
library's insert button both use the picture's file). When the text is shown
(`with_renditions`, the `rich_text` filter), each such image becomes the picture as it is
now: its WebP renditions with a `srcset`, its width and height so nothing moves as it
loads, and its alt text when the text has none. A picture replaced since the text was
written is found by its former file name (PictureFile). Every save of a model with rich
text records which pictures its text shows (`record_uses`), so the library lists them and
refuses to delete them.
"""

import re
from html import escape, unescape
from urllib.parse import unquote, urlsplit

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from editing.richtext import html_fields
from rehab_site.content_apps import content_app_labels

from .models import Picture, PictureFile, PictureUse
from .renditions import default_size, srcset

IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
# How wide a picture in the text can be shown: the text column, or the screen on phones.
TEXT_SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2.5rem)"


def media_name(src: str) -> str | None:
    """The storage name of a file under MEDIA_URL that `src` points at, or None."""
    path = unquote(urlsplit(unescape(src)).path)
    media = urlsplit(settings.MEDIA_URL).path
    if not path.startswith(media):
        return None
    return path.removeprefix(media) or None


def image_attributes(tag: str) -> dict[str, str]:
    return {name.lower(): unescape(value) for name, value in ATTRIBUTE.findall(tag)}


def names_in(html: str) -> dict[str, str]:
    """{file name: alt text} of each library picture the text shows."""
    found = {}
    for tag in IMAGE.findall(html or ""):
        attributes = image_attributes(tag)
        name = media_name(attributes.get("src", ""))
        if name:
            found.setdefault(name, attributes.get("alt", ""))
    return found


def pictures_by_name(names) -> dict[str, Picture]:
    return {
        file.name: file.picture
        for file in PictureFile.objects.filter(name__in=list(names)).select_related(
            "picture"
        )
    }


def with_renditions(html: str) -> str:
    """`html` (sanitized rich text) with each library picture served as it is now."""
    names = names_in(html)
    if not names:
        return html
    pictures = pictures_by_name(names)

    def rendition(match: re.Match) -> str:
        tag = match.group(0)
        attributes = image_attributes(tag)
        picture = pictures.get(media_name(attributes.get("src", "")) or "")
        if picture is None:
            return tag
        size = default_size(picture.renditions)
        if size is None:
            return tag
        alt = attributes.get("alt", "").strip() or picture.alt_text
        classes = attributes.get("class", "")
        return (
            f'<img src="{escape(size["url"])}" srcset="{escape(srcset(picture.renditions))}" '
            f'sizes="{TEXT_SIZES}" width="{size["width"]}" height="{size["height"]}" '
            f'alt="{escape(alt)}"'
            + (f' class="{escape(classes)}"' if classes else "")
            + ' loading="lazy" decoding="async">'
        )

    return IMAGE.sub(rendition, html)


def is_current(model) -> bool:
    """A content model of the running site (not a migration's historical copy)."""
    return model._meta.apps is global_apps and (
        model._meta.app_label in content_app_labels()
    )


def record_uses(sender, instance, raw=False, **kwargs) -> None:
    """post_save: the pictures this row's rich text shows, as its `PictureUse` rows. A
    picture without alt text in the library takes the text's, so it is written once."""
    if raw or not is_current(sender):
        return
    fields = html_fields(sender)
    if not fields:
        return
    content_type = ContentType.objects.get_for_model(sender)
    object_id = str(instance.pk)
    wanted = {}
    for field in fields:
        names = names_in(getattr(instance, field.attname))
        for name, picture in pictures_by_name(names).items():
            wanted[(picture.pk, field.name)] = (picture, names[name])
    with transaction.atomic():
        existing = PictureUse.objects.filter(
            content_type=content_type, object_id=object_id
        )
        kept = set()
        for use in existing:
            if (use.picture_id, use.field_name) in wanted:
                kept.add((use.picture_id, use.field_name))
            else:
                use.delete()
        for (picture_id, field_name), (picture, alt) in wanted.items():
            if (picture_id, field_name) not in kept:
                PictureUse.objects.create(
                    picture=picture,
                    content_type=content_type,
                    object_id=object_id,
                    field_name=field_name,
                )
            if alt.strip() and picture.needs_alt:
                picture.alt = alt.strip()[:250]
                picture.save(update_fields=["alt", "updated_at"])


def forget_uses(sender, instance, **kwargs) -> None:
    """post_delete: a deleted page no longer uses its pictures."""
    if is_current(sender) and html_fields(sender):
        PictureUse.objects.filter(
            content_type=ContentType.objects.get_for_model(sender),
            object_id=str(instance.pk),
        ).delete()


def described_in_library(sources: list[str]) -> set[str]:
    """The images of `sources` the library describes (alt text, or decorative): the
    checklist's image describer (editing/checklist.py)."""
    names = {src: media_name(src) for src in sources}
    pictures = pictures_by_name(name for name in names.values() if name)
    return {
        src
        for src, name in names.items()
        if name in pictures and not pictures[name].needs_alt
    }
