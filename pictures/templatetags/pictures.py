from django import template
from django.utils.safestring import mark_safe

from pictures.richtext import with_renditions

register = template.Library()


@register.filter
def rich_text(html: str) -> str:
    """Stored rich text (sanitized when saved, editing/richtext.py) as visitors see it:
    each library picture served as its renditions, with its width and height."""
    return mark_safe(with_renditions(html or ""))  # noqa: S308 - sanitized on save
