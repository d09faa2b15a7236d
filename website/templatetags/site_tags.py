import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


# Characters that could end the <script> element or start markup inside it.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict) -> str:
    """Structured data for search engines, safe to embed whatever text `data` holds."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def machine_time(moment) -> str:
    """A moment as HTML's `datetime` attribute reads it: the site's local time to the
    second, with its offset. (The "c" date format keeps microseconds, which HTML refuses.)"""
    if not moment:
        return ""
    return timezone.localtime(moment).isoformat(timespec="seconds")


# A word with a digit in it: a licence number ("MHL-088-0412"), a phone number's parts.
_NUMBER = re.compile(r"[\w-]*\d[\w-]*")


@register.filter(needs_autoescape=True)
def unbroken_numbers(text, autoescape=True) -> str:
    """`text`, escaped, with each number in it kept on one line (a `number` span): a line
    may break before or after a licence number, never inside it at a hyphen."""
    escape = conditional_escape if autoescape else str
    parts, start = [], 0
    for number in _NUMBER.finditer(str(text)):
        parts.append(escape(text[start : number.start()]))
        parts.append(format_html('<span class="number">{}</span>', number.group()))
        start = number.end()
    parts.append(escape(text[start:]))
    return mark_safe("".join(str(part) for part in parts))


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """The full address of a path on this site, for canonical links, feeds and JSON-LD."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


@register.simple_tag(takes_context=True)
def breadcrumb_list(context, breadcrumbs) -> str:
    """BreadcrumbList JSON-LD for a list of (label, path) pairs, home first."""
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": label,
            "item": absolute_url(context, path),
        }
        for position, (label, path) in enumerate(breadcrumbs, start=1)
    ]
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        }
    )
