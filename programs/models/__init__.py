"""Everything a family reads before calling: levels of care, conditions, the people we
help, the towns we serve, the site's other pages, and the FAQs and testimonials on them."""

from .base import ContentPage
from .faq import FAQ
from .insurer import Insurer
from .overview import Overview
from .page import Page
from .photo import Photo
from .program import Program
from .sections import SECTION_MODELS
from .testimonial import Testimonial
from .topics import Audience, Condition, Location
from .video import Video

__all__ = [
    "FAQ",
    "Audience",
    "Condition",
    "Insurer",
    "ContentPage",
    "Location",
    "Overview",
    "Page",
    "Photo",
    "Program",
    "SECTION_MODELS",
    "Testimonial",
    "Video",
]
