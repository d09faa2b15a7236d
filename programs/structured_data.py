"""Schema.org descriptions of the center and of FAQ lists, as plain dictionaries for JSON-LD."""

import re

from django.utils.html import strip_tags

from rehab_site.models import SiteSettings

# SiteSettings.hours is free text for people; search engines only get hours we can be sure of.
_ROUND_THE_CLOCK = re.compile(r"24\s*(hours|/)\s*.*7", re.IGNORECASE)


def medical_clinic(site: SiteSettings, home_url: str) -> dict:
    """The center as a MedicalClinic: name, address, phone and hours from SiteSettings."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": site.name,
        "url": home_url,
    }
    if site.tagline:
        data["description"] = site.tagline
    if site.phone:
        data["telephone"] = site.phone_href.removeprefix("tel:")
    if site.admissions_email:
        data["email"] = site.admissions_email
    address = {
        key: value
        for key, value in (
            ("streetAddress", site.street_address),
            ("addressLocality", site.locality),
            ("addressRegion", site.region),
            ("postalCode", site.postal_code),
        )
        if value
    }
    if address:
        data["address"] = {
            "@type": "PostalAddress",
            **address,
            "addressCountry": "US",
        }
    if site.hours and _ROUND_THE_CLOCK.search(site.hours):
        data["openingHours"] = "Mo-Su 00:00-23:59"
    same_as = [url for _label, url in site.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


def faq_page(faqs) -> dict:
    """An FAQPage listing each question with its accepted answer."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": strip_tags(faq.answer)},
            }
            for faq in faqs
        ],
    }
