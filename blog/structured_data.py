"""JSON-LD for articles: who wrote it, who medically reviewed it and when."""

from django.http import HttpRequest

from rehab_site.models import SiteSettings

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
    """MedicalWebPage when a clinician reviewed the article (schema.org puts reviewedBy and
    lastReviewed on web pages), BlogPosting otherwise."""
    site = SiteSettings.load()
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage" if article.medical_reviewer else "BlogPosting",
        "headline": article.title,
        "name": article.title,
        "description": article.meta_description or article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "author": [_person(person, request) for person in article.authors.all()]
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
    image = article.featured_image_largest
    if image:
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(image["url"]),
            "width": image["width"],
            "height": image["height"],
        }
    if article.medical_reviewer:
        data["reviewedBy"] = _person(article.medical_reviewer, request)
        data["lastReviewed"] = article.reviewed_on.isoformat()
    return data
