from .opportunity import Opportunity  # noqa: F401 (crm-360)
