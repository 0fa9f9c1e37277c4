"""The other staff lists on the lists' machinery (issue 21, item 8): the complaint register,
major incidents, alerts and the knowledge agent list — click-to-sort columns (an unknown sort
is ignored), saved views, and bulk actions through each app's service with per-row refusals."""

import pytest
from django.test import Client
from django.urls import reverse

from core.models import SavedView
from core.roles import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def ann(make_user):
    return make_user(Role.AGENT, username="ann")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def numbers(response, name) -> list[str]:
    return [row.number for row in response.context[name]]


# --- complaints -----------------------------------------------------------------------------------
class TestComplaints:
    def test_sorting_by_a_column_and_an_unknown_sort_ignored(self, ann):
        from crm.tests.factories_complaint import ComplaintFactory

        low, high = ComplaintFactory(severity=3), ComplaintFactory(severity=1)
        client = client_for(ann)
        url = reverse("crm:complaints")
        by_severity = client.get(url, {"sort": "severity"})
        assert numbers(by_severity, "complaints") == [high.number, low.number]
        assert numbers(client.get(url, {"sort": "-severity"}), "complaints") == [low.number, high.number]
        head = {c["name"]: c for c in by_severity.context["columns"]}
        assert head["severity"]["aria_sort"] == "ascending" and "sort=-severity" in head["severity"]["url"]
        unknown = client.get(url, {"sort": "nonsense"})
        assert unknown.status_code == 200 and unknown.context["sort"] == "newest"

    def test_a_saved_view_opens(self, ann):
        client = client_for(ann)
        response = client.post(reverse("lists:view-save"), {"list_key": "complaints", "name": "Severe",
                                                            "query": "sort=severity&cols=status"})
        view = SavedView.objects.get(owner=ann, list_key="complaints")
        assert response["Location"] == f"/crm/complaints/?sort=severity&cols=status&view={view.pk}" or \
            response["Location"].endswith(f"?sort=severity&cols=status&view={view.pk}")
        page = client.get(response["Location"])
        assert page.status_code == 200 and page.context["current_view"] == view
        assert page.context["shown"] == {"number", "subject", "status"}

    def test_bulk_acknowledge_through_the_service_and_close_refused(self, ann):
        from crm.choices import ComplaintStatus
        from crm.models import Complaint
        from crm.tests.factories_complaint import ComplaintFactory

        first, second = ComplaintFactory(), ComplaintFactory()
        client = client_for(ann)
        listed = client.get(reverse("crm:complaints"))
        assert 'data-testid="bulk-acknowledge"' in listed.content.decode()
        done = client.post(reverse("lists:bulk", args=["complaints"]), {
            "bulk-action": "acknowledge", "bulk-ids": [first.pk]}, follow=True)
        assert any(first.number in m for m in messages_of(done))
        first.refresh_from_db()
        assert first.status == ComplaintStatus.ACKNOWLEDGED and first.owner == ann
        assert Complaint.history.filter(id=first.pk, history_user=ann).exists()
        refused = client.post(reverse("lists:bulk", args=["complaints"]), {
            "bulk-action": "close", "bulk-ids": [second.pk]}, follow=True)
        assert any(m.startswith(f"{second.number} was not changed:") for m in messages_of(refused))
        assert Complaint.objects.get(pk=second.pk).status == ComplaintStatus.RECEIVED

    def test_a_requester_cannot_bulk(self, make_user):
        from crm.choices import ComplaintStatus
        from crm.models import Complaint
        from crm.tests.factories_complaint import ComplaintFactory

        complaint = ComplaintFactory()
        rita = client_for(make_user(Role.REQUESTER, username="rita"))
        response = rita.post(reverse("lists:bulk", args=["complaints"]), {
            "bulk-action": "acknowledge", "bulk-ids": [complaint.pk]})
        assert response.status_code in (302, 403)
        assert Complaint.objects.get(pk=complaint.pk).status == ComplaintStatus.RECEIVED


