"""Choices of the company directory that are the same on every page: Bochum's districts and the
companies' size classes."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.slugs import german_ascii

# Bochum's six boroughs (Stadtbezirke) and their districts (Stadtteile), as the city's statistics
# name them. Proper names: the same in every language.
BOROUGHS = {
    "Bochum-Mitte": [
        "Altenbochum",
        "Gleisdreieck",
        "Grumme",
        "Hamme",
        "Hofstede",
        "Hordel",
        "Kruppwerke",
        "Riemke",
        "Südinnenstadt",
    ],
    "Wattenscheid": [
        "Eppendorf",
        "Günnigfeld",
        "Höntrop",
        "Leithe",
        "Sevinghausen",
        "Wattenscheid-Mitte",
        "Westenfeld",
    ],
    "Bochum-Nord": ["Bergen/Hiltrop", "Gerthe", "Harpen/Rosenberg", "Kornharpen/Voede-Abzweig"],
    "Bochum-Ost": ["Laer", "Langendreer", "Langendreer-Alter Bahnhof", "Werne"],
    "Bochum-Süd": ["Querenburg", "Stiepel", "Wiemelhausen/Brenschede"],
    "Bochum-Südwest": ["Dahlhausen", "Linden", "Weitmar-Mark", "Weitmar-Mitte"],
}


def district_slug(name):
    return slugify(german_ascii(name.replace("/", "-")))


DISTRICTS = {district_slug(name): name for names in BOROUGHS.values() for name in names}
# For a select element: the districts grouped by borough.
DISTRICT_CHOICES = [(borough, [(district_slug(name), name) for name in names]) for borough, names in BOROUGHS.items()]


class SizeBand(models.TextChoices):
    """The EU's size classes of enterprises, by employees."""

    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250+", _("250 employees or more")
