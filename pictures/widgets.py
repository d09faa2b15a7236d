"""The picture chooser: the chosen picture's thumbnail and name, and a button that opens
the library in a dialog (search, tags, or upload a new picture there and then).

The chosen picture is an id in a hidden input, so it survives any error elsewhere on the
form: the form comes back with the same picture shown.
"""

from django import forms
from django.urls import reverse


class PictureChooser(forms.Select):
    template_name = "admin/pictures/widgets/chooser.html"

    # Its script and styles come with every admin page (templates/admin/base_site.html),
    # for the rich-text editor's library button too.

    def get_context(self, name, value, attrs):
        from .models import Picture

        context = super().get_context(name, value, attrs)
        chosen = None
        if str(value or "").isdigit():
            chosen = Picture.objects.filter(pk=str(value)).first()
        context["widget"].update(
            {
                "chosen": chosen,
                "chooser_url": reverse("admin:pictures_picture_choose"),
                "required": self.is_required,
            }
        )
        return context

    def optgroups(self, name, value, attrs=None):
        return []  # never lists the library: the dialog does, a page at a time
