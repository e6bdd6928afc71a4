from .pages import AccessibilityStatementPage, EasyLanguagePage, SignLanguagePage
from .reports import BarrierReport

__all__ = ["AccessibilityStatementPage", "BarrierReport", "EasyLanguagePage", "SignLanguagePage"]
