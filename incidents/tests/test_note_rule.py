"""The internal-note rule, decided once in incident_add_note: a requester writes comments
only; asking for an internal note is refused, through the service and the API alike."""

import pytest
from django.core.exceptions import PermissionDenied

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents import services
from incidents.models import IncidentNote

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(make_user):
    requester = make_user(Role.REQUESTER, username="req")
    incident = services.incident_create(title="Mail down", actor=requester, service=ServiceFactory())
    return requester, incident


class TestInternalNoteRule:
    def test_the_service_refuses_a_requesters_internal_note_and_writes_nothing(self, reported):
        # given a requester's own incident
        requester, incident = reported
        # when they ask for an internal note, then it is refused with the reason
        with pytest.raises(PermissionDenied) as refused:
            services.incident_add_note(incident=incident, actor=requester, body="sneaky", visibility="internal")
        assert str(refused.value) == "Requesters write comments, not internal work notes."
        assert not IncidentNote.objects.exists()

    def test_a_requester_who_does_not_say_writes_a_comment(self, reported):
        requester, incident = reported
        note = services.incident_add_note(incident=incident, actor=requester, body="any news?")
        assert note.visibility == "public"

    def test_the_api_answers_the_services_refusal_as_403_with_the_reason(self, reported, api):
        requester, incident = reported
        response = api.as_user(requester).post(f"/api/v1/incidents/{incident.pk}/notes/",
                                               {"body": "sneaky", "visibility": "internal"}, format="json")
        assert response.status_code == 403
        assert response.json() == {"detail": "Requesters write comments, not internal work notes.",
                                   "code": "permission_denied"}
        assert not IncidentNote.objects.exists()
