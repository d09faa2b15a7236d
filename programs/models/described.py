"""Pictures no publishing step sees: an overview is always live (it has no draft), so it
refuses, when saved, a picture the library has no alt text for. A page's own pictures are
held at publishing by the checklist (pictures/checklist.py), its sections' and gallery's
by their inline's formset (pictures.admin.DescribedOnPublishFormSet)."""

from django.core.exceptions import ValidationError

from pictures.fields import picture_fields


class DescribedPictures:
    """Mix into a model whose pictures visitors see: each chosen picture is described in
    the library, or marked decorative there."""

    def clean(self) -> None:
        super().clean()
        for field in picture_fields(type(self)):
            picture = getattr(self, field.name)
            if picture is not None and picture.needs_alt:
                raise ValidationError(
                    {
                        field.name: f"“{picture.title}” has no alt text. Describe it "
                        "in the picture library (or mark it decorative there)."
                    }
                )
