from .entries import Answer, Entry, Kind, Theme
from .page import ExchangeIndexPage

__all__ = ["Answer", "Entry", "ExchangeIndexPage", "Kind", "Theme"]