# --- major incidents ------------------------------------------------------------------------------
class TestMajorIncidents:
    def test_sorting_by_a_column_and_an_unknown_sort_ignored(self, ann):
        from datetime import timedelta

        from django.utils import timezone

        from incidents.tests.factories import MajorIncidentFactory

        now = timezone.now()
        old = MajorIncidentFactory(declared_at=now - timedelta(days=2))
        new = MajorIncidentFactory(declared_at=now - timedelta(hours=1))
        client = client_for(ann)
        url = reverse("major:list")
        oldest = client.get(url, {"sort": "declared"})
        assert [m.pk for m in oldest.context["majors"]] == [old.pk, new.pk]
        assert [m.pk for m in client.get(url, {"sort": "-declared"}).context["majors"]] == [new.pk, old.pk]
        head = {c["name"]: c for c in oldest.context["columns"]}
        assert head["declared"]["aria_sort"] == "ascending" and "aria-sort=\"ascending\"" in oldest.content.decode()
        unknown = client.get(url, {"sort": "nonsense"})
        assert unknown.status_code == 200 and unknown.context["sort"] == "active"

    def test_a_saved_view_opens(self, ann):
        client = client_for(ann)
        response = client.post(reverse("lists:view-save"), {"list_key": "majors", "name": "Latest",
                                                            "query": "sort=-declared&cols=status"})
        view = SavedView.objects.get(owner=ann, list_key="majors")
        assert response["Location"].endswith(f"?sort=-declared&cols=status&view={view.pk}")
        page = client.get(response["Location"])
        assert page.status_code == 200 and page.context["current_view"] == view
        assert page.context["shown"] == {"number", "summary", "status"}
        assert "Latest" in page.content.decode()

    def test_bulk_mobilise_through_the_service_refuses_an_agent(self, ann, make_user):
        from incidents.choices import MajorIncidentStatus
        from incidents.models import MajorIncident
        from incidents.tests.factories import MajorIncidentFactory

        major = MajorIncidentFactory()
        refused = client_for(ann).post(reverse("lists:bulk", args=["majors"]), {
            "bulk-action": "mobilise", "bulk-ids": [major.pk]}, follow=True)
        assert any("was not changed:" in m and major.incident.number in m for m in messages_of(refused))
        assert MajorIncident.objects.get(pk=major.pk).status == MajorIncidentStatus.DECLARED
        boss = make_user(Role.MANAGER, username="boss")
        done = client_for(boss).post(reverse("lists:bulk", args=["majors"]), {
            "bulk-action": "mobilise", "bulk-ids": [major.pk]}, follow=True)
        assert any(major.incident.number in m and "was not changed" not in m for m in messages_of(done))
        assert MajorIncident.objects.get(pk=major.pk).status == MajorIncidentStatus.MOBILISED
        assert MajorIncident.history.filter(id=major.pk, history_user=boss).exists()
        closed = client_for(boss).post(reverse("lists:bulk", args=["majors"]), {
            "bulk-action": "close", "bulk-ids": [major.pk]}, follow=True)
        assert any("was not changed:" in m for m in messages_of(closed))
        assert MajorIncident.objects.get(pk=major.pk).status == MajorIncidentStatus.MOBILISED


