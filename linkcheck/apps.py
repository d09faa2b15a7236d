from django.apps import AppConfig


class LinkcheckConfig(AppConfig):
    """The broken-link report: internal links in everything marketing edits that no longer
    lead anywhere, checked after every save and daily, listed in the admin."""

    name = "linkcheck"
    verbose_name = "Link report"

    def ready(self):
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from dashboard import notices
        from editing import checklist

        from . import attention
        from .checklist import broken_links
        from .tasks import content_saved_in_admin

        checklist.add_check(broken_links)
        notices.provide(attention.attention)

        post_save.connect(
            content_saved_in_admin,
            sender=LogEntry,
            dispatch_uid="linkcheck-admin-saves",
        )
