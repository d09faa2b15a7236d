"""What the blog fills on other apps' pages (website/page_parts.py): article cards beside
a program and in a page's latest-articles section, and the team."""

from website import page_parts

from .models import Article, Person


def article_cards():
    """Live articles, newest first, with what a card shows."""
    return Article.objects.live().for_cards().order_by("-publish_at")


def provide() -> None:
    page_parts.provide("article_cards", article_cards)
    page_parts.provide("team", Person.objects.on_team_page)
