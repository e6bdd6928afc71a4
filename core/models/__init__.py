from .base import BasePage, ChildIndexPage, ContactSettings, IntroBodyPage, IntroPage, LegalPagesSettings
from .scheduled import BERLIN, ScheduledPage

__all__ = [
    "BERLIN",
    "BasePage",
    "ChildIndexPage",
    "ContactSettings",
    "IntroBodyPage",
    "IntroPage",
    "LegalPagesSettings",
    "ScheduledPage",
]
