"""Moving a model's own picture files into the library, for data migrations.

`into_library` gives the library picture for a stored file (made once per file, however
many rows share it) with its alt text, dimensions, renditions and file name recorded;
each app's migration calls `move_into_library` for its picture fields and
`versions_into_library` for the stored versions (history and draft changes), so restoring
an old version or publishing a draft keeps its picture, and the `…out_of_library`
functions to go back. Nothing is copied or deleted on disk: the picture keeps
the file where it is.
"""

import json
import logging

from .renditions import build_renditions

logger = logging.getLogger(__name__)


def into_library(apps, name: str, *, title: str, alt: str = "", decorative=False):
    Picture = apps.get_model("pictures", "Picture")
    PictureFile = apps.get_model("pictures", "PictureFile")
    known = PictureFile.objects.filter(name=name).select_related("picture").first()
    if known is not None:
        picture = known.picture
        if alt and not picture.alt and not picture.decorative:
            picture.alt = alt[:250]
            picture.save(update_fields=["alt"])
        return picture
    picture = Picture(
        title=(title.strip() or name.rsplit("/", 1)[-1])[:200],
        alt="" if decorative else alt[:250],
        decorative=decorative,
    )
    picture.file = name
    try:
        picture.width, picture.height = picture.file.width, picture.file.height
        picture.renditions = build_renditions(picture.file)
    except (OSError, ValueError, SyntaxError):
        # The file is gone from storage: keep the reference, as the row had it.
        logger.warning("Moving %s into the picture library: the file is missing.", name)
    picture.save()
    PictureFile.objects.create(name=name, picture=picture)
    return picture


def move_into_library(
    apps, model_label: str, file_field: str, picture_field: str, *, title, alt=None
) -> None:
    """For each row of `model_label` with a file in `file_field`, set `picture_field` to
    its library picture. `title(row)` and `alt(row)` give the picture's words."""
    model = apps.get_model(model_label)
    rows = model._base_manager.exclude(**{file_field: ""}).exclude(
        **{f"{file_field}__isnull": True}
    )
    for row in rows.iterator():
        picture = into_library(
            apps,
            getattr(row, file_field).name,
            title=str(title(row) or ""),
            alt=str(alt(row) or "") if alt else "",
        )
        model._base_manager.filter(pk=row.pk).update(**{picture_field: picture.pk})


def move_out_of_library(
    apps, model_label: str, file_field: str, picture_field: str, *, alt_field=None
) -> None:
    """The reverse: each row's file (and alt text) back from its library picture."""
    model = apps.get_model(model_label)
    for row in model._base_manager.exclude(**{f"{picture_field}__isnull": True}):
        picture = getattr(row, picture_field)
        changes = {file_field: picture.file.name}
        if alt_field:
            changes[alt_field] = picture.alt
        model._base_manager.filter(pk=row.pk).update(**changes)


def stored_versions(apps, app_label: str, model: str):
    """Each stored version (history and draft changes) of `app_label.model`: the version,
    its data and the row's fields in it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    if content_type is None:
        return
    versions = Version.objects.filter(content_type=content_type, format="json")
    for version in versions.iterator():
        data = json.loads(version.serialized_data)
        if data:
            yield version, data, data[0]["fields"]


def versions_into_library(
    apps, model_label, file_field, picture_field, *, title, alt=None, dropped=()
) -> None:
    """Stored versions of `model_label` ("app.model") name the library picture of their
    file, as the rows now do; `title(fields)` and `alt(fields)` give its words, and the
    fields in `dropped` (alt text, renditions) go."""
    app_label, model = model_label.lower().split(".")
    for version, data, fields in stored_versions(apps, app_label, model):
        if file_field not in fields:
            continue
        name = fields.pop(file_field)
        picture = (
            into_library(
                apps,
                name,
                title=str(title(fields) or ""),
                alt=str(alt(fields) or "") if alt else "",
            )
            if name
            else None
        )
        for field in dropped:
            fields.pop(field, None)
        fields[picture_field] = picture.pk if picture else None
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])


def versions_out_of_library(
    apps, model_label, file_field, picture_field, *, alt_field=None
) -> None:
    """The reverse: each stored version's file (and alt text) back from its picture. The
    old tables want alt text with every picture: one without lends its title."""
    Picture = apps.get_model("pictures", "Picture")
    app_label, model = model_label.lower().split(".")
    for version, data, fields in stored_versions(apps, app_label, model):
        if picture_field not in fields:
            continue
        picture_id = fields.pop(picture_field)
        picture = Picture.objects.filter(pk=picture_id).first() if picture_id else None
        fields[file_field] = picture.file.name if picture else ""
        if alt_field:
            fields[alt_field] = (picture.alt or picture.title) if picture else ""
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])
