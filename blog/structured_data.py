"""JSON-LD for articles: who wrote it, who medically reviewed it and when."""

from django.http import HttpRequest

from editing.preview import related
from website.models import SiteSettings
from website.templatetags.site_tags import machine_time

from .models import Article, Category, Person


def _person(person: Person, request: HttpRequest) -> dict:
    data = {
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    if person.credentials:
        data["honorificSuffix"] = person.credentials
    if person.role:
        data["jobTitle"] = person.role
    return data


def article_json_ld(
    article: Article, request: HttpRequest, categories: list[Category]
) -> dict:
    """A BlogPosting; when a clinician reviewed it, a MedicalWebPage (where schema.org puts
    reviewedBy and lastReviewed) whose main entity is that BlogPosting, so the article
    stays eligible for article results."""
    url = request.build_absolute_uri(article.get_absolute_url())
    posting = _blog_posting(article, request, categories, url)
    if not article.medical_reviewer:
        return {"@context": "https://schema.org", **posting, "mainEntityOfPage": url}
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.title,
        "url": url,
        "reviewedBy": _person(article.medical_reviewer, request),
        "lastReviewed": article.reviewed_on.isoformat(),
        "mainEntity": posting,
    }


def _blog_posting(
    article: Article, request: HttpRequest, categories: list[Category], url: str
) -> dict:
    site = SiteSettings.load()
    data = {
        "@type": "BlogPosting",
        "headline": article.title,
        "name": article.title,
        "description": article.meta_description or article.summary,
        "url": url,
        "datePublished": machine_time(article.publish_at),
        # An article previewed before its first save has not been modified yet.
        "dateModified": machine_time(article.updated_at or article.publish_at),
        "author": [_person(person, request) for person in related(article, "authors")]
        or {"@type": "Organization", "name": site.name},
        "publisher": {
            "@type": "Organization",
            "name": site.name,
            "url": request.build_absolute_uri("/"),
        },
        "wordCount": len(article.body_text.split()),
    }
    if categories:
        data["articleSection"] = categories[0].name
    image = article.featured_largest
    if image:
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(image["url"]),
            "width": image["width"],
            "height": image["height"],
        }
    return data
