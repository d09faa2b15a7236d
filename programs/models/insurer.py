from django.db import models


class InsurerQuerySet(models.QuerySet):
    def accepted(self):
        """Carriers the center takes, in marketing's order."""
        return self.filter(is_accepted=True)


class Insurer(models.Model):
    """An insurance carrier, as the center's forms and insurance pages name it.

    The inquiry form offers every insurer (a family whose plan the center does not take
    still gets a call back); the insurance pages list the accepted ones. An inquiry keeps
    the name it was sent with, so renaming or removing an insurer changes no inquiry.
    """

    name = models.CharField(
        max_length=100,
        unique=True,
        help_text="As families know it, e.g. “Blue Cross Blue Shield”.",
    )
    is_accepted = models.BooleanField(
        "accepted",
        default=True,
        help_text="The center takes this carrier's plans. Untick it to stop saying so "
        "on the site; the forms still offer it.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first on the forms and pages."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = InsurerQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name
