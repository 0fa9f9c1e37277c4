"""Issue 24, item 9: any agent flags a suspected major incident; the flag is the existing
proposal (a spike alert with no rule) that the duty manager declares or dismisses in one
click — the services, the API and the pages."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents import services
from incidents.choices import SpikeAlertStatus
from incidents.models import Incident, SpikeAlert
from incidents.services import suspected
from notifications.models import Delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user):
    boss = make_user(Role.MANAGER, username="mia-manager", email="mia@example.test")
    tech = make_user(Role.AGENT, username="tom-tech", email="tom@example.test")
    team = TeamFactory(name="Payments ops", manager=boss)
    team.members.add(tech)
    service = ServiceFactory(name="Card payments", owner_team=team)
    rita = make_user(Role.REQUESTER, username="rita", email="rita@example.test")
    incident = services.incident_create(title="Card payments fail", actor=rita, service=service)
    return {"boss": boss, "tech": tech, "service": service, "rita": rita,
            "incident": Incident.objects.get(pk=incident.pk)}


def flag(desk, reason="Three shops call about it"):
    return suspected.incident_flag_major(incident=desk["incident"], actor=desk["tech"], reason=reason)


class TestFlag:
    def test_an_agent_without_the_declare_permission_flags_and_the_duty_manager_is_told(self, desk):
        assert not services.can_declare(desk["tech"])
        alert = flag(desk)
        assert (alert.rule_id, alert.incident_id, alert.flagged_by, alert.status) == (
            None, desk["incident"].pk, desk["tech"], SpikeAlertStatus.OPEN)
        told = Delivery.objects.filter(user=desk["boss"], related=f"incidents.spikealert:{alert.pk}")
        assert {d.channel for d in told} == {"email", "in_app", "sms"}
        assert told.first().url == f"/major-incidents/spikes/{alert.pk}/"
        assert desk["incident"].number in told.first().subject
        again = suspected.incident_flag_major(incident=desk["incident"], actor=desk["boss"], reason="Me too")
        assert again.pk == alert.pk and SpikeAlert.objects.count() == 1 and told.count() == 3

    def test_guards(self, desk):
        with pytest.raises(ValidationError):
            flag(desk, reason="  ")
        with pytest.raises(PermissionDenied):
            suspected.incident_flag_major(incident=desk["incident"], actor=desk["rita"], reason="Broken")
        no_service = services.incident_create(title="Odd", actor=desk["tech"])
        with pytest.raises(ValidationError) as refused:
            suspected.incident_flag_major(incident=no_service, actor=desk["tech"], reason="Odd")
        assert "service" in refused.value.message_dict
        services.incident_start(incident=desk["incident"], actor=desk["tech"])
        services.incident_resolve(incident=Incident.objects.get(pk=desk["incident"].pk), actor=desk["tech"],
                                  resolution_code="fixed", resolution="Done")
        with pytest.raises(InvalidTransitionError):
            flag(desk)
        assert not SpikeAlert.objects.exists()

    def test_declaring_the_flag_makes_its_incident_the_master_and_tells_the_flagger(self, desk):
        other = services.incident_create(title="Cards declined", actor=desk["rita"], service=desk["service"])
        alert = flag(desk)
        declared = services.spike_alert_declare(alert=alert, actor=desk["boss"])
        assert declared.status == SpikeAlertStatus.DECLARED and declared.decided_by == desk["boss"]
        major = declared.major_incident
        assert major.incident_id == desk["incident"].pk
        assert Incident.objects.get(pk=other.pk).parent_id == desk["incident"].pk
        assert Delivery.objects.filter(user=desk["tech"], related=f"incidents.spikealert:{alert.pk}",
                                       url=major.get_absolute_url()).exists()
        with pytest.raises(InvalidTransitionError):
            services.spike_alert_declare(alert=alert, actor=desk["boss"])
        # a major incident is active on the service: nothing more to flag there
        assert not suspected.may_flag(desk["tech"], Incident.objects.get(pk=other.pk))

    def test_dismissing_tells_the_flagger_and_a_new_flag_may_follow(self, desk):
        alert = flag(desk)
        services.spike_alert_dismiss(alert=alert, actor=desk["boss"])
        told = Delivery.objects.get(user=desk["tech"], related=f"incidents.spikealert:{alert.pk}")
        assert told.url == f"/incidents/{desk['incident'].pk}/"
        assert flag(desk, reason="Now the whole region").pk != alert.pk


class TestApiAndPages:
    def test_flag_over_the_api_and_decide_on_spike_alerts(self, api, desk):
        url = f"/api/v1/incidents/{desk['incident'].pk}/flag-major/"
        assert api.as_user(desk["tech"]).post(url, {}, format="json").status_code == 400
        made = api.as_user(desk["tech"]).post(url, {"reason": "Shops call"}, format="json")
        assert made.status_code == 201, made.content
        body = made.json()
        assert (body["rule"], body["incident"], body["flagged_by"], body["window_minutes"]) == (
            None, desk["incident"].pk, desk["tech"].pk, None)
        listed = api.as_user(desk["boss"]).get("/api/v1/spike-alerts/?status=open").json()["results"]
        assert [a["id"] for a in listed] == [body["id"]]
        declared = api.as_user(desk["boss"]).post(f"/api/v1/spike-alerts/{body['id']}/declare/", {}, format="json")
        assert declared.status_code == 200 and declared.json()["status"] == "declared"

    def test_the_incident_page_button_and_the_one_click_page(self, client, desk):
        client.force_login(desk["tech"])
        page = client.get(f"/incidents/{desk['incident'].pk}/").content.decode()
        assert 'data-testid="flag-major-form"' in page
        posted = client.post(f"/major-incidents/flag/{desk['incident'].pk}/", {"reason": "Shops call"})
        assert posted.status_code == 302
        alert = SpikeAlert.objects.get()
        assert 'data-testid="flag-major-form"' not in client.get(f"/incidents/{desk['incident'].pk}/").content.decode()
        client.force_login(desk["boss"])
        spike_page = client.get(f"/major-incidents/spikes/{alert.pk}/").content.decode()
        assert 'data-testid="flag"' in spike_page and "Shops call" in spike_page
        assert 'data-action="declare"' in spike_page
        listing = client.get("/major-incidents/").content.decode()
        assert 'data-testid="flag"' in listing
        decided = client.post(f"/major-incidents/spikes/{alert.pk}/declare/")
        assert decided.status_code == 302
        alert.refresh_from_db()
        assert alert.status == "declared" and decided["Location"] == alert.major_incident.get_absolute_url()