# --- alerts ---------------------------------------------------------------------------------------
class TestAlerts:
    def test_sorting_by_a_column_and_an_unknown_sort_ignored(self, ann):
        from monitoring.tests.factories import AlertFactory

        few, many = AlertFactory(title="Disk full", received_count=2), AlertFactory(title="CPU hot", received_count=9)
        client = client_for(ann)
        url = reverse("monitoring:alerts")
        by_title = client.get(url, {"sort": "title"})
        assert [a.pk for a in by_title.context["alerts"]] == [many.pk, few.pk]
        assert [a.pk for a in client.get(url, {"sort": "-received"}).context["alerts"]] == [many.pk, few.pk]
        assert [a.pk for a in client.get(url, {"sort": "received"}).context["alerts"]] == [few.pk, many.pk]
        head = {c["name"]: c for c in by_title.context["columns"]}
        assert head["alert"]["aria_sort"] == "ascending" and "sort=-title" in head["alert"]["url"]
        # the HTMX partial (what a click on a heading swaps in) carries the headers too
        partial = client.get(url, {"sort": "received"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="alert-results")
        assert 'aria-sort="ascending"' in partial.content.decode()
        unknown = client.get(url, {"sort": "nonsense"})
        assert unknown.status_code == 200 and unknown.context["sort"] == "last"

    def test_a_saved_view_opens_with_its_columns(self, ann):
        from monitoring.tests.factories import AlertFactory

        AlertFactory(title="Disk full")
        client = client_for(ann)
        response = client.post(reverse("lists:view-save"), {"list_key": "alerts", "name": "Firing",
                                                            "query": "status=firing&cols=status&cols=incident"})
        view = SavedView.objects.get(owner=ann, list_key="alerts")
        page = client.get(response["Location"])
        assert page.status_code == 200 and page.context["current_view"] == view
        assert page.context["shown"] == {"alert", "status", "incident"}
        assert "Disk full" in page.content.decode()

    def test_no_bulk_actions_without_a_service(self, ann):
        from monitoring.tests.factories import AlertFactory

        alert = AlertFactory()
        response = client_for(ann).post(reverse("lists:bulk", args=["alerts"]), {
            "bulk-action": "resolve", "bulk-ids": [alert.pk]})
        assert response.status_code == 404


# --- knowledge articles ---------------------------------------------------------------------------
class TestArticles:
    def test_sorting_by_a_column_and_an_unknown_sort_ignored(self, ann):
        from knowledge import services as kb

        first = kb.article_create(author=ann, title="Reset a password", body="Steps.")
        second = kb.article_create(author=ann, title="Map a drive", body="Steps.")
        client = client_for(ann)
        url = reverse("knowledge:articles")
        ascending = client.get(url, {"sort": "number"})
        assert numbers(ascending, "articles") == [first.number, second.number]
        assert numbers(client.get(url, {"sort": "-number"}), "articles") == [second.number, first.number]
        head = {c["name"]: c for c in ascending.context["columns"]}
        assert head["number"]["aria_sort"] == "ascending" and "sort=-number" in head["number"]["url"]
        unknown = client.get(url, {"sort": "nonsense"})
        assert unknown.status_code == 200 and unknown.context["sort"] == "-updated"

    def test_a_saved_view_opens(self, ann):
        client = client_for(ann)
        response = client.post(reverse("lists:view-save"), {"list_key": "articles", "name": "Drafts",
                                                            "query": "sort=number&cols=status"})
        view = SavedView.objects.get(owner=ann, list_key="articles")
        page = client.get(response["Location"])
        assert page.status_code == 200 and page.context["current_view"] == view
        assert page.context["shown"] == {"number", "title", "status"}

    def test_bulk_submit_through_the_service_and_publishing_my_own_refused(self, ann):
        from knowledge import services as kb
        from knowledge.models import Article

        article = kb.article_create(author=ann, title="Reset a password", body="Steps.")
        client = client_for(ann)
        assert 'data-testid="bulk-publish"' in client.get(reverse("knowledge:articles")).content.decode()
        done = client.post(reverse("lists:bulk", args=["articles"]), {
            "bulk-action": "submit", "bulk-ids": [article.pk]}, follow=True)
        assert any(article.number in m and "was not changed" not in m for m in messages_of(done))
        submitted = Article.objects.get(pk=article.pk)
        assert submitted.status != article.status
        assert Article.history.filter(id=article.pk, history_user=ann).count() >= 2
        refused = client.post(reverse("lists:bulk", args=["articles"]), {
            "bulk-action": "publish", "bulk-ids": [article.pk]}, follow=True)
        assert any(m.startswith(f"{article.number} was not changed:") for m in messages_of(refused))
        assert Article.objects.get(pk=article.pk).status == submitted.status
        # HTMX: the outcome alone, and the rows told to refresh
        htmx = client.post(reverse("lists:bulk", args=["articles"]), {
            "bulk-action": "publish", "bulk-ids": [article.pk]}, HTTP_HX_REQUEST="true")
        assert htmx["HX-Trigger"] == "lists-changed" and article.number in htmx.content.decode()
