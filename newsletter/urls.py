from django.urls import re_path

from . import views

# Outside the newsletter page (whose sub-routes Wagtail serves with CSRF protection): mail
# programs post to it without a token (RFC 8058).
urlpatterns = [
    re_path(
        r"^newsletter/(?P<word>abmelden|unsubscribe)/(?P<token>[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)+)/$",
        views.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
