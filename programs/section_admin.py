"""The section editor of a site page: django-content-editor's inlines, one kind of section
each, stacked in one list that marketing reorders by dragging (or with the keyboard's
arrow buttons the editor shows on each section)."""

from content_editor.admin import ContentEditorInline
from django import forms
from django.contrib import admin
from django.db import models

from editing.image_forms import cleaned_image_upload

from .models import Page
from .models.sections import SECTION_MODELS, BlockSection, CardsSection

# The icon each kind of section shows on its button (the editor's Material Icons).
ICONS = {
    "herosection": "web_asset",
    "textsection": "notes",
    "picturesection": "image",
    "gallerysection": "photo_library",
    "videossection": "smart_display",
    "listsection": "checklist",
    "cardssection": "view_module",
    "testimonialssection": "format_quote",
    "teamsection": "groups",
    "questionsection": "help",
    "callboxsection": "call",
    "insurancesection": "health_and_safety",
    "accreditationssection": "verified",
    "centerdetailssection": "place",
    "articlessection": "article",
    "inquiryformsection": "contact_mail",
    "verifyinsurancesection": "fact_check",
    "blocksection": "widgets",
}


class SectionForm(forms.ModelForm):
    """Re-encodes an uploaded picture like every image of the site; only a live page may
    be chosen for a button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = self.fields.get("linked_page")
        if linked is not None:
            linked.queryset = Page.objects.live()

    def clean_image(self):
        return cleaned_image_upload(self.cleaned_data.get("image"))


class BlockSectionForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = Page.objects.filter(layout=Page.Layout.BLOCK)


def section_inline(model):
    own = [
        field.name
        for field in model._meta.fields
        if field.editable
        and not field.primary_key
        and field.name not in {"parent", "region", "ordering"}
    ]
    attrs = {
        "form": SectionForm,
        "fields": [*own, "region", "ordering"],
        "icon": ICONS[model._meta.model_name],
        "formfield_overrides": {
            models.TextField: {"widget": forms.Textarea(attrs={"rows": 4})},
        },
    }
    if model is CardsSection:
        attrs["radio_fields"] = {"which": admin.VERTICAL}
    if model is BlockSection:
        attrs["form"] = BlockSectionForm
    return ContentEditorInline.create(model, **attrs)


SECTION_INLINES = [section_inline(model) for model in SECTION_MODELS]
