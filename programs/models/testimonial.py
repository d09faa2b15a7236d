from django.db import models


class TestimonialQuerySet(models.QuerySet):
    def publishable(self):
        """Only words the person agreed, on record, to let us publish."""
        return self.filter(consent_recorded=True)


class Testimonial(models.Model):
    """Words from a former patient or family member, shown only with recorded consent."""

    quote = models.TextField()
    attribution = models.CharField(
        max_length=80,
        help_text="A first name or a pseudonym only, never a full name.",
    )
    detail = models.CharField(
        max_length=120,
        blank=True,
        help_text="For example “Alumna, residential program” or “Mother of a client”.",
    )
    program = models.ForeignKey(
        "programs.Program",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
    )
    consent_recorded = models.BooleanField(
        "consent to publish recorded",
        default=False,
        help_text="Tick only when the person's written consent to publish is on file.",
    )
    consent_recorded_on = models.DateField(null=True, blank=True)
    featured = models.BooleanField("show on the home page", default=False)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TestimonialQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_recorded=True)
                | models.Q(consent_recorded_on__isnull=True),
                name="testimonial_consent_date_needs_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.attribution}: {self.quote[:60]}"
