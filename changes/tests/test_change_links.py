"""The incidents and problems an RFC resolves are set by change_update: under its edit guard
and recorded in the change's history, whether the page or the API asked."""

import pytest

from changes import services
from changes.choices import ChangeStatus
from changes.models import Change
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rfc(make_user):
    dev = make_user(Role.AGENT, username="dev")
    return dev, services.change_create(actor=dev, title="Patch the gateway", description="Security fix")


class TestChangeLinks:
    def test_links_set_by_change_update_are_recorded_in_history_with_the_actor(self, rfc):
        # given a draft RFC and an incident it resolves
        dev, change = rfc
        incident = IncidentFactory()
        # when the RFC is edited with the link
        services.change_update(change=change, actor=dev, incidents=[incident])
        # then the link is stored and its history says who set it
        assert list(change.incidents.all()) == [incident]
        latest = change.history.order_by("-history_date", "-history_id").first()
        assert latest.history_user == dev
        assert [row.incident_id for row in latest.incidents.all()] == [incident.pk]

    def test_links_are_refused_once_the_change_may_no_longer_be_edited(self, rfc):
        dev, change = rfc
        Change.objects.filter(pk=change.pk).update(status=ChangeStatus.CAB_REVIEW)
        with pytest.raises(InvalidTransitionError):
            services.change_update(change=change, actor=dev, problems=[])
        with pytest.raises(InvalidTransitionError):
            services.change_update(change=change, actor=dev, incidents=[IncidentFactory()])
        assert not Change.objects.get(pk=change.pk).incidents.exists()

    def test_the_api_links_through_the_service(self, rfc, api):
        dev, change = rfc
        incident = IncidentFactory()
        api.as_user(dev)
        response = api.patch(f"/api/v1/changes/{change.pk}/", {"incidents": [incident.pk]}, format="json")
        assert response.status_code == 200 and response.json()["incidents"] == [incident.pk]
        assert change.history.order_by("-history_date", "-history_id").first().history_user == dev
        Change.objects.filter(pk=change.pk).update(status=ChangeStatus.CAB_REVIEW)
        refused = api.patch(f"/api/v1/changes/{change.pk}/", {"incidents": []}, format="json")
        assert refused.status_code == 409
        assert list(Change.objects.get(pk=change.pk).incidents.all()) == [incident]
