"""Fixtures shared by the incidents tests of set-based writes (test_set_based, test_write_sql)."""

import pytest

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from sla.tests.factories import PolicyFactory


@pytest.fixture
def desk(make_user):
    """A service desk team (a manager, an agent) on one service, with the incidents' SLA policy."""
    boss = make_user(Role.MANAGER, username="mia-manager", email="mia@example.test")
    agent = make_user(Role.AGENT, username="ann", email="ann@example.test")
    team = TeamFactory(name="Service Desk", manager=boss)
    team.members.add(agent)
    service = ServiceFactory(name="Internet banking", owner_team=team)
    policy = PolicyFactory(name="incidents", response_minutes=60, resolution_minutes=480, pause_on=["on_hold"])
    return {"boss": boss, "agent": agent, "team": team, "service": service, "policy": policy}
