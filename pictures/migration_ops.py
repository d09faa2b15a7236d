"""Moving a model's own picture files into the library, for data migrations.

`into_library` gives the library picture for a stored file (made once per file, however
many rows share it) with its alt text, dimensions, renditions and file name recorded;
each app's migration calls `move_into_library` for its picture fields, and
`move_out_of_library` to go back. Nothing is copied or deleted on disk: the picture keeps
the file where it is.
"""

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
    try:
        picture.file = name  # reads the file's width and height
        picture.renditions = build_renditions(picture.file)
    except (OSError, ValueError, SyntaxError):
        # The file is gone from storage: keep the reference, as the row had it.
        logger.warning("Moving %s into the picture library: the file is missing.", name)
        picture.file.name = name
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
