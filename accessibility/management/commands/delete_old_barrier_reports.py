from accessibility.models import BarrierReport
from core.retention import DeleteOlderThanRetention


class Command(DeleteOlderThanRetention):
    model = BarrierReport
    setting = "BARRIER_REPORT_RETENTION_MONTHS"
    records = "barrier reports"
