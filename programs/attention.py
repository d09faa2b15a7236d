"""What the program and site pages ask of staff on the admin dashboard
(rehab_site/attention.py)."""

from rehab_site.attention import Notice
from rehab_site.content_attention import publishing_notices

from .models import Audience, Condition, Location, Page, Program

PAGE_MODELS = [Program, Condition, Audience, Location, Page]


def attention(request) -> list[Notice]:
    return [
        notice for model in PAGE_MODELS for notice in publishing_notices(request, model)
    ]
