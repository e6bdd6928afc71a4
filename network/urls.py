from django.urls import re_path

from . import views

# An iCalendar file next to each meeting and network page: /de/netzwerke/netzwerk-produktion.ics
urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)*[\w\-]+)\.ics$", views.calendar, name="network_calendar"),
]
