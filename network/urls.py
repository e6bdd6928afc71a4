from django.urls import re_path

from . import views

# Where the iCalendar files were until they became sub-routes of their pages
# (/de/netzwerke/netzwerk-produktion.ics, now /de/netzwerke/netzwerk-produktion/ical/).
urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)*[\w\-]+)\.ics$", views.calendar_redirect, name="network_calendar"),
]
