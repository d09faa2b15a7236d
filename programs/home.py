"""The home page's sections built from this app's content (website/page_parts.py), made
only when the home page's cached fragment is built (templates/home.html)."""

from website import page_parts

from .models import Audience, Condition, Program, Testimonial

SUMMARY_FIELDS = ("name", "slug", "summary", "order")


def provide_home_sections() -> None:
    """What marketing featured for the home page, in their order: a query each."""
    page_parts.provide(
        "featured_programs",
        lambda: Program.objects.featured().only(
            *SUMMARY_FIELDS, "typical_length", "kind"
        ),
        on_home=True,
    )
    page_parts.provide(
        "featured_conditions",
        lambda: Condition.objects.featured().only(*SUMMARY_FIELDS),
        on_home=True,
    )
    page_parts.provide(
        "featured_audiences",
        lambda: Audience.objects.featured().only(*SUMMARY_FIELDS),
        on_home=True,
    )
    page_parts.provide(
        "featured_testimonials",
        lambda: Testimonial.objects.publishable().filter(featured=True)[:3],
        on_home=True,
    )
