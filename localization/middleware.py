"""Django's LocaleMiddleware, except for addresses that are the same in every language."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Addresses under LANGUAGE_NEUTRAL_PATHS (the open data API, which names its language in
    its own path) answer as their view answers: Django's would send their 404s on to
    `/de/<address>`, a page that cannot exist, and mark every answer `Vary: Accept-Language`."""

    def process_response(self, request, response):
        if request.path_info.startswith(tuple(getattr(settings, "LANGUAGE_NEUTRAL_PATHS", ()))):
            return response
        return super().process_response(request, response)
