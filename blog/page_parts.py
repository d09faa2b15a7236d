"""What the blog fills on other apps' pages (website/page_parts.py): article cards beside
a program and in a page's latest-articles section (of one category, if asked), and the
team, whole or by its groups."""

from website import page_parts

from .models import Article, Category, Person


def article_cards(category: str = ""):
    """Live articles, newest first, with what a card shows; of the category whose slug
    is `category`, if given."""
    articles = Article.objects.live()
    if category:
        articles = articles.filter(categories__slug=category)
    return articles.for_cards().order_by("-publish_at")


def article_categories() -> list[tuple[str, str]]:
    """(slug, name) of each category, by name."""
    return list(Category.objects.order_by("name").values_list("slug", "name"))


def provide() -> None:
    page_parts.provide("article_cards", article_cards)
    page_parts.provide("article_categories", article_categories)
    page_parts.provide("team", Person.objects.on_team_page)
    page_parts.provide("team_groups", lambda: Person.TeamSection.choices)
