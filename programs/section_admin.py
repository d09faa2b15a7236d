"""The section editor of a site page: django-content-editor's inlines, one kind of section
each, stacked in one list that marketing reorders by dragging (or with the keyboard's
arrow buttons the editor shows on each section)."""

from content_editor.admin import ContentEditorInline
from django import forms
from django.contrib import admin
from django.db import models
from django.utils.text import Truncator, capfirst

from pictures.admin import PictureChoosingMixin
from website import page_parts

from .models import Page, Testimonial
from .models.sections import (
    SECTION_MODELS,
    ArticlesSection,
    BlockSection,
    CardsSection,
    TeamSection,
    TestimonialsSection,
)

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
    """Only a live page may be chosen for a button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = self.fields.get("linked_page")
        if linked is not None:
            linked.queryset = Page.objects.live()


class BlockSectionForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = Page.objects.filter(layout=Page.Layout.BLOCK)


def card_choices() -> list:
    """Every page of each kind, grouped by kind; one not published says so (ticking it
    is refused with a message, CardsSection.clean)."""
    groups = []
    for kind, model in CardsSection.models_by_kind().items():
        live = set(model.objects.live().values_list("pk", flat=True))
        groups.append(
            (
                CardsSection.Kind(kind).label,
                [
                    (
                        CardsSection.key(kind, pk),
                        name if pk in live else f"{name} (not published)",
                    )
                    for pk, name in model.objects.order_by("order", "name").values_list(
                        "pk", "name"
                    )
                ],
            )
        )
    return groups


def testimonial_choices() -> list:
    consented = set(Testimonial.objects.publishable().values_list("pk", flat=True))
    return [
        (
            testimonial.pk,
            f"{testimonial.attribution}: “{Truncator(testimonial.quote).words(12)}”"
            + ("" if testimonial.pk in consented else " (no recorded consent)"),
        )
        for testimonial in Testimonial.objects.order_by("-pk")
    ]


# The choices a kind of section offers for a field the model keeps as plain values
# (ticked ids, a category's slug): made once for each list of sections in a form.
CHOICES = {
    CardsSection: {"chosen": card_choices},
    TestimonialsSection: {"chosen": testimonial_choices},
    TeamSection: {
        "group": lambda: [
            ("", "Everyone on the team page"),
            *page_parts.part("team_groups"),
        ],
        "people": lambda: [
            (person.pk, str(person)) for person in page_parts.part("team")
        ],
    },
    ArticlesSection: {
        "category": lambda: [
            ("", "Every category"),
            *page_parts.part("article_categories"),
        ]
    },
}


def choice_field(model_field, choices) -> forms.Field:
    """The form field for a section's plain-valued field given its choices: ticks for a
    list of ids, a menu for one value."""
    shared = {
        "choices": choices,
        "required": False,
        "label": capfirst(model_field.verbose_name),
        "help_text": model_field.help_text,
    }
    if isinstance(model_field, models.JSONField):
        keys_are_numbers = model_field.model is not CardsSection
        return forms.TypedMultipleChoiceField(
            coerce=int if keys_are_numbers else str,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "invalid_choice": "One of the ticked rows no longer exists or can "
                "no longer be chosen: untick it."
            },
            **shared,
        )
    return forms.ChoiceField(**shared)


class SectionInline(PictureChoosingMixin, ContentEditorInline):
    def get_formset(self, request, obj=None, **kwargs):
        """The formset's form with the choices its fields offer, made once here rather
        than once for each section of the kind."""
        made = CHOICES.get(self.model)
        if made:
            form = kwargs.get("form", self.form)
            fields = {
                name: choice_field(self.model._meta.get_field(name), make())
                for name, make in made.items()
            }
            kwargs["form"] = type(form)(form.__name__, (form,), fields)
        return super().get_formset(request, obj, **kwargs)


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
    return SectionInline.create(model, **attrs)


SECTION_INLINES = [section_inline(model) for model in SECTION_MODELS]
