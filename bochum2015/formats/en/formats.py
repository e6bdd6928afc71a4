"""English dates as the site's English news writes them ("26 March 2009") and times on the 24-hour
clock, as the German pages and the meetings' German time zone have them: "24 December 2026, 18:00"
instead of Django's American "Dec. 24, 2026, 6 p.m."."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
