"""A picture no publishing step sees must be described when it is saved: an overview and
the site's settings are always live (they have no draft), so they refuse a picture the
library has no alt text for. A page's own pictures are held at publishing by the
checklist (checklist.py), its sections' and gallery's by their inline's formset
(admin.DescribedOnPublishFormSet)."""

from django.core.exceptions import ValidationError

from .fields import picture_fields


class DescribedPictures:
    """Mix into a model that is always live and shows pictures: each chosen picture is
    described in the library, or marked decorative there."""

    def clean(self) -> None:
        super().clean()
        for field in picture_fields(type(self)):
            picture = getattr(self, field.name)
            if picture is not None and picture.needs_alt:
                raise ValidationError({field.name: picture.missing_alt})
