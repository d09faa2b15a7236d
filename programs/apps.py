from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """Treatment programs, conditions, audiences, locations and the site's other pages."""

    name = "programs"
