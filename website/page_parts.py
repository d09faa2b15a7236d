"""Parts of a page that one app shows and another app's content fills: the home page's
sections, the articles beside a program, the team on a page that lists it.

The app that owns the content provides each part in its `AppConfig.ready()`; the page
asks for it by name. So the core never imports a feature app, and programs never import
the blog (the blog's articles point at programs, so the blog imports programs).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import SimpleLazyObject

_makers: dict[str, Callable[[], Any]] = {}
_on_home: list[str] = []


def provide(name: str, make: Callable[[], Any], *, on_home: bool = False) -> None:
    """`make()` builds the part called `name`; `on_home` puts it in the home page's
    context (templates/home.html) under that name."""
    _makers[name] = make
    if on_home and name not in _on_home:
        _on_home.append(name)


def part(name: str) -> Any:
    """What the provider of `name` makes now."""
    try:
        make = _makers[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No installed app provides the page part {name!r} "
            "(website.page_parts.provide in its AppConfig.ready())."
        ) from None
    return make()


def home_sections() -> dict:
    """The home page's sections, each made only when the template first reads it (inside
    the page's cached fragment, so a cached home page makes none)."""
    return {
        name: SimpleLazyObject(lambda name=name: list(part(name))) for name in _on_home
    }
