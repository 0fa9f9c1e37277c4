"""Fixtures for the status page's tests: a manager who runs major incidents and a helper
that declares one through the real incidents services."""

import pytest

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents import services as incidents


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, username="mia-manager", email="mia@example.test", first_name="Mia",
                     last_name="Managerson")


@pytest.fixture
def declare(manager, django_capture_on_commit_callbacks):
    """``declare(service, impact=..., services=[...])`` → a major incident, with the
    on-commit signals fired (as after a real request)."""

    def make(service=None, *, summary="Card payments are failing", impact="major_outage", services=None,
             title="Payments fail at checkout"):
        service = service or ServiceFactory()
        with django_capture_on_commit_callbacks(execute=True):
            incident = incidents.incident_create(title=title, actor=manager, service=service)
            return incidents.major_incident_declare(incident=incident, actor=manager, summary=summary, impact=impact,
                                                    services=services)

    return make


@pytest.fixture
def post_update(manager, django_capture_on_commit_callbacks):
    """``post_update(major, body=..., audiences=[...])`` → the stakeholder update, signals fired."""

    def make(major, *, body="We are looking into it.", what="Card payments", audiences=("public",), **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return incidents.major_incident_post_update(major=major, actor=manager, audiences=list(audiences),
                                                        what=what, body=body, **kwargs)

    return make


@pytest.fixture
def resolve(manager, django_capture_on_commit_callbacks):
    def make(major, resolution="Restarted the payment switch."):
        with django_capture_on_commit_callbacks(execute=True):
            return incidents.major_incident_transition(major=major, actor=manager, action="resolve",
                                                       resolution=resolution)

    return make
