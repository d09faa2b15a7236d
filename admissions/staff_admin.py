"""What the inquiry and insurance verification pages of the admin share, so both speak
alike: colleagues by full name in the assignee choices, and the phone number in the
center's format as one-tap call, text and email links."""

from django import forms
from django.db.models import Q
from django.utils.html import format_html, format_html_join

from staff_access.roles import ADMISSIONS

from .display import staff_name
from .reach import contact_links


class StaffChoiceField(forms.ModelChoiceField):
    """Colleagues by their full name, not their username."""

    def label_from_instance(self, user):
        return staff_name(user)


class AssignedToAdmissionsStaff:
    """A ModelAdmin mixin: the `assigned_to` choice lists active admissions staff (and
    superusers) by full name."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = (
                db_field.remote_field.model.objects.filter(
                    is_staff=True, is_active=True
                )
                .filter(Q(is_superuser=True) | Q(groups__name=ADMISSIONS))
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def reach_links(record) -> str:
    """The call, text and email links of an inquiry or a verification, in that order; the
    number (or, without one, the address) written once, on its link, as people read it."""
    links = sorted(contact_links(record), key=lambda link: link.order)
    return format_html(
        '<span class="reach-links">{}</span>',
        format_html_join(
            "",
            '<a class="reach-link reach-link--{}{}" href="{}" aria-label="{} {}{}">'
            "{}</a>",
            (
                (
                    link.kind,
                    " reach-link--preferred" if link.preferred else "",
                    link.href,
                    link.label,
                    link.value,
                    " (preferred)" if link.preferred else "",
                    link.value if index == 0 else link.label,
                )
                for index, link in enumerate(links)
            ),
        ),
    )
