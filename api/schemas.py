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
