"""The lists' machinery (core.pages.lists, core.views_lists): saved views seen by their owner
and, when shared, by the owner's team-mates only; click-to-sort headers and a ``?sort=`` that
never fails; bulk actions through each app's service, per row, with the refusals said; the
queue's queries with a saved view applied not growing with the rows."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.models import SavedView
from core.roles import Role
from incidents import services
from incidents.choices import IncidentStatus
from incidents.models import Incident
from problems import services as problem_services
from problems.choices import ProblemStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def people(make_user):
    """ann and bob in one team, carl in another; rita a requester."""
    ann, bob, carl = (make_user(Role.AGENT, username=name) for name in ("ann", "bob", "carl"))
    desk, network = TeamFactory(name="Desk"), TeamFactory(name="Network")
    desk.members.add(ann, bob)
    network.members.add(carl)
    return {"ann": ann, "bob": bob, "carl": carl, "rita": make_user(Role.REQUESTER, username="rita"),
            "team": desk, "service": ServiceFactory(name="Mail", owner_team=desk)}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- saved views ------------------------------------------------------------------------------------
class TestSavedViews:
    def test_saving_keeps_the_query_without_the_page_and_opens_the_list_with_it(self, people):
        ann = client_for(people["ann"])
        response = ann.post(reverse("lists:view-save"), {
            "list_key": "incidents", "name": "My P1s", "query": "tab=open&priority=1&sort=-created&page=3&view=9"})
        view = SavedView.objects.get(owner=people["ann"])
        assert view.query == "tab=open&priority=1&sort=-created"
        assert response.status_code == 302
        assert response["Location"] == f"/incidents/?tab=open&priority=1&sort=-created&view={view.pk}"
        page = ann.get(response["Location"])
        assert page.context["current_view"] == view
        assert "My P1s" in page.content.decode()
        # the same name again replaces it (one view per name and list)
        ann.post(reverse("lists:view-save"), {"list_key": "incidents", "name": "My P1s", "query": "tab=mine"})
        assert list(SavedView.objects.values_list("name", "query")) == [("My P1s", "tab=mine")]

    def test_history_is_written_with_who(self, people):
        ann = client_for(people["ann"])
        ann.post(reverse("lists:view-save"), {"list_key": "incidents", "name": "Mine", "query": "tab=mine"})
        view = SavedView.objects.get()
        ann.post(reverse("lists:view-delete", args=[view.pk]))
        records = list(SavedView.history.filter(id=view.pk).order_by("history_date"))
        assert [r.history_type for r in records] == ["+", "-"]
        assert all(r.history_user_id == people["ann"].pk for r in records)

    def test_a_shared_view_is_seen_by_the_team_only_and_deleted_by_its_owner_only(self, people):
        shared = SavedView.objects.create(owner=people["ann"], list_key="incidents", name="Team", query="tab=team",
                                          shared=True)
        private = SavedView.objects.create(owner=people["ann"], list_key="incidents", name="Mine", query="tab=mine")
        bob, carl = client_for(people["bob"]), client_for(people["carl"])
        assert bob.get(reverse("lists:view", args=[shared.pk])).status_code == 302
        assert bob.get(reverse("lists:view", args=[private.pk])).status_code == 404
        assert carl.get(reverse("lists:view", args=[shared.pk])).status_code == 404
        listed = bob.get(reverse("incidents:queue"))
        assert [v.name for v in listed.context["saved_views"]] == ["Team"]
        assert list(carl.get(reverse("incidents:queue")).context["saved_views"]) == []
        assert [row["view"].name for row in bob.get(reverse("lists:views")).context["rows"]] == ["Team"]
        # a team-mate sees it but may not delete it
        assert bob.post(reverse("lists:view-delete", args=[shared.pk])).status_code == 404
        assert SavedView.objects.filter(pk=shared.pk).exists()
        assert client_for(people["ann"]).post(reverse("lists:view-delete", args=[shared.pk])).status_code == 302
        assert not SavedView.objects.filter(pk=shared.pk).exists()

    def test_requesters_have_none_and_posts_need_the_csrf_token(self, people):
        rita = client_for(people["rita"])
        assert rita.get(reverse("lists:views")).status_code == 403
        assert rita.post(reverse("lists:view-save"), {"list_key": "incidents", "name": "x"}).status_code == 403
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(people["ann"])
        assert strict.post(reverse("lists:view-save"), {"list_key": "incidents", "name": "x"}).status_code == 403
        assert not SavedView.objects.exists()

    def test_an_unknown_list_or_an_empty_name_saves_nothing(self, people):
        ann = client_for(people["ann"])
        for data in ({"list_key": "nope", "name": "x"}, {"list_key": "incidents", "name": "   "}):
            assert ann.post(reverse("lists:view-save"), data).status_code == 302
        assert not SavedView.objects.exists()


# --- sorting, columns, page size -------------------------------------------------------------------
class TestSorting:
    @pytest.fixture
    def rows(self, people):
        return [services.incident_create(title=title, actor=people["ann"], service=people["service"])
                for title in ("Bravo", "Alpha", "Charlie")]

    def test_a_header_sorts_and_says_how(self, people, rows):
        ann = client_for(people["ann"])
        response = ann.get(reverse("incidents:queue"), {"tab": "open", "sort": "title", "per_page": "10"})
        assert [i.title for i in response.context["object_list"]] == ["Alpha", "Bravo", "Charlie"]
        title = next(c for c in response.context["columns"] if c["name"] == "title")
        assert title["aria_sort"] == "ascending"
        assert "sort=-title" in title["url"] and "per_page=10" in title["url"] and "tab=open" in title["url"]
        assert 'aria-sort="ascending"' in response.content.decode()
        back = ann.get(reverse("incidents:queue"), {"tab": "open", "sort": "-title"})
        assert [i.title for i in back.context["object_list"]] == ["Charlie", "Bravo", "Alpha"]
        assert next(c for c in back.context["columns"] if c["name"] == "title")["aria_sort"] == "descending"

    @pytest.mark.parametrize("params", [
        {"sort": "password"}, {"sort": "__class__"}, {"sort": "-"}, {"sort": "title;drop"},
        {"per_page": "100000"}, {"per_page": "-1"}, {"per_page": "x"}, {"cols": "nope,,,"}, {"cols": "title"},
        {"view": "abc"}, {"view": "999999"},
    ])
    def test_unknown_values_are_ignored_never_a_500(self, people, rows, params):
        response = client_for(people["ann"]).get(reverse("incidents:queue"), {"tab": "open", **params})
        assert response.status_code == 200
        assert len(response.context["object_list"]) == 3
        assert response.context["per_page"] in (10, 25, 50, 100)
        if "sort" in params:
            assert response.context["sort"] == "priority"

    def test_columns_can_be_hidden_but_not_the_number(self, people, rows):
        response = client_for(people["ann"]).get(reverse("incidents:queue"), {"tab": "open", "cols": "priority"})
        assert response.context["shown"] == {"number", "title", "priority"}
        html = response.content.decode()
        assert 'data-col="priority"' in html and 'data-col="service"' not in html


# --- bulk actions ----------------------------------------------------------------------------------
class TestBulk:
    def test_close_runs_each_row_through_the_service_and_says_what_was_refused(self, people):
        ann = people["ann"]
        resolved = services.incident_create(title="Fixed", actor=ann, service=people["service"])
        services.incident_resolve(incident=resolved, actor=ann, resolution_code="fixed", resolution="Restarted.")
        still_open = services.incident_create(title="Open", actor=ann, service=people["service"])
        response = client_for(ann).post(reverse("lists:bulk", args=["incidents"]), {
            "bulk-action": "close", "bulk-ids": [resolved.pk, still_open.pk, 999999],
            "next": "/incidents/?tab=all"}, follow=True)
        assert response.redirect_chain[-1][0] == "/incidents/?tab=all"
        said = messages_of(response)
        assert any(resolved.number in m and "done" in m for m in said), said
        assert any(m.startswith(f"{still_open.number} was not changed: You cannot close") for m in said), said
        assert any("1 ticked row could not be found" in m for m in said), said
        assert Incident.objects.get(pk=resolved.pk).status == IncidentStatus.CLOSED
        assert Incident.objects.get(pk=still_open.pk).status == IncidentStatus.NEW
        last = Incident.history.filter(id=resolved.pk).order_by("-history_date").first()
        assert (last.status, last.history_user_id, last.history_change_reason) == ("closed", ann.pk, "closed")

    def test_rows_a_person_may_not_see_are_not_touched(self, people, make_user):
        hidden = services.incident_create(title="Theirs", actor=people["rita"], service=people["service"])
        other_agent = make_user(Role.AGENT, username="dora")
        # an agent sees every incident; a requester cannot post at all
        assert client_for(people["rita"]).post(reverse("lists:bulk", args=["incidents"]), {
            "bulk-action": "assign_me", "bulk-ids": [hidden.pk]}).status_code == 403
        client_for(other_agent).post(reverse("lists:bulk", args=["incidents"]), {
            "bulk-action": "assign_me", "bulk-ids": [hidden.pk]})
        assert Incident.objects.get(pk=hidden.pk).assignee == other_agent

    def test_a_form_action_needs_its_fields_and_priority_goes_through_the_matrix(self, people):
        ann = people["ann"]
        incident = services.incident_create(title="Slow", actor=ann, service=people["service"], impact=3, urgency=3)
        url = reverse("lists:bulk", args=["incidents"])
        said = messages_of(client_for(ann).post(url, {"bulk-action": "hold", "bulk-ids": [incident.pk]}, follow=True))
        assert any("Reason" in m for m in said), said
        assert Incident.objects.get(pk=incident.pk).status == IncidentStatus.NEW
        client_for(ann).post(url, {"bulk-action": "priority", "bulk-ids": [incident.pk], "bulk-priority-impact": 1,
                                   "bulk-priority-urgency": 1})
        assert Incident.objects.get(pk=incident.pk).priority == services.priority_for(1, 1)

    def test_through_htmx_the_outcome_comes_back_without_a_reload(self, people):
        ann = people["ann"]
        incident = services.incident_create(title="Open", actor=ann, service=people["service"])
        response = client_for(ann).post(reverse("lists:bulk", args=["incidents"]), {
            "bulk-action": "close", "bulk-ids": [incident.pk, 999999]}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200 and response["HX-Trigger"] == "lists-changed"
        html = response.content.decode()
        assert f"{incident.number} was not changed: You cannot close" in html
        assert "1 ticked row could not be found" in html
        assert list(response.context["messages"]) == []  # said here, not again on the next page

    @pytest.mark.parametrize("data", [{}, {"bulk-action": "drop"}, {"bulk-action": "close"},
                                      {"bulk-action": "close", "bulk-ids": ["x"]}])
    def test_nothing_to_do_is_said_not_failed(self, people, data):
        response = client_for(people["ann"]).post(reverse("lists:bulk", args=["incidents"]), data, follow=True)
        assert response.status_code == 200 and messages_of(response)

    def test_an_unknown_list_is_404_and_get_is_refused(self, people):
        ann = client_for(people["ann"])
        assert ann.post(reverse("lists:bulk", args=["nope"]), {"bulk-action": "close"}).status_code == 404
        assert ann.get(reverse("lists:bulk", args=["incidents"])).status_code == 405

    def test_problems_close_and_investigate(self, people):
        ann = people["ann"]
        new = problem_services.problem_create(actor=ann, title="Disk fills")
        response = client_for(ann).post(reverse("lists:bulk", args=["problems"]), {
            "bulk-action": "close", "bulk-ids": [new.pk]}, follow=True)
        assert any(new.number in m and "was not changed" in m for m in messages_of(response))
        client_for(ann).post(reverse("lists:bulk", args=["problems"]), {"bulk-action": "investigate",
                                                                         "bulk-ids": [new.pk]})
        assert type(new).objects.get(pk=new.pk).status == ProblemStatus.INVESTIGATING

    def test_changes_close_is_refused_by_the_service_for_a_draft(self, people):
        from changes import services as change_services
        from changes.models import Change

        draft = change_services.change_create(actor=people["ann"], title="Patch the mail servers")
        response = client_for(people["ann"]).post(reverse("lists:bulk", args=["changes"]), {
            "bulk-action": "close", "bulk-ids": [draft.pk]}, follow=True)
        assert any(m.startswith(f"{draft.number} was not changed:") for m in messages_of(response))
        assert Change.objects.get(pk=draft.pk).status == draft.status
        listed = client_for(people["ann"]).get(reverse("changes:list"))
        assert listed.status_code == 200 and 'data-testid="bulk-close"' in listed.content.decode()

    def test_requests_cancel_needs_a_reason_and_refuses_what_can_no_longer_be_cancelled(self, people, make_user):
        from catalog.services import profile_for
        from servicerequests import services as request_services
        from servicerequests.choices import RequestStatus
        from servicerequests.models import ServiceRequest
        from servicerequests.tests.factories import CatalogItemFactory

        profile = profile_for(people["rita"])
        profile.manager = make_user(Role.REQUESTER, username="mona")
        profile.save()
        item = CatalogItemFactory(name="Laptop", approvals=[{"level": 1, "approver": "manager"}])
        waiting, done = (request_services.request_submit(item=item, actor=people["rita"], answers={})
                         for _ in range(2))
        request_services.request_cancel(request=done, actor=people["rita"])
        url = reverse("lists:bulk", args=["requests"])
        ann = client_for(people["ann"])
        ann.post(url, {"bulk-action": "cancel", "bulk-ids": [waiting.pk]})
        assert ServiceRequest.objects.get(pk=waiting.pk).status != RequestStatus.CANCELLED  # no reason given
        response = ann.post(url, {"bulk-action": "cancel", "bulk-ids": [waiting.pk, done.pk],
                                  "bulk-cancel-reason": "Ordered twice"}, follow=True)
        said = messages_of(response)
        assert any(waiting.number in m and "done" in m for m in said), said
        assert any(m.startswith(f"{done.number} was not changed:") for m in said), said
        assert ServiceRequest.objects.get(pk=waiting.pk).status == RequestStatus.CANCELLED
        page = ann.get(reverse("requests:queue"), {"tab": "all", "sort": "number"})
        assert [r.pk for r in page.context["rows"]] == sorted([waiting.pk, done.pk])
        assert next(c for c in page.context["columns"] if c["name"] == "number")["aria_sort"] == "ascending"


# --- queries ---------------------------------------------------------------------------------------
def test_the_queue_with_a_saved_view_does_not_grow_with_the_rows(people, django_assert_max_num_queries):
    ann = people["ann"]
    view = SavedView.objects.create(owner=ann, list_key="incidents", name="Open", query="tab=open&sort=-created",
                                    shared=True)
    SavedView.objects.create(owner=people["bob"], list_key="incidents", name="Bob's", query="tab=all", shared=True)
    client = client_for(ann)

    def add(count):
        for n in range(count):
            incident = services.incident_create(title=f"Row {n}", actor=ann, service=people["service"])
            services.incident_assign(incident=incident, actor=ann, assignee=people["bob"])

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"/incidents/?{view.query}&view={view.pk}")
        assert response.status_code == 200 and response.context["current_view"] == view
        assert len(response.context["saved_views"]) == 2
        return len(response.context["object_list"]), len(ctx.captured_queries)

    add(2)
    rows_few, few = queries()
    add(10)
    rows_many, many = queries()
    assert (rows_few, rows_many) == (2, 12)
    assert many == few, f"{few} queries for 2 rows, {many} for 12"
    with django_assert_max_num_queries(14):  # 12 measured
        client.get(f"/incidents/?{view.query}&view={view.pk}")
