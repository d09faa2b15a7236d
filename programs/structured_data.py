"""Schema.org descriptions of the center and of FAQ lists, as plain dictionaries for JSON-LD."""

import re

from django.utils.html import strip_tags

from website.models import SiteSettings

# SiteSettings.hours is free text for people; search engines only get hours we can be sure of.
_ROUND_THE_CLOCK = re.compile(r"24\s*(hours|/)\s*.*7", re.IGNORECASE)


def medical_clinic(
    site: SiteSettings,
    home_url: str,
    accreditations=(),
    absolute=lambda path: path,
) -> dict:
    """The center as a MedicalClinic: name, address, phone, hours and coordinates from
    SiteSettings, and its current accreditations and license as `hasCredential`."""
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
    if site.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(site.latitude),
            "longitude": float(site.longitude),
        }
        data["hasMap"] = site.directions_href
    credentials = [credential(item, absolute) for item in accreditations]
    if site.license_number and site.license_number not in {
        item.number for item in accreditations
    }:
        credentials.append(state_license(site))
    if credentials:
        data["hasCredential"] = credentials
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


def credential(accreditation, absolute=lambda path: path) -> dict:
    """One accreditation, license or certification as an EducationalOccupationalCredential."""
    data = {
        "@type": "EducationalOccupationalCredential",
        "name": accreditation.title,
        "credentialCategory": accreditation.get_kind_display().lower(),
        "recognizedBy": {"@type": "Organization", "name": accreditation.body},
        "dateCreated": accreditation.issued_on.isoformat(),
    }
    if accreditation.number:
        data["identifier"] = accreditation.number
    if accreditation.expires_on:
        data["expires"] = accreditation.expires_on.isoformat()
    if accreditation.verification_url:
        data["url"] = accreditation.verification_url
    if accreditation.seal_picture:
        data["image"] = absolute(accreditation.seal_picture.file.url)
    return data


def state_license(site: SiteSettings) -> dict:
    """The center's license number from the site settings, when no accreditation lists it."""
    data = {
        "@type": "EducationalOccupationalCredential",
        "name": "State license",
        "credentialCategory": "license",
        "identifier": site.license_number,
    }
    if site.license_authority:
        data["recognizedBy"] = {
            "@type": "Organization",
            "name": site.license_authority.removeprefix("the "),
        }
    return data


def team(people, site: SiteSettings, home_url: str, absolute) -> dict:
    """The people on the team page, each a Person who works for the center."""
    clinic = {"@type": "MedicalClinic", "name": site.name, "url": home_url}
    graph = []
    for person in people:
        data = {"@type": "Person", "name": person.name, "worksFor": clinic}
        if person.role:
            data["jobTitle"] = person.role
        if person.credentials:
            data["honorificSuffix"] = person.credentials
        if person.bio:
            data["description"] = person.bio
        photo = person.team_photo
        if photo:
            data["image"] = absolute(photo["url"])
        graph.append(data)
    return {"@context": "https://schema.org", "@graph": graph}
