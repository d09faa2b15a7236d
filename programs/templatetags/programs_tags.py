from django import template
from django.urls import NoReverseMatch

from accreditations.templatetags.accreditation_tags import current_accreditations
from rehab_site.caching import remember
from website.templatetags.site_tags import absolute_url, json_ld

from .. import structured_data
from ..models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def medical_clinic_json_ld(context) -> str:
    """MedicalClinic JSON-LD for the center, from the site settings in the context."""
    return json_ld(
        structured_data.medical_clinic(
            context["site"],
            absolute_url(context, "/"),
            current_accreditations(),
            lambda path: absolute_url(context, path),
        )
    )


@register.simple_tag(takes_context=True)
def team_json_ld(context, people) -> str:
    """Person JSON-LD for everyone listed on the team page, or nothing when nobody is."""
    if not people:
        return ""
    return json_ld(
        structured_data.team(
            people,
            context["site"],
            absolute_url(context, "/"),
            lambda path: absolute_url(context, path),
        )
    )


@register.simple_tag
def notice_links() -> list[dict]:
    """The published notices (privacy practices, nondiscrimination, accessibility) in their
    fixed order, for every page's footer; cached until content changes."""
    return remember("notice-links", _build_notice_links)


def _build_notice_links() -> list[dict]:
    pages = {
        page.notice: page
        for page in Page.objects.live()
        .exclude(notice="")
        .only("slug", "name", "notice")
    }
    links = []
    for notice in Page.Notice.values:
        if notice not in pages:
            continue
        try:
            url = pages[notice].get_absolute_url()
        except NoReverseMatch:
            continue  # an error page rendered with another URLconf: no link, no failure
        links.append({"label": pages[notice].name, "url": url})
    return links


@register.simple_tag
def faq_page_json_ld(faqs) -> str:
    """FAQPage JSON-LD, or nothing when the page has no FAQs."""
    return json_ld(structured_data.faq_page(faqs)) if faqs else ""
