"""The rich-text field every app uses, and the sanitizer that keeps its HTML to the editor's own.

CKEditor 5 is configured in settings.CKEDITOR_5_CONFIGS; the allow-lists below are exactly
the markup its toolbar produces, so anything else (pasted scripts, inline styles, event
handlers, javascript: links) is dropped before it reaches the database.
"""

import html

import nh3
from django import forms
from django_ckeditor_5.fields import CKEditor5Field

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "i", "em", "a",
    "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    # Nothing on every tag: without this key nh3 allows lang and title everywhere.
    "*": set(),
}

ALIGNMENT_CLASSES = {"text-align-left", "text-align-center", "text-align-right"}
IMAGE_STYLE_CLASSES = {
    "image",
    "image-style-side",
    "image-style-align-left",
    "image-style-align-right",
    "image-style-align-center",
    "image-style-block-align-left",
    "image-style-block-align-right",
}
ALLOWED_CLASSES = {
    "p": ALIGNMENT_CLASSES,
    "h2": ALIGNMENT_CLASSES,
    "h3": ALIGNMENT_CLASSES,
    "h4": ALIGNMENT_CLASSES,
    "figure": IMAGE_STYLE_CLASSES | {"table"},
    "img": {"image_resized"},
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html: str, extra_tags: frozenset = frozenset()) -> str:
    """Return `html` reduced to what the editor's toolbar can produce (and `extra_tags`,
    such as the marks of a comparison, editing/compare.py)."""
    if not html:
        return ""
    return nh3.clean(
        html.replace("\x00", ""),
        tags=ALLOWED_TAGS | extra_tags,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def is_empty_html(value: str) -> bool:
    """Nothing a reader would see: no words, no picture (an emptied editor sends
    `<p>&nbsp;</p>`)."""
    if "<img" in value:
        return False
    return not html.unescape(nh3.clean(value, tags=set())).strip()


class RichTextFormField(forms.CharField):
    """What the editor sends, sanitized as it will be stored, so that everything built
    from a form before any save (a preview, a draft change) holds the same HTML as the
    page will; an emptied editor is empty, and a required one says so."""

    def to_python(self, value):
        value = sanitize_html(super().to_python(value))
        return "" if is_empty_html(value) else value


class RichTextField(CKEditor5Field):
    """A CKEditor 5 field whose HTML is sanitized in its form and every time the model is
    saved."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

    def pre_save(self, model_instance, add):
        clean = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, clean)
        return clean


def html_fields(model) -> list:
    """The rich-text fields of `model`: the HTML that marketing writes."""
    return [
        field for field in model._meta.get_fields() if isinstance(field, RichTextField)
    ]
