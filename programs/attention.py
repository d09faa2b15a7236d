"""What the program and site pages ask of staff on the admin dashboard
(dashboard/notices.py)."""

from dashboard.notices import Notice
from editing.notices import publishing_notices

from .models import Audience, Condition, Location, Page, Program

PAGE_MODELS = [Program, Condition, Audience, Location, Page]


def attention(request) -> list[Notice]:
    return [
        notice for model in PAGE_MODELS for notice in publishing_notices(request, model)
    ]
