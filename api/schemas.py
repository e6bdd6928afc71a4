"""What the open data API returns: the same facts the public pages show, one schema per kind."""

import datetime

from ninja import Schema


class NewsArticle(Schema):
    title: str
    url: str
    date: datetime.date
    teaser: str


class Meeting(Schema):
    title: str
    url: str
    network: str | None
    start: datetime.datetime
    end: datetime.datetime
    status: str
    venue: str
    venue_address: str
    ical: str


class Event(Schema):
    title: str
    url: str
    kind: str
    start: datetime.datetime
    end: datetime.datetime
    status: str
    attendance_mode: str
    venue: str
    venue_address: str
    ical: str


class Competence(Schema):
    name: str
    group: str


class Company(Schema):
    name: str
    url: str
    description: str
    street: str
    postcode: str
    city: str
    district: str
    size: str
    certifications: str
    website: str
    sectors: list[str]
    competences: list[Competence]
    networks: list[str]


class ExchangeEntry(Schema):
    """A public offer or request of the cooperation exchange; the poster's e-mail address is
    never part of it (answers go through the form at `url`)."""

    id: int
    title: str
    url: str
    kind: str
    theme: str
    description: str
    company: str
    company_url: str | None
    competences: list[Competence]
    posted: datetime.datetime
    expires: datetime.datetime
