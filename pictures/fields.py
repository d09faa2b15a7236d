"""The one way a model holds a picture: a protected reference into the library, chosen
in the admin with the library's chooser (widgets.py)."""

from django.db import models


class PictureField(models.ForeignKey):
    """A picture from the library. Deleting a picture in use is refused (PROTECT), and the
    admin's form shows the chooser: search, tags, or upload in the same dialog.

    `blank=True` means the field may be left empty (it is then null). `null=True` alone
    keeps rows without a picture in the table while every form asks for one (rows the
    move into the library found no file for)."""

    def __init__(self, verbose_name=None, **kwargs):
        kwargs["to"] = "pictures.Picture"
        kwargs["on_delete"] = models.PROTECT
        kwargs.setdefault("related_name", "+")
        kwargs.setdefault("null", kwargs.get("blank", False))
        super().__init__(verbose_name=verbose_name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for fixed in ("to", "on_delete"):
            kwargs.pop(fixed, None)
        if kwargs.get("null", False) == kwargs.get("blank", False):
            kwargs.pop("null", None)
        if kwargs.get("related_name") == "+":
            del kwargs["related_name"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from .widgets import PictureChooser

        kwargs.setdefault("widget", PictureChooser)
        return super().formfield(**kwargs)


def picture_fields(model) -> list[PictureField]:
    """The picture fields of `model`, in order."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, PictureField)
    ]
