from django.contrib import admin
from django.shortcuts import render

from staff_access.models import EnrolmentLink, format_code
from staff_access.two_factor import enrolment_link


@admin.register(EnrolmentLink)
class EnrolmentLinkAdmin(admin.ModelAdmin):
    """Administrators issue the one-time link a staff member needs to set up a second
    factor. The code is shown once, on the page after issuing; only its hash is kept."""

    list_display = ["user", "issued_by", "issued_at", "expires_at", "state"]
    list_select_related = ["user", "issued_by"]
    list_filter = ["issued_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)

    @admin.display(description="state")
    def state(self, link):
        return link.state

    def save_model(self, request, obj, form, change):
        issued, code = EnrolmentLink.issue(obj.user, issued_by=request.user)
        obj.pk, obj.issued_at, obj.expires_at = (
            issued.pk,
            issued.issued_at,
            issued.expires_at,
        )
        request.enrolment_code = code

    def response_add(self, request, obj, post_url_continue=None):
        code = request.enrolment_code
        link = enrolment_link(request.build_absolute_uri("/"), code)
        context = {
            **self.admin_site.each_context(request),
            "title": "Enrolment link issued",
            "opts": self.opts,
            "staff_member": obj.user,
            "link": link,
            "code": format_code(code),
            "expires_at": obj.expires_at,
        }
        return render(request, "admin/staff_access/enrolment_issued.html", context)
