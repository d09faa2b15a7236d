"""A URLconf with a view that fails, to see the 500 page the way a visitor would."""

from django.urls import path

from rehab_site.urls import handler500  # noqa: F401


def broken_view(request):
    raise RuntimeError("deliberate failure for the 500-page test")


urlpatterns = [path("boom/", broken_view)]
