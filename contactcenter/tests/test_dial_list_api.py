"""The auto-dial lists' API (issue 22.2 leftovers; ``contactcenter/api/dial_lists.py``): the
lists an agent works, their entries, the next number to preview, skip and dial against the
local Twilio stub; opening hours, the retry limit, Twilio's refusals and retries, another
agent's preview, bad ids and permissions as clear 4xx answers; the schema describes it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import SkillFactory
from contactcenter.choices import DialEntryStatus
from contactcenter.models import AgentState, Call, DialList, DialListEntry, Queue
from core.roles import Role

from .test_outbound import (  # noqa: F401 - fixtures shared with the pages' tests
    CUSTOMER,
    _always_open,
    _closed_now,
    _outbound_flow,
    agent,
    callback,
    contact,
    queue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dial_list(line, queue, callback):  # noqa: F811
    return DialList.objects.create(name="Missed cards calls", queue=queue, line=line, calendar=_always_open(),
                                   max_attempts=2, retry_minutes=30)


def url(dial_list, tail=""):
    return f"/api/v1/dial-lists/{dial_list.pk}/{tail}"


def test_list_next_and_entries(api, dial_list, agent, callback):  # noqa: F811
    client = api.as_user(agent)
    listed = client.get("/api/v1/dial-lists/")
    assert listed.status_code == 200
    assert [row["id"] for row in listed.json()["results"]] == [dial_list.pk]
    assert listed.json()["results"][0]["queue_name"] == "cards"
    preview = client.post(url(dial_list, "next/"))
    assert preview.status_code == 200, preview.content
    body = preview.json()
    assert body["is_open"] is True and body["waiting"] == 1 and body["later"] == 0
    entry = body["entry"]
    assert entry["number"] == CUSTOMER and entry["contact_name"] == "Eleni Papadopoulou"
    assert entry["callback"] == callback.pk and entry["callback_reason"] == "abandoned" and entry["reserved_by_me"]
    # Reserved for this agent: asking again gives the same number; another agent gets none.
    assert client.post(url(dial_list, "next/")).json()["entry"]["id"] == entry["id"]
    other = api.as_user(_skilled_agent(dial_list))
    assert other.post(url(dial_list, "next/")).json()["entry"] is None
    entries = api.as_user(agent).get(url(dial_list, "entries/"), {"status": "pending"})
    assert entries.status_code == 200 and [e["id"] for e in entries.json()["results"]] == [entry["id"]]
    assert api.as_user(agent).get(url(dial_list, "entries/"), {"status": "done"}).json()["results"] == []
    bad = api.as_user(agent).get(url(dial_list, "entries/"), {"status": "nonsense"})
    assert bad.status_code == 400 and "status" in bad.json()


def _skilled_agent(dial_list):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from catalog.tests.factories import AgentProfileFactory

    user = get_user_model().objects.create(username=f"agent-{DialListEntry.objects.count()}-b")
    user.groups.add(Group.objects.get(name=Role.AGENT))
    AgentProfileFactory(user=user, phone="+306970000002")
    return user


def test_closed_list_previews_nothing_and_refuses_the_dial(api, dial_list, agent, twilio_stub):  # noqa: F811
    DialList.objects.filter(pk=dial_list.pk).update(calendar=_closed_now())
    client = api.as_user(agent)
    body = client.post(url(dial_list, "next/")).json()
    assert body["entry"] is None and body["is_open"] is False and body["opens_at"]
    assert "opening hours" in body["detail"]
    entry = DialListEntry.objects.get(dial_list=dial_list)
    refused = client.post(url(dial_list, f"entries/{entry.pk}/dial/"))
    assert refused.status_code == 400 and "opening_hours" in refused.json()
    assert twilio_stub.created_calls == []


def test_dial_skip_and_the_retry_limit(api, client, dial_list, agent, callback, twilio_stub):  # noqa: F811
    api_client = api.as_user(agent)
    entry_id = api_client.post(url(dial_list, "next/")).json()["entry"]["id"]
    skipped = api_client.post(url(dial_list, f"entries/{entry_id}/skip/"))
    assert skipped.status_code == 200 and skipped.json()["attempts"] == 0
    assert skipped.json()["next_attempt_at"] > timezone.now().isoformat()
    # Not due yet: a dial is refused with the time it may be tried again.
    early = api_client.post(url(dial_list, f"entries/{entry_id}/dial/"))
    assert early.status_code == 400 and "next_attempt_at" in early.json()
    for attempt in (1, 2):
        DialListEntry.objects.filter(pk=entry_id).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
        placed = api_client.post(url(dial_list, f"entries/{entry_id}/dial/"))
        assert placed.status_code == 201, placed.content
        assert placed.json()["direction"] == "outbound" and placed.json()["to_number"] == CUSTOMER
        assert twilio_stub.created_calls[-1].form["From"] == dial_list.line.number
        _outbound_flow(client, Call.objects.get(pk=placed.json()["id"]), answered=False)
        assert DialListEntry.objects.get(pk=entry_id).attempts == attempt
    assert DialListEntry.objects.get(pk=entry_id).status == DialEntryStatus.EXHAUSTED
    # No longer on the list: skip and dial are conflicts, and Twilio is not asked again.
    assert api_client.post(url(dial_list, f"entries/{entry_id}/skip/")).status_code == 409
    assert api_client.post(url(dial_list, f"entries/{entry_id}/dial/")).status_code == 409
    assert len(twilio_stub.created_calls) == 2


def test_twilio_refusal_is_400_and_a_rate_limit_202_with_a_retry(api, dial_list, agent, twilio_stub,  # noqa: F811
                                                                 django_capture_on_commit_callbacks):
    client = api.as_user(agent)
    entry_id = client.post(url(dial_list, "next/")).json()["entry"]["id"]
    twilio_stub.fail(21211)
    refused = client.post(url(dial_list, f"entries/{entry_id}/dial/"))
    assert refused.status_code == 400 and "21211" in refused.json()["detail"]
    assert refused.json()["code"] == "telephony_refused"
    DialListEntry.objects.filter(pk=entry_id).update(next_attempt_at=timezone.now(), last_result="")
    AgentState.objects.filter(user=agent).update(call=None, state="offline")
    twilio_stub.fail(20429)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        retrying = client.post(url(dial_list, f"entries/{entry_id}/dial/"))
    assert retrying.status_code == 202, retrying.content
    assert len(callbacks) == 1  # the task that tries again
    assert Call.objects.get(pk=retrying.json()["id"]).call_sid.startswith("pending-")


def test_permissions_and_bad_ids(api, dial_list, agent, make_user):  # noqa: F811
    entry = DialListEntry.objects.create(dial_list=dial_list, number="+306900000077")
    # A queue whose skill the agent lacks: its list is a 404 to them, whatever the action.
    Queue.objects.filter(pk=dial_list.queue_id).update(skill=SkillFactory(name="loans"))
    outsider = api.as_user(agent)
    assert outsider.get(url(dial_list)).status_code == 404
    assert outsider.post(url(dial_list, "next/")).status_code == 404
    assert outsider.post(url(dial_list, f"entries/{entry.pk}/skip/")).status_code == 404
    manager = api.as_user(make_user(Role.MANAGER))
    assert manager.get(url(dial_list)).status_code == 200  # managers work every list
    assert manager.post(url(dial_list, "entries/99999999999999999999/dial/")).status_code == 404
    other_list = DialList.objects.create(name="Other", queue=dial_list.queue, line=dial_list.line)
    assert manager.post(url(other_list, f"entries/{entry.pk}/skip/")).status_code == 404  # not its entry
    requester = api.as_user(make_user(Role.REQUESTER))
    assert requester.get("/api/v1/dial-lists/").status_code == 403
    assert requester.post(url(dial_list, "next/")).status_code in (403, 404)
    api.credentials()
    assert api.get("/api/v1/dial-lists/").status_code == 401


def test_the_schema_describes_the_dial_list_api(api, make_user):
    response = api.as_user(make_user(Role.ADMIN)).get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/v1/dial-lists/", "/api/v1/dial-lists/{id}/", "/api/v1/dial-lists/{id}/entries/",
                 "/api/v1/dial-lists/{id}/next/", "/api/v1/dial-lists/{id}/entries/{entry}/skip/",
                 "/api/v1/dial-lists/{id}/entries/{entry}/dial/"):
        assert path in paths, path
    dial = paths["/api/v1/dial-lists/{id}/entries/{entry}/dial/"]["post"]
    assert {"201", "202"} <= set(dial["responses"])
    assert any(p["name"] == "entry" and p["schema"]["type"] == "integer" for p in dial["parameters"])
    status = paths["/api/v1/dial-lists/{id}/entries/"]["get"]["parameters"]
    assert any(p["name"] == "status" and "pending" in p["schema"]["enum"] for p in status)
