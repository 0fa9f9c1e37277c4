"""Persian dates (docs/agents.md, "Dates and languages"): the Gregorian calendar (the one the
records, the SLA clocks and the other languages use) with Persian month names, year/month/day
in short dates, a 24-hour clock, and Latin digits (0-9): they are what agents type, copy into
tickets and find in incident numbers and phone numbers; in a right-to-left line the date reads
first (on the right) and the time after it."""

DATE_FORMAT = "j F Y"  # 7 دسامبر 2026
DATETIME_FORMAT = "j F Y، H:i"  # 7 دسامبر 2026، 14:05
SHORT_DATE_FORMAT = "Y/m/d"  # 2026/12/07
SHORT_DATETIME_FORMAT = "Y/m/d H:i"  # 2026/12/07 14:05
TIME_FORMAT = "H:i"  # 14:05
YEAR_MONTH_FORMAT = "F Y"  # دسامبر 2026
MONTH_DAY_FORMAT = "j F"  # 7 دسامبر
