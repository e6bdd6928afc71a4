from core.retention import DeleteOlderThanRetention
from registration.models import Registration


class Command(DeleteOlderThanRetention):
    model = Registration
    setting = "REGISTRATION_RETENTION_MONTHS"
    records = "registrations"
