"""Portuguese dates (docs/agents.md, "Dates and languages"): day first, a short month in long
dates ("7 Dez 2026"), day/month/year in short ones, a 24-hour clock."""

DATE_FORMAT = "j M Y"  # 7 Dez 2026
DATETIME_FORMAT = "j M Y, H:i"  # 7 Dez 2026, 14:05
SHORT_DATE_FORMAT = "d/m/Y"  # 07/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 07/12/2026 14:05
TIME_FORMAT = "H:i"  # 14:05
YEAR_MONTH_FORMAT = "F Y"  # Dezembro 2026
MONTH_DAY_FORMAT = "j M"  # 7 Dez
