"""`{{ page|related:"conditions" }}`: what a public template lists through a relation, so
that a preview shows the lists as typed in the form (editing/preview.py)."""

from django import template

from editing.preview import related as related_rows

register = template.Library()


@register.filter
def related(page, name: str):
    return related_rows(page, name)
