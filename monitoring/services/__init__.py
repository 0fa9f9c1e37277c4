"""Every write of the monitoring channel, by concern: ``sources`` (alert sources, their rules
and tokens) and ``ingest`` (alerts in, incidents out; the release of alerts a change window
held back). The names are re-exported here: ``services.alerts_receive(...)``."""

from .ingest import MONITORING_USERNAME, ReceiveResult, alerts_receive, alerts_release, monitoring_user
from .sources import RULE_FIELDS, WRITABLE, alert_source_rotate_token, alert_source_save

__all__ = ["MONITORING_USERNAME", "RULE_FIELDS", "WRITABLE", "ReceiveResult", "alert_source_rotate_token",
           "alert_source_save", "alerts_receive", "alerts_release", "monitoring_user"]
