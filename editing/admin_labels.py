"""Names for the inputs of an admin changelist's editable columns.

The stock changelist renders `list_editable` inputs with no label of their own, so a screen
reader hears "edit text" in every row (axe: label). The form below names each input after
its column and row ("Order of The Joint Commission")."""

from django import forms


class LabelledChangeListForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = field.label or name.replace("_", " ")
            field.widget.attrs["aria-label"] = f"{label} of {self.instance}"


class LabelledListEditableMixin:
    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", LabelledChangeListForm)
        return super().get_changelist_form(request, **kwargs)
