"""The home page's sections built from this app's content, made only when the home page's
cached fragment is built (templates/home.html)."""

from django.utils.functional import SimpleLazyObject

from blog.models import Article

from .models import Audience, Condition, Program, Testimonial


def home_sections() -> dict:
    """What marketing featured for the home page, in their order: five queries when built."""
    summary_fields = ("name", "slug", "summary", "order")
    sections = {
        "featured_programs": lambda: Program.objects.featured().only(
            *summary_fields, "typical_length", "kind"
        ),
        "featured_conditions": lambda: Condition.objects.featured().only(
            *summary_fields
        ),
        "featured_audiences": lambda: Audience.objects.featured().only(*summary_fields),
        "featured_testimonials": lambda: Testimonial.objects.publishable().filter(
            featured=True
        )[:3],
        "latest_articles": lambda: (
            Article.objects.live().for_cards().order_by("-publish_at")[:3]
        ),
    }
    return {
        name: SimpleLazyObject(lambda make=make: list(make()))
        for name, make in sections.items()
    }
