"""The library's item in the content checklist (editing/checklist.py): a chosen picture
that has no alt text and is not marked decorative harms visitors, so publishing waits."""

from django.db import models
from django.utils.text import capfirst

from editing.checklist import Advice

from .fields import picture_fields


def pictures_without_alt(page: models.Model) -> list[Advice]:
    found = []
    for field in picture_fields(type(page)):
        picture = getattr(page, field.name, None)
        if picture is not None and picture.needs_alt:
            found.append(
                Advice(
                    f"{capfirst(field.verbose_name)}: {picture.missing_alt}",
                    field.name,
                    blocks=True,
                )
            )
    return found
