"""The 360° timeline (issue 19): one UNION ALL query per page whatever the history's length,
newest first, ``?kind=`` filter, and who may read it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import ContactFactory, UserFactory
from contactcenter.models import Call
from core.roles import Role
from crm.models import Complaint, Opportunity, Survey
from crm.selectors import Subject, timeline, timeline_rows
from incidents.models import Incident
from incidents.tests.factories import IncidentFactory
from mail.models import MailMessage
from servicerequests.tests.factories import ServiceRequestFactory

from .factories_opportunity import OpportunityFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/contacts/{}/timeline/"
CUSTOMER_URL = "/api/v1/customers/{}/timeline/"


@pytest.fixture
def person():
    user = UserFactory(roles=[Role.REQUESTER])
    return ContactFactory(user=user, email="Maria@Example.test")


@pytest.fixture
def history(person):
    """One record of each kind, an hour apart, the call the newest."""
    now = timezone.now()
    at = {kind: now - timedelta(hours=i) for i, kind in enumerate(
        ["call", "incident", "request", "email", "complaint", "survey", "opportunity"])}
    call = Call.objects.create(call_sid="CA-history", contact=person, customer=person.customer, outcome="answered",
                               csat=4, started_at=at["call"], from_number="+302101234567")
    incident = IncidentFactory(contact=person, customer=person.customer, created_at=at["incident"], channel="phone")
    request = ServiceRequestFactory(requested_by=person.user, created_at=at["request"])
    mail = MailMessage.objects.create(direction="in", message_id="<m1@example.test>", from_address="maria@example.test",
                                      subject="Card blocked", received_at=at["email"], incident=incident)
    complaint = Complaint.objects.create(contact=person, customer=person.customer, subject="Rude answer",
                                         channel="phone", created_at=at["complaint"])
    survey = Survey.objects.create(ticket_kind="incident", ticket_id=incident.pk, contact=person,
                                   customer=person.customer, sent_at=at["survey"], channel="email")
    opportunity = OpportunityFactory(contact=person, created_at=at["opportunity"], call=call)
    return {"call": call, "incident": incident, "request": request, "email": mail, "complaint": complaint,
            "survey": survey, "opportunity": opportunity}


def test_every_kind_newest_first_with_the_api_fields(api, make_user, person, history):
    ContactFactory(customer=person.customer)  # another contact of the customer: nothing of theirs
    body = api.as_user(make_user(Role.AGENT)).get(URL.format(person.pk)).json()
    assert body["count"] == 7
    kinds = [row["kind"] for row in body["results"]]
    assert kinds == ["call", "incident", "request", "email", "complaint", "survey", "opportunity"]
    first = body["results"][0]
    assert set(first) == {"at", "kind", "id", "number", "title", "status", "channel"}
    assert first["id"] == history["call"].pk and first["status"] == "answered" and first["channel"] == "phone"
    email = body["results"][3]
    assert email["number"] == history["incident"].number and email["title"] == "Card blocked"
    assert body["results"][1]["number"] == history["incident"].number
    assert body["results"][6]["status"] == "new"


def test_kind_filter_and_unknown_kind(api, make_user, person, history):
    client = api.as_user(make_user(Role.AGENT))
    body = client.get(URL.format(person.pk), {"kind": "call,opportunity"}).json()
    assert [r["kind"] for r in body["results"]] == ["call", "opportunity"]
    body = client.get(URL.format(person.pk) + "?kind=email&kind=survey").json()
    assert [r["kind"] for r in body["results"]] == ["email", "survey"]
    bad = client.get(URL.format(person.pk), {"kind": "letter"})
    assert bad.status_code == 400 and "kind" in bad.json()


def test_the_customer_timeline_has_every_contact(api, make_user, person, history):
    other = ContactFactory(customer=person.customer)
    IncidentFactory(contact=other, customer=person.customer)
    elsewhere = ContactFactory()
    IncidentFactory(contact=elsewhere, customer=elsewhere.customer)
    body = api.as_user(make_user(Role.MANAGER)).get(CUSTOMER_URL.format(person.customer_id)).json()
    assert body["count"] == 8
    assert {r["kind"] for r in body["results"]} == {"call", "incident", "request", "email", "complaint", "survey",
                                                    "opportunity"}


def test_ties_are_ordered_by_id_and_pages_do_not_overlap(person):
    at = timezone.now()
    Call.objects.bulk_create([Call(call_sid=f"CA-tie-{i}", contact=person, started_at=at) for i in range(5)])
    rows = timeline_rows(timeline(contact=person))
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids, reverse=True)
    qs = timeline(contact=person)
    assert [r["t_id"] for r in qs[:2]] + [r["t_id"] for r in qs[2:5]] == ids


def test_roles(api, make_user, person, history):
    assert api.as_user(person.user).get(URL.format(person.pk)).status_code == 403  # even their own
    assert api.as_user(make_user(Role.REQUESTER)).get(CUSTOMER_URL.format(person.customer_id)).status_code == 403
    agent = api.as_user(make_user(Role.AGENT))
    assert agent.get(URL.format(999999)).status_code == 404
    assert agent.get(CUSTOMER_URL.format(999999)).status_code == 404
    assert agent.get(URL.format(person.pk)).status_code == 200
    api.credentials()
    assert api.get(URL.format(person.pk)).status_code == 401


def _bulk(person, n: int) -> None:
    """``n`` interactions split over calls, incidents and opportunities, one insert each."""
    now = timezone.now()
    third = n // 3
    Call.objects.bulk_create([Call(call_sid=f"CA-bulk-{n}-{i}", contact=person, customer=person.customer,
                                   outcome="answered", started_at=now - timedelta(minutes=i)) for i in range(third)])
    Incident.objects.bulk_create([Incident(title=f"Bulk {i}", contact=person, customer=person.customer,
                                           created_at=now - timedelta(minutes=i, seconds=20))
                                  for i in range(third)])
    owner = UserFactory(roles=[Role.AGENT])
    Opportunity.objects.bulk_create([Opportunity(title=f"Lead {i}", product="Card", contact=person,
                                                 customer=person.customer, owner=owner,
                                                 created_at=now - timedelta(minutes=i, seconds=40))
                                     for i in range(n - 2 * third)])


@pytest.mark.parametrize("rows", [10, 10_000])
def test_a_page_costs_the_same_queries_at_10_and_10000(api, make_user, person, rows, django_assert_num_queries):
    _bulk(person, rows)
    client = api.as_user(make_user(Role.AGENT))
    client.get(URL.format(person.pk))  # warm the caller's token and roles
    # the token with its user and roles (one statement: core.api.authentication), the contact, the count, the page
    with django_assert_num_queries(4):
        body = client.get(URL.format(person.pk), {"page": 2, "page_size": 5}).json()
    assert body["count"] == rows and len(body["results"]) == 5
    with django_assert_num_queries(4):
        body = client.get(CUSTOMER_URL.format(person.customer_id), {"kind": "incident"}).json()
    assert body["count"] == rows // 3
    ats = [r["at"] for r in body["results"]]
    assert ats == sorted(ats, reverse=True)


def test_a_contacts_requests_once_each_whichever_side_it_is_on(person):
    """Requests it asked for itself, asked for someone else, and someone asked for it: three
    rows (the timeline reads them in two parts that must not overlap), counted as three."""
    someone = UserFactory()
    mine = ServiceRequestFactory(requested_by=person.user)
    for_someone = ServiceRequestFactory(requested_by=person.user, requested_for=someone)
    for_me = ServiceRequestFactory(requested_by=someone, requested_for=person.user)
    ServiceRequestFactory(requested_by=someone)  # not theirs
    rows = timeline(contact=person, kinds=["request"])
    assert rows.count() == 3
    assert sorted(r["t_id"] for r in rows[0:10]) == sorted([mine.pk, for_someone.pk, for_me.pk])


def test_the_count_adds_up_every_source(person, history):
    other = ContactFactory(customer=person.customer)
    IncidentFactory(contact=other, customer=person.customer)
    assert timeline(contact=person).count() == 7 == len(list(timeline(contact=person)))
    assert timeline(customer=person.customer).count() == 8
    assert timeline(contact=person, kinds=["call", "survey"]).count() == 2
    assert timeline(contact=ContactFactory()).count() == 0


def test_a_long_history_is_counted_up_to_the_limit_then_estimated(api, make_user, person, settings,
                                                                   django_assert_max_num_queries):
    """Issue 23's count for the timeline: each source counted up to the limit in one query;
    exact while no source passes it (even when their sum does), else PostgreSQL's estimate
    with ``count_exact: false``, and the pages still walk every row."""
    settings.PAGINATION_EXACT_COUNT_LIMIT = 5
    _bulk(person, 12)  # 4 calls, 4 incidents, 4 opportunities: 12 > 5, no source above 5
    client = api.as_user(make_user(Role.AGENT))
    body = client.get(URL.format(person.pk)).json()
    assert body["count"] == 12 and "count_exact" not in body
    assert timeline(contact=person).count_up_to(5) == (12, True)
    _bulk(person, 9)  # 3 more of each: 7 calls, past the limit
    client.get(URL.format(person.pk))
    # token with its user, roles, the contact, the bounded counts, the estimate, the page
    with django_assert_max_num_queries(6):
        body = client.get(URL.format(person.pk), {"page_size": 8}).json()
    assert body["count_exact"] is False and body["count"] >= 8 and body["next"]
    seen = [row["id"] for row in body["results"]]
    body = client.get(body["next"]).json()
    seen += [row["id"] for row in body["results"]]
    body = client.get(body["next"]).json()
    seen += [row["id"] for row in body["results"]]
    assert body["next"] is None and body["count"] == 21 and "count_exact" not in body
    assert len(seen) == 21
    count, exact = timeline(customer=person.customer).count_up_to(5)
    assert not exact and count >= 8


def test_the_360_page_says_about_when_its_count_is_an_estimate(client, make_user, person, settings):
    settings.PAGINATION_EXACT_COUNT_LIMIT = 5
    _bulk(person, 90)
    client.force_login(make_user(Role.AGENT))
    page = client.get(f"/contacts/{person.pk}/").content.decode()
    assert "Page 1 of about" in page and 'rel="next"' in page


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tehran", "America/Sao_Paulo"])
def test_the_api_rows_are_what_the_serializer_writes_byte_for_byte(api, make_user, person, history, zone):
    """The API writes its rows without a serializer per row (crm.api.timeline.views.entries);
    the schema still describes TimelineEntrySerializer, so the two must agree exactly: the
    time in the current zone, empty numbers and statuses null, an empty title "", a survey's
    score left out."""
    from rest_framework.renderers import JSONRenderer

    from crm.api.timeline.views import TimelineEntrySerializer, entries

    Incident.objects.filter(pk=history["incident"].pk).update(title="")
    Call.objects.filter(pk=history["call"].pk).update(started_at=timezone.now().replace(microsecond=0))
    with timezone.override(zone):
        rows = list(timeline(contact=person))
        assert len(rows) == 7
        serialized = TimelineEntrySerializer([{k: v for k, v in row.items() if k != "score"}
                                              for row in timeline_rows(rows)], many=True).data
        assert JSONRenderer().render(entries(rows)) == JSONRenderer().render(serialized)
    body = api.as_user(make_user(Role.AGENT)).get(URL.format(person.pk)).json()
    assert [r["at"] for r in body["results"]][0].endswith("Z")  # the test settings' zone is UTC
    assert {r["kind"]: r["title"] for r in body["results"]}["incident"] == ""


def test_the_statements_compiled_once_answer_for_each_subject_as_the_orm_does(person, history):
    """crm.selectors compiles the timeline's SQL once per shape with stand-in values and binds
    each subject's own: two contacts of one shape, one without login or address, and a
    customer each get their own rows and counts, the same as the ORM's querysets give."""
    from crm.selectors import _Compiled

    twin = ContactFactory(user=UserFactory(), email="Twin@Example.test", customer=person.customer)
    IncidentFactory(contact=twin, customer=person.customer)
    bare = ContactFactory(user=None, email="")
    Call.objects.create(call_sid="CA-bare", contact=bare, customer=bare.customer, started_at=timezone.now())
    assert _Compiled.shape(Subject(contact=person), None) == _Compiled.shape(Subject(contact=twin), None)
    for whose in ({"contact": person}, {"contact": twin}, {"contact": bare}, {"customer": person.customer}):
        for kinds in (None, ["incident", "email"], ["request"]):
            compiled, orm = timeline(kinds=kinds, **whose), timeline(kinds=kinds, **whose)
            orm.__dict__["_sql"] = None  # the querysets' own path
            assert compiled._sql is not None
            assert compiled[0:50] == orm[0:50] and compiled[1:3] == orm[1:3], (whose, kinds)
            assert compiled.count_up_to(1000) == orm.count_up_to(1000) == (orm.count(), True)
    assert [r["t_id"] for r in timeline(contact=bare)[0:5]] == [Call.objects.get(call_sid="CA-bare").pk]
    assert len(timeline(contact=person)[0:50]) == 7 and len(timeline(contact=twin)[0:50]) == 1
