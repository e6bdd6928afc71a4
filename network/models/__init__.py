from core.models import BERLIN

from .companies import Company
from .competences import Competence, CompetenceGroup
from .meetings import CalendarMixin, MeetingPage, ProjectPage, ProjectPartner, upcoming_meetings
from .networks import (
    NetworkContactPerson,
    NetworkIndexPage,
    NetworkMember,
    NetworkPage,
    NetworkSector,
    NetworkTopic,
)
from .participation import ParticipationRecipient, ParticipationRequest
from .sectors import (
    CompanyDirectoryPage,
    FocusSectorIndexPage,
    FocusSectorPage,
    SectorContactPerson,
    companies_of_sector,
    company_cards,
)
from .snippets import ContactPerson, Topic

__all__ = [
    "BERLIN",
    "CalendarMixin",
    "Company",
    "Competence",
    "CompetenceGroup",
    "CompanyDirectoryPage",
    "ContactPerson",
    "FocusSectorIndexPage",
    "FocusSectorPage",
    "MeetingPage",
    "NetworkContactPerson",
    "NetworkIndexPage",
    "NetworkMember",
    "NetworkPage",
    "NetworkSector",
    "NetworkTopic",
    "ParticipationRecipient",
    "ParticipationRequest",
    "ProjectPage",
    "ProjectPartner",
    "SectorContactPerson",
    "Topic",
    "companies_of_sector",
    "company_cards",
    "upcoming_meetings",
]
