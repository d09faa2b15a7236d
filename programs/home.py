"""The home page's sections built from this app's content, cached until content changes."""

from blog.models import Article
from rehab_site.cache import cached_content

from .models import Audience, Condition, Program, Testimonial


def home_sections() -> dict:
    """What marketing featured for the home page, in their order: four queries when cold."""
    return cached_content("programs:home-sections", _build_home_sections)


def _build_home_sections() -> dict:
    summary_fields = ("name", "slug", "summary", "order")
    return {
        "featured_programs": list(
            Program.objects.featured().only(*summary_fields, "typical_length", "kind")
        ),
        "featured_conditions": list(Condition.objects.featured().only(*summary_fields)),
        "featured_audiences": list(Audience.objects.featured().only(*summary_fields)),
        "featured_testimonials": list(
            Testimonial.objects.publishable().filter(featured=True)[:3]
        ),
        "latest_articles": list(
            Article.objects.live().for_cards().order_by("-publish_at")[:3]
        ),
    }
