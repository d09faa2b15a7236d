from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.static import serve

from blog.sitemaps import ArticleSitemap, BlogIndexSitemap
from programs.sitemaps import PROGRAM_SITEMAPS

from . import editing, two_factor, views
from .sitemaps import SitePagesSitemap
from .uploads import upload_editor_image

admin.site.site_header = "Site administration"
admin.site.site_title = "Site administration"
admin.site.index_title = "Content, menus and settings"
admin.site.index_template = "admin/dashboard.html"

ADMIN_URL = settings.ADMIN_URL

sitemaps = {
    "site": SitePagesSitemap,
    "blog": BlogIndexSitemap,
    "articles": ArticleSitemap,
    **PROGRAM_SITEMAPS,
}

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("blog/", include("blog.urls")),
    path(
        "sitemap.xml", sitemap_views.index, {"sitemaps": sitemaps}, name="sitemap_index"
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        f"{ADMIN_URL}editor-images/upload/",
        admin.site.admin_view(upload_editor_image),
        name="editor_image_upload",
    ),
    path(
        f"{ADMIN_URL}two-factor/setup/",
        admin.site.admin_view(two_factor.setup),
        name="two_factor_setup",
    ),
    path(
        f"{ADMIN_URL}two-factor/verify/",
        admin.site.admin_view(two_factor.verify),
        name="two_factor_verify",
    ),
    path(f"{ADMIN_URL}keep-alive/", editing.keep_alive, name="admin_keep_alive"),
    path(
        f"{ADMIN_URL}two-factor/enrol/",
        admin.site.admin_view(two_factor.enrol),
        name="two_factor_enrol",
    ),
    # Open to anyone: they only keep a code in the session, and check nothing.
    path(
        f"{ADMIN_URL}two-factor/enrol/from-link/",
        two_factor.enrol_from_link,
        name="two_factor_enrol_from_link",
    ),
    path(
        f"{ADMIN_URL}two-factor/enrol/<str:code>/",
        two_factor.enrol_link,
        name="two_factor_enrol_link",
    ),
    path(
        f"{ADMIN_URL}two-factor/recovery-codes/",
        admin.site.admin_view(two_factor.recovery_codes),
        name="two_factor_recovery_codes",
    ),
    # JSON endpoints of the passkey ceremonies; they check the user themselves.
    path(f"{ADMIN_URL}two-factor/passkeys/", include("rehab_site.passkeys")),
    path(ADMIN_URL, admin.site.urls),
    path("", include("admissions.urls")),
]

if settings.DEBUG:
    urlpatterns += [
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Last: programs ends with the catch-all /<slug>/ for the site's generic pages.
urlpatterns += [path("", include("programs.urls"))]

handler400 = "rehab_site.views.bad_request"
handler500 = "rehab_site.views.server_error"
