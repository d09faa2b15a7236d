from django import forms

from editing.image_forms import cleaned_image_upload

from .models import Picture, title_from

FILE_HELP = "A JPEG, PNG, GIF or WebP picture; it is stored without its camera data."
ALT_MISSING = (
    "Describe the picture for people who cannot see it, or mark it as decorative."
)


class PictureForm(forms.ModelForm):
    """A picture in the library: its file is re-encoded without metadata (editing/images.py),
    and it is described or marked decorative."""

    class Meta:
        model = Picture
        fields = [
            "file",
            "title",
            "alt",
            "decorative",
            "credit",
            "tags",
            "focal_x",
            "focal_y",
        ]

    def clean_file(self):
        return cleaned_image_upload(self.cleaned_data.get("file"))

    def clean(self):
        cleaned = super().clean()
        alt = (cleaned.get("alt") or "").strip()
        if not alt and not cleaned.get("decorative") and "alt" not in self.errors:
            self.add_error("alt", ALT_MISSING)
        if alt and cleaned.get("decorative"):
            self.add_error(
                "decorative",
                "A decorative picture has no alt text: clear the alt text, or untick this.",
            )
        return cleaned


class UploadForm(PictureForm):
    """The chooser's upload: the file and its words; the focal point can wait."""

    class Meta(PictureForm.Meta):
        fields = ["file", "title", "alt", "decorative", "credit", "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["file"].help_text = FILE_HELP
        self.fields["title"].help_text = "Left empty, the file's name is used."

    def clean(self):
        cleaned = super().clean()
        upload = self.files.get("file")
        if not cleaned.get("title") and upload is not None:
            cleaned["title"] = self.instance.title = title_from(upload.name)
        return cleaned
