"""Bump the content version whenever anything a visitor can see is saved or deleted."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .cache import bump_content_version

# Inquiries are never shown to visitors, so admissions saves leave the cache alone.
CONTENT_APPS = {"rehab_site", "blog", "programs"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs) -> None:
    if sender._meta.app_label in CONTENT_APPS:
        bump_content_version()
