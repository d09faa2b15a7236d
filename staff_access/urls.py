"""The staff's second factor, under the admin's prefix (rehab_site/urls.py mounts it)."""

from django.contrib import admin
from django.urls import include, path

from staff_access import two_factor

urlpatterns = [
    path("setup/", admin.site.admin_view(two_factor.setup), name="two_factor_setup"),
    path("verify/", admin.site.admin_view(two_factor.verify), name="two_factor_verify"),
    path("enrol/", admin.site.admin_view(two_factor.enrol), name="two_factor_enrol"),
    # Open to anyone: they only keep a code in the session, and check nothing.
    path(
        "enrol/from-link/",
        two_factor.enrol_from_link,
        name="two_factor_enrol_from_link",
    ),
    path("enrol/<str:code>/", two_factor.enrol_link, name="two_factor_enrol_link"),
    path(
        "recovery-codes/",
        admin.site.admin_view(two_factor.recovery_codes),
        name="two_factor_recovery_codes",
    ),
    # JSON endpoints of the passkey ceremonies; they check the user themselves.
    path("passkeys/", include("staff_access.passkeys")),
]
