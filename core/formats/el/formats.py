"""Greek dates (docs/agents.md, "Dates and languages"): day first as in Greece, a short month
in long dates ("7 Δεκ 2026"; the genitive after a day without a year), day/month/year in
short ones, a 24-hour clock (Django's own Greek formats use a.m./p.m.)."""

DATE_FORMAT = "j M Y"  # 7 Δεκ 2026
DATETIME_FORMAT = "j M Y, H:i"  # 7 Δεκ 2026, 14:05
SHORT_DATE_FORMAT = "d/m/Y"  # 07/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 07/12/2026 14:05
TIME_FORMAT = "H:i"  # 14:05
YEAR_MONTH_FORMAT = "F Y"  # Δεκέμβριος 2026
MONTH_DAY_FORMAT = "j E"  # 7 Δεκεμβρίου
