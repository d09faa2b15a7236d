"""The admin index as a dashboard of what needs attention.

Any installed app contributes by defining `<app>/attention.py` with
`def attention(request) -> list[rehab_site.attention.Notice]`, returning only what the
request's user may act on. Urgent notices come first, then warnings, then the rest.
"""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from .attention import Notice

TONE_ORDER = {"urgent": 0, "warning": 1, "info": 2}


def attention_providers() -> list:
    providers = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "attention"):
            module = import_module(f"{app_config.name}.attention")
            # rehab_site.attention holds the Notice class itself, not notices.
            if callable(getattr(module, "attention", None)):
                providers.append(module.attention)
    return providers


def attention_notices(request) -> list[Notice]:
    notices = [
        notice for provider in attention_providers() for notice in provider(request)
    ]
    return sorted(notices, key=lambda notice: TONE_ORDER.get(notice.tone, 3))
