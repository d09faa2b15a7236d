"""The admin index as a dashboard of what needs attention.

An app contributes by registering a provider in its `AppConfig.ready()`:
`notices.provide(attention)`, where `attention(request) -> list[Notice]` returns only
what the request's user may act on. Urgent notices come first, then warnings, then the
rest.
"""

from collections.abc import Callable
from dataclasses import dataclass

TONE_ORDER = {"urgent": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Notice:
    """One thing on the admin dashboard that needs a staff member's attention."""

    title: str  # "3 articles due for medical review"
    url: str  # where to act on it (a filtered changelist, a report)
    tone: str = "info"  # "info", "warning" or "urgent"
    detail: str = ""


Provider = Callable[..., list[Notice]]
_providers: list[Provider] = []


def provide(provider: Provider) -> None:
    """Add an app's provider of notices (from its `AppConfig.ready()`), once."""
    if provider not in _providers:
        _providers.append(provider)


def providers() -> tuple[Provider, ...]:
    return tuple(_providers)


def attention_notices(request) -> list[Notice]:
    notices = [notice for provider in _providers for notice in provider(request)]
    return sorted(notices, key=lambda notice: TONE_ORDER.get(notice.tone, 3))
