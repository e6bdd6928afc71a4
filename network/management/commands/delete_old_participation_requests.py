from core.retention import DeleteOlderThanRetention
from network.models import ParticipationRequest


class Command(DeleteOlderThanRetention):
    model = ParticipationRequest
    setting = "PARTICIPATION_RETENTION_MONTHS"
    records = "participation requests"
