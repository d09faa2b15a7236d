from django import template

from rehab_site.templatetags.site_tags import absolute_url, json_ld

from .. import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def medical_clinic_json_ld(context) -> str:
    """MedicalClinic JSON-LD for the center, from the site settings in the context."""
    return json_ld(
        structured_data.medical_clinic(context["site"], absolute_url(context, "/"))
    )


@register.simple_tag
def faq_page_json_ld(faqs) -> str:
    """FAQPage JSON-LD, or nothing when the page has no FAQs."""
    return json_ld(structured_data.faq_page(faqs)) if faqs else ""
