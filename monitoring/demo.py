"""The monitoring channel's part of ``manage.py seed_demo``: an Alertmanager source
"Prometheus (demo)" with rules for internet banking (its application CI, impact 1) and the
card switch (urgency 1), the web-hosting service by default, and one disk alert posted
through the same door real alerts take. Idempotent: the source is found by name, and a
second run's alert is a repeat of the first (its count goes up, nothing new opens).

The source's token is not shown anywhere: an admin rotates it (admin, or ``rotate-token``)
to connect a real Alertmanager."""

from django.db import transaction

from catalog.models import ConfigurationItem, Service

from .models import AlertSource
from .payloads import parse
from .services import alert_source_save, alerts_receive

DEMO_SOURCE = "Prometheus (demo)"
DEMO_ALERT = {
    "version": "4", "groupKey": "{}:{alertname=\"NodeFilesystemAlmostFull\"}", "status": "firing",
    "receiver": "servicedesk",
    "alerts": [{
        "status": "firing",
        "labels": {"alertname": "NodeFilesystemAlmostFull", "instance": "web-node-02:9100", "job": "node",
                   "mountpoint": "/srv", "severity": "warning"},
        "annotations": {"summary": "Filesystem /srv on web-node-02 is 91% full",
                        "description": "Less than 9% space left on /srv; at the current rate it fills in 6 hours.",
                        "runbook_url": "https://runbooks.example.com/node/filesystem-almost-full"},
        "startsAt": "2030-01-01T06:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
        "generatorURL": "http://prometheus.demo.example:9090/graph?g0.expr=node_filesystem_avail_bytes",
    }],
}


@transaction.atomic
def seed(*, users: dict) -> dict:
    services = {service.name: service for service in Service.objects.filter(
        name__in=["Web hosting", "Internet banking", "Card payments"])}
    cis = {ci.name: ci for ci in ConfigurationItem.objects.filter(name__in=["ib-app", "card-switch",
                                                                        "web-node-02"])}
    rules = [
        {"match": {"job": "internet-banking"}, "service": services.get("Internet banking"), "ci": cis.get("ib-app"),
         "impact": 1, "urgency": None},
        {"match": {"job": "card-switch"}, "service": services.get("Card payments"), "ci": cis.get("card-switch"),
         "impact": None, "urgency": 1},
        {"match": {"instance": "web-node-02:9100"}, "service": services.get("Web hosting"),
         "ci": cis.get("web-node-02"), "impact": None, "urgency": None},
    ]
    source = alert_source_save(
        source=AlertSource.objects.filter(name=DEMO_SOURCE).first(), actor=users.get("admin"), rules=rules,
        data={"name": DEMO_SOURCE, "kind": "alertmanager", "default_service": services.get("Web hosting"),
              "auto_resolve": True, "active": True})
    result = alerts_receive(source=source, alerts=parse(source.kind, DEMO_ALERT))
    return {"source": source, "incidents": result.incidents}


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: the demo alert source, its rules and one alert."""
    context["monitoring"] = seed(users=context["users"])
