"""The newsletter: its public page (one per language), the subscribers with their double opt-in,
the issues editors compose from news and events, and one delivery row per recipient of an issue.

A subscriber subscribes in one language (the page's) to "all news" and/or to focus sectors and
networks, named by their `translation_key` so that a German and an English topic are the same.
Only a confirmed subscriber receives issues; unsubscribing deletes the row, so nothing of a
person who left is kept (their deliveries keep no address)."""

from .issues import Delivery, Issue, IssueItem
from .page import NewsletterPage
from .subscribers import Subscriber

__all__ = ["Delivery", "Issue", "IssueItem", "NewsletterPage", "Subscriber"]
