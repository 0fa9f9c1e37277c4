"""Linking open incidents to a master in bulk: a history row per linked incident and one
line on the major incident's timeline."""

import pytest

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.choices import TimelineKind
from incidents.models import Incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(make_user):
    boss = make_user(Role.MANAGER, username="mia-manager")
    service = ServiceFactory(name="Card payments", owner_team=TeamFactory(manager=boss))
    rita = make_user(Role.REQUESTER, username="rita")
    reports = [services.incident_create(title=f"Cannot pay {n}", actor=rita, service=service) for n in range(3)]
    return {"boss": boss, "service": service, "reports": reports}


class TestLinkToMaster:
    def test_declaring_links_the_open_reports_with_a_history_row_each_and_one_timeline_line(self, outage):
        # given three open reports of the same service
        master, *others = outage["reports"]
        # when a major incident is declared on the first
        major = services.major_incident_declare(incident=master, actor=outage["boss"], summary="Payments down")
        # then the other two are linked, each with a history row saying so, by the declarer
        for other in others:
            assert Incident.objects.get(pk=other.pk).parent_id == master.pk
            latest = other.history.order_by("-history_date", "-history_id").first()
            assert latest.parent_id == master.pk and latest.history_user == outage["boss"]
            assert latest.history_change_reason == f"linked to {master.number}"
        # and the war room has one line for both
        links = list(major.timeline.filter(kind=TimelineKind.LINK))
        assert len(links) == 1
        assert all(other.number in links[0].text for other in others)

    def test_the_service_skips_incidents_already_linked_and_writes_nothing_when_none_is_left(self, outage):
        master, first, second = outage["reports"]
        services.incident_link_to_master(master=master, incidents=[first], actor=outage["boss"])
        rows = first.history.count()
        linked = services.incident_link_to_master(master=master, incidents=[first, second], actor=outage["boss"])
        assert [incident.pk for incident in linked] == [second.pk]
        assert first.history.count() == rows
        assert services.incident_link_to_master(master=master, incidents=[first, second], actor=None) == []
