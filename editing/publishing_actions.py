"""Three actions on the form of every page that can be live, as in Wagtail and WordPress:
*Save draft*, *Publish* (*Schedule* when its publish time is to come) and *Preview*.

The page's status is no longer a menu on the form: the button pressed sets it (the form
carries the status hidden), and the Publishing section says in words where the page
stands ("Live since …", "Scheduled: goes live on …", "Draft: not on the site"). A live
page also offers *Unpublish*. On a live page, *Save draft* saves a draft change and the
live page stays as it is (editing/drafts.py).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from editing.publishing import Status, local_datetime

DRAFT_BUTTON = "_save_draft"
PUBLISH_BUTTON = "_publish"
UNPUBLISH_BUTTON = "_unpublish"


class PublishingActionsForm:
    """Mixed into the admin form: the button pressed decides the status. *Publish*
    publishes; *Save draft* keeps a page that is not live a draft; *Unpublish* takes a
    live page off the site. A post without any of them keeps the status it sends."""

    def clean(self):
        cleaned = super().clean()
        was_live = self.initial.get("status") == Status.PUBLISHED
        if PUBLISH_BUTTON in self.data:
            cleaned["status"] = Status.PUBLISHED
        elif UNPUBLISH_BUTTON in self.data or (
            DRAFT_BUTTON in self.data and not was_live
        ):
            cleaned["status"] = Status.DRAFT
        return cleaned


class PublishingActionsAdmin:
    """For the admin of a publishable model (see the module's docstring)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "status":
            kwargs["widget"] = forms.HiddenInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        """The hidden status on one line with where the page stands, in words."""
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        ("status", "publishing_state") if field == "status" else field
                        for field in options["fields"]
                    ],
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "publishing_state"]

    @admin.display(description="status")
    def publishing_state(self, obj) -> str:
        stored = (
            self.model.objects.filter(pk=obj.pk).values("status", "publish_at").first()
            if obj is not None and obj.pk is not None
            else None
        )
        if stored is None or stored["status"] != Status.PUBLISHED:
            return "Draft: not on the site. Publish it when it is ready."
        if stored["publish_at"] > timezone.now():
            return f"Scheduled: goes live on {local_datetime(stored['publish_at'])}"
        return f"Live since {local_datetime(stored['publish_at'])}"

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        live = self.is_published(obj)
        publish_at = getattr(obj, "publish_at", None)
        context.update(
            publishing_actions=True,
            is_live=live,
            can_unpublish=live and self.can_unpublish(obj),
            publish_label=(
                "Schedule"
                if publish_at is not None and publish_at > timezone.now()
                else "Publish"
            ),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def is_published(self, obj) -> bool:
        """Whether `obj` is stored as published (the form may show a draft change)."""
        return (
            obj is not None
            and obj.pk is not None
            and type(obj).objects.filter(pk=obj.pk, status=Status.PUBLISHED).exists()
        )

    def change_url(self, obj) -> str:
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=[quote(obj.pk)],
        )

    def can_unpublish(self, obj) -> bool:
        """Whether this live page may be taken off the site (the home page may not)."""
        return True

    def kept_as_draft(self, request, obj):
        """After *Save draft* on a page that is not live: back to its form."""
        messages.success(
            request,
            f"“{obj}” is saved as a draft. It is not on the site until you publish it.",
        )
        return redirect(self.change_url(obj))

    def tell_schedule(self, request, obj) -> None:
        if PUBLISH_BUTTON in request.POST and obj.publish_at > timezone.now():
            messages.info(
                request,
                f"“{obj}” is scheduled: it goes live by itself on "
                f"{local_datetime(obj.publish_at)}.",
            )

    def response_add(self, request, obj, post_url_continue=None):
        if DRAFT_BUTTON in request.POST:
            return self.kept_as_draft(request, obj)
        self.tell_schedule(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if DRAFT_BUTTON in request.POST:
            return self.kept_as_draft(request, obj)
        self.tell_schedule(request, obj)
        return super().response_change(request, obj)
