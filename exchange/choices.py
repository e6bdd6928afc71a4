"""The kinds and themes of the exchange's entries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class Theme(models.TextChoices):
    """The network's themes of cooperation."""

    RESEARCH = "research", _("Research and development partner")
    TRAINING = "training", _("Training cooperation")
    SALES = "sales", _("Sales cooperation")
    PRODUCTION = "production", _("Production capacity")
    MARKETING = "marketing", _("Marketing")
