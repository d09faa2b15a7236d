"""Text that visitors type into public forms: one set of rules that every such form uses.

Text is normalized first (NFC, no bidi controls or control characters, whitespace
collapsed) and checked afterwards, so that the length that passed the check is the length
that is stored: NFC can make text longer (a Devanagari nukta letter becomes two code points).
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

# Bidirectional embeddings, overrides and isolates can make stored text display in a
# misleading order ("Trojan Source"); ordinary right-to-left text needs none of them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)
# Control characters other than tab and line breaks (the null byte included).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Normalize a visitor's text: NFC, no bidi controls, no control characters."""
    value = unicodedata.normalize("NFC", value).translate(_BIDI_CONTROLS)
    value = _CONTROL_CHARACTERS.sub("", value)
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    else:
        value = " ".join(value.split())
    return value.strip()


def has_visible_character(value: str) -> bool:
    """True when the text holds a letter or a digit of any script: zero-width characters,
    combining marks, symbols and U+FFFD alone are not something a person is called."""
    return any(unicodedata.category(character)[0] in "LN" for character in value)


def validate_name(value: str) -> None:
    if value and not has_visible_character(value):
        raise ValidationError(
            "Write a name with at least one letter or number in it.", code="invisible"
        )


class VisitorTextField(forms.CharField):
    """A CharField that normalizes what was typed before checking its length."""

    def __init__(self, *, multiline: bool = False, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value), multiline=self.multiline)


def visitor_formfield(model_field, **kwargs):
    """ModelForm `formfield_callback` for public forms: free text normalized first."""
    is_free_text = isinstance(
        model_field, models.CharField | models.TextField
    ) and not (model_field.choices or isinstance(model_field, models.EmailField))
    if is_free_text:
        kwargs.setdefault("form_class", VisitorTextField)
        kwargs.setdefault("multiline", isinstance(model_field, models.TextField))
    return model_field.formfield(**kwargs)


class VisitorModelForm(forms.ModelForm):
    """The base of every public form that stores a row: its free text is normalized before
    any check, and the fields listed in `name_fields` must read as a name."""

    name_fields: tuple[str, ...] = ()

    class Meta:
        formfield_callback = visitor_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.name_fields:
            self.fields[name].validators.append(validate_name)
