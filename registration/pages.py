"""What a page type inherits to take registrations: the editor's settings (fields and panels) and
the sub-routes (form, confirmation and cancel links). Used by network.MeetingPage and by any event
page type; the page provides `start` (aware), `title`, `locale` and `registration_ics()`."""

from .models import RegistrationSettings
from .routes import RegistrationRoutes


class RegistrationMixin(RegistrationRoutes, RegistrationSettings):
    class Meta:
        abstract = True
