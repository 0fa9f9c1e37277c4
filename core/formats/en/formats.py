"""English dates (docs/agents.md, "Dates and languages"): day, short month, year, and a 24-hour
clock, so that "3/4" never means two different days to a desk that serves several countries;
the short form is ISO 8601 (sorts as text, reads the same everywhere)."""

DATE_FORMAT = "j M Y"  # 7 Dec 2026
DATETIME_FORMAT = "j M Y, H:i"  # 7 Dec 2026, 14:05
SHORT_DATE_FORMAT = "Y-m-d"  # 2026-12-07
SHORT_DATETIME_FORMAT = "Y-m-d H:i"  # 2026-12-07 14:05
TIME_FORMAT = "H:i"  # 14:05
YEAR_MONTH_FORMAT = "F Y"  # December 2026
MONTH_DAY_FORMAT = "j M"  # 7 Dec
