import pytest

from .factories import TOKEN, AlertSourceFactory


@pytest.fixture
def source(db):
    """An Alertmanager source whose token is ``TOKEN``."""
    return AlertSourceFactory(name="Prometheus")


@pytest.fixture
def post(api):
    """``post(source, body, token=TOKEN)``: POST to the source's events endpoint as the
    monitoring system does (bearer token, no user)."""

    def send(source, body, token=TOKEN, **extra):
        api.credentials()
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token is not None else {}
        return api.post(f"/api/v1/alert-sources/{source.pk}/events/", body, format="json", **headers, **extra)

    return send


def am_alert(name: str = "ProbeFailure", status: str = "firing", **labels) -> dict:
    """One alert of Alertmanager's webhook body."""
    return {"status": status, "labels": {"alertname": name, **labels},
            "annotations": {"summary": f"{name} on {labels.get('instance', 'the site')}",
                            "description": "Down for over 5 minutes."},
            "startsAt": "2030-02-06T13:08:45.828Z", "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus.example.com:9090/graph?g0.expr=up"}


def am_body(*alerts, status: str = "firing") -> dict:
    return {"version": "4", "groupKey": "{}:{}", "status": status, "receiver": "servicedesk", "alerts": list(alerts)}
