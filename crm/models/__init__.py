from .complaint import Complaint  # noqa: F401 (crm-complaints)
from .opportunity import Opportunity  # noqa: F401 (crm-360)
from .survey import Survey  # noqa: F401 (crm-complaints)
