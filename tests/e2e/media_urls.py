"""The site's URLs plus uploaded files, as nginx serves them in production, so browser
tests see the pictures (Django serves media itself only with DEBUG on)."""

from django.conf import settings
from django.urls import path
from django.views.static import serve

from rehab_site.urls import handler400, handler500
from rehab_site.urls import urlpatterns as site_urlpatterns

__all__ = ["handler400", "handler500", "urlpatterns"]

urlpatterns = [
    path(
        f"{settings.MEDIA_URL.strip('/')}/<path:path>",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
    *site_urlpatterns,
]
