from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.static import serve

from blog.sitemaps import ArticleSitemap, BlogIndexSitemap
from programs.sitemaps import PROGRAM_SITEMAPS
from rehab_site import health
from rehab_site.moved_admin import moved_admin_pages

admin.site.site_header = "Site administration"
admin.site.site_title = "Site administration"
admin.site.index_title = "Dashboard"
admin.site.index_template = "admin/dashboard.html"

ADMIN_URL = settings.ADMIN_URL

sitemaps = {
    "blog": BlogIndexSitemap,
    "articles": ArticleSitemap,
    **PROGRAM_SITEMAPS,
}

urlpatterns = [
    path("", include("website.urls")),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
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
    path(ADMIN_URL, include("editing.urls")),
    path(ADMIN_URL, include("pictures.urls")),
    path(f"{ADMIN_URL}two-factor/", include("staff_access.urls")),
    # Bookmarks and emails from before models moved to other apps (moved_admin.py).
    *moved_admin_pages(ADMIN_URL, ["rehab_site", "admissions"]),
    path(ADMIN_URL, admin.site.urls),
    path("", include("admissions.urls")),
    path("", include("insurance_verification.urls")),
]

if settings.DEBUG:
    urlpatterns += [
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Last: programs ends with the catch-all /<slug>/ for the site's generic pages.
urlpatterns += [path("", include("programs.urls"))]

handler400 = "website.views.bad_request"
handler500 = "website.views.server_error"
