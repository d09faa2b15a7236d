"""The home page's sections built from this app's content: querysets, which run only when
the home page's cached fragment is built (templates/home.html)."""

from blog.models import Article

from .models import Audience, Condition, Program, Testimonial


def home_sections() -> dict:
    """What marketing featured for the home page, in their order: five queries when built."""
    summary_fields = ("name", "slug", "summary", "order")
    return {
        "featured_programs": Program.objects.featured().only(
            *summary_fields, "typical_length", "kind"
        ),
        "featured_conditions": Condition.objects.featured().only(*summary_fields),
        "featured_audiences": Audience.objects.featured().only(*summary_fields),
        "featured_testimonials": Testimonial.objects.publishable().filter(
            featured=True
        )[:3],
        "latest_articles": Article.objects.live()
        .for_cards()
        .order_by("-publish_at")[:3],
    }
