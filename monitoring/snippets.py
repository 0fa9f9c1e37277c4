"""What an admin pastes into the monitoring system: the source's events address, a ``curl``
that posts a test alert, and Alertmanager's ``webhook_configs`` (docs/monitoring.md has the
Grafana steps). Shown on the source's admin page, with the token filled in only on the page
that shows the token once."""

import json

from django.urls import reverse

from .choices import SourceKind

TOKEN_PLACEHOLDER = "<token>"  # noqa: S105 - the placeholder shown where the token goes


def events_url(request, source) -> str:
    return request.build_absolute_uri(reverse("alertsource-events", args=[source.pk]))


def curl_example(url: str, source, token: str = TOKEN_PLACEHOLDER) -> str:
    if source.kind == SourceKind.GENERIC:
        body = {"alerts": [{"status": "firing", "title": "Test alert from curl", "severity": "warning",
                            "labels": {"alertname": "CurlTest", "instance": "test"}}]}
    else:
        body = {"version": "4", "status": "firing", "receiver": "servicedesk", "groupKey": "{}:{}",
                "alerts": [{"status": "firing", "labels": {"alertname": "CurlTest", "severity": "warning"},
                            "annotations": {"summary": "Test alert from curl"}}]}
    return (f"curl -sS -X POST '{url}' \\\n  -H 'Authorization: Bearer {token}' \\\n"
            f"  -H 'Content-Type: application/json' \\\n  -d '{json.dumps(body)}'")


def alertmanager_config(url: str, token: str = TOKEN_PLACEHOLDER) -> str:
    return (
        "route:\n"
        "  receiver: servicedesk\n"
        "receivers:\n"
        "  - name: servicedesk\n"
        "    webhook_configs:\n"
        f"      - url: '{url}'\n"
        "        send_resolved: true\n"
        "        max_alerts: 1000\n"
        "        http_config:\n"
        "          authorization:\n"
        "            type: Bearer\n"
        f"            credentials: '{token}'\n"
        "            # or, kept out of the file: credentials_file: /etc/alertmanager/servicedesk-token\n"
    )
