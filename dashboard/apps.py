from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """The admin's first page: what needs each member of staff's attention, from every
    app that registers notices (dashboard/notices.py)."""

    name = "dashboard"
    verbose_name = "Dashboard"
