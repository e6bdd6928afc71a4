import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_file

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from bochum2015 import health
from core import serving
from seo import views as seo_views

# The admin, documents and machine-readable files are never language-prefixed.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Image renditions only: original images and document files are never served directly
    # (documents go through Wagtail's view above, which checks their privacy).
    re_path(
        r"^media/images/(?P<path>[^/]+)$",
        serve_file,
        {"document_root": settings.MEDIA_ROOT / "images"},
        name="image_rendition",
    ),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap, name="sitemap_section"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("", include("api.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# `make bench` measures the pages against a constant page through the same middleware.
if os.environ.get("BENCH_REFERENCE_VIEW") == "1":
    from bench.views import bench_reference

    urlpatterns.append(path("bench-reference/", bench_reference))

# Public pages live under /de/ and /en/; "/" redirects by the browser's Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("network.urls")),
    path("", include("newsletter.urls")),
    # Wagtail's page serving, with pages found in fewer queries (core/serving.py).
    re_path(wagtail_urls.serve_pattern, serving.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
handler500 = "bochum2015.health.server_error"
