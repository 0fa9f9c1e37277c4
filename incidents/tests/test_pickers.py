"""The incident forms' pickers: the contact found by name (the field takes ``#id`` from the
picker and still an e-mail or phone without it), assignees limited to the team chosen (the
list and the server), CIs to the service chosen, and the priority preview, which is the
matrix's own answer (``services.priority_for``)."""

import pytest
from django.urls import reverse

from catalog.models import ContactPhone
from catalog.tests.factories import ConfigurationItemFactory, ContactFactory, ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.forms.incident import IncidentCreateForm
from incidents.models import Incident, PriorityMatrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user):
    boss = make_user(Role.AGENT, username="boss", first_name="Bea", last_name="Boss")
    member = make_user(Role.AGENT, username="mia", first_name="Mia", last_name="Member")
    outsider = make_user(Role.AGENT, username="otto", first_name="Otto", last_name="Outsider")
    team = TeamFactory(name="Cards")
    team.members.add(member)
    return {"boss": boss, "member": member, "outsider": outsider, "team": team}


def create(client, user, **data):
    client.force_login(user)
    payload = {"title": "Card declined", "channel": "phone", "impact": 2, "urgency": 2, **data}
    return client.post(reverse("incidents:create"), payload)


def test_an_assignee_outside_the_team_is_a_form_error_not_a_500(client, desk):
    response = create(client, desk["boss"], team=desk["team"].pk, assignee=desk["outsider"].pk)
    assert response.status_code == 200
    assert response.context["form"].errors["assignee"] == ["otto is not a member of Cards."]
    assert not Incident.objects.exists()
    response = create(client, desk["boss"], team=desk["team"].pk, assignee=desk["member"].pk)
    assert response.status_code == 302
    assert Incident.objects.get().assignee == desk["member"]


def test_a_team_name_with_a_percent_sign_does_not_break_the_message(desk):
    team = TeamFactory(name="100% uptime")
    form = IncidentCreateForm({"title": "x", "channel": "phone", "impact": 2, "urgency": 2, "team": team.pk,
                               "assignee": desk["outsider"].pk})
    assert not form.is_valid()
    assert form.errors["assignee"] == ["otto is not a member of 100% uptime."]


def test_the_assignee_list_follows_the_team(client, desk):
    form = IncidentCreateForm(initial={"team": desk["team"].pk})
    assert [label for _value, label in form.fields["assignee"].widget.choices] == ["---------", "Mia Member"]
    assert 'hx-get="/incidents/pick/assignees/"' in str(form["assignee"])
    client.force_login(desk["boss"])
    html = client.get(reverse("incidents:pick-assignees"), {"team": desk["team"].pk,
                                                            "assignee": desk["member"].pk}).content.decode()
    assert "Mia Member" in html and "Otto Outsider" not in html
    assert f'<option value="{desk["member"].pk}" selected>' in html
    everyone = client.get(reverse("incidents:pick-assignees"), {"team": ""}).content.decode()
    assert "Otto Outsider" in everyone and "Mia Member" in everyone


def test_the_ci_list_follows_the_service(client, desk):
    web, mail = ServiceFactory(name="Web hosting"), ServiceFactory(name="Email")
    ConfigurationItemFactory(name="web-01", service=web)
    ConfigurationItemFactory(name="mx-01", service=mail)
    client.force_login(desk["boss"])
    html = client.get(reverse("incidents:pick-cis"), {"service": web.pk}).content.decode()
    assert "web-01" in html and "mx-01" not in html
    response = create(client, desk["boss"], service=web.pk, ci=ConfigurationItemFactory(name="mx-02",
                                                                                           service=mail).pk)
    assert response.status_code == 200
    assert response.context["form"].errors["ci"] == ["mx-02 belongs to Email, not to the service chosen."]


def test_the_priority_preview_is_the_matrix(client, desk):
    PriorityMatrix.objects.update_or_create(impact=1, urgency=3, defaults={"priority": 4})  # an admin's change
    client.force_login(desk["boss"])
    for impact in (1, 2, 3):
        for urgency in (1, 2, 3):
            html = client.get(reverse("incidents:pick-priority"), {"impact": impact, "urgency": urgency}).content
            assert f'data-priority="{services.priority_for(impact, urgency)}"'.encode() in html
    assert b"data-priority" not in client.get(reverse("incidents:pick-priority"), {"impact": 9, "urgency": "x"}).content


def test_the_helpers_are_for_staff(client, make_user):
    client.force_login(make_user(Role.REQUESTER, username="rita"))
    assert client.get(reverse("incidents:pick-assignees")).status_code == 403
    assert client.get(reverse("incidents:pick-priority"), {"impact": 1, "urgency": 1}).status_code == 403


def test_the_contact_picked_by_name_or_typed_as_before(client, desk):
    eleni = ContactFactory(name="Eleni Papadopoulou", email="eleni@acme.test")
    ContactPhone.objects.create(contact=eleni, number="+302101234567")
    assert create(client, desk["boss"], contact=f"#{eleni.pk}").status_code == 302  # what the picker submits
    assert create(client, desk["boss"], contact="eleni@acme.test").status_code == 302  # typed, no script
    assert create(client, desk["boss"], contact="0030 210 1234567").status_code == 302
    assert list(Incident.objects.values_list("contact", flat=True)) == [eleni.pk] * 3
    page = client.get(reverse("incidents:edit", args=[Incident.objects.first().pk])).content.decode()
    assert 'data-picker-label="Eleni Papadopoulou"' in page and 'id="priority-preview"' in page
