"""What the admissions reports share in the admin: one page each, no single inquiry."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path


class ReportAdmin(admin.ModelAdmin):
    """A report on a proxy model with only a view permission: its changelist URL shows the
    report, and nothing else is served, since the usual change and delete views would show
    single inquiries. Each subclass writes `report_view(request, period)`, which returns
    the report's page."""

    # {value: label} of the periods offered, and the one shown when none (or a bad one) is.
    PERIODS: dict[int, str] = {}
    DEFAULT_PERIOD = 0
    PERIOD_PARAMETER = ""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "",
                self.admin_site.admin_view(self.checked_report_view),
                name="{}_{}_changelist".format(*info),
            )
        ]

    def has_view_permission(self, request, obj=None):
        return obj is None and request.user.has_perm(
            f"{self.opts.app_label}.view_{self.opts.model_name}"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def checked_report_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return self.report_view(request, self.period(request))

    def period(self, request) -> int:
        try:
            period = int(request.GET.get(self.PERIOD_PARAMETER, self.DEFAULT_PERIOD))
        except ValueError:
            return self.DEFAULT_PERIOD
        return period if period in self.PERIODS else self.DEFAULT_PERIOD
