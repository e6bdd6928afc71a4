"""Text that people typed, safe to put into a CSV or XLSX cell."""

# Spreadsheet programs run cells that start with these characters as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(value):
    """`value` as text that no spreadsheet program runs as a formula (a leading apostrophe)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
