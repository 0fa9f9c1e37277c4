"""The demo organisation (``manage.py seed_demo``): every app's demo records are there, and
seeding again changes nothing.

One test for every app's demo, on a committed copy of the seeded demo that the API fuzz test
also uses (``tests/dbsetup.seeded_database``: ``seed_demo`` runs for real once per version of
the code into a template database, and each use clones it in about a second). The second
``seed_demo`` runs here, so the demo is seeded twice in all, where each app's own test used to
seed it twice (eleven runs of 5–12 s each per suite). Transactional: the clone is committed, and
the requests made here commit too."""

import os

import pytest
from django.core.management import call_command
from django.http import HttpRequest

from catalog import demo as catalog_demo
from tests import dbsetup

pytestmark = pytest.mark.django_db(transaction=True)


def _seed():
    call_command("seed_demo", password=catalog_demo.DEMO_PASSWORD, stdout=open(os.devnull, "w"))  # noqa: SIM115


def _snapshot() -> dict:
    """What a second ``seed_demo`` must leave exactly as it was."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    from catalog.models import Contact, ContactPhone, Customer, Service
    from changes.models import Change
    from contactcenter.models import Call, Callback, MenuOption
    from crm.models import Complaint, Opportunity, Survey
    from incidents.models import Incident, MajorIncident
    from knowledge.models import Article, ArticleFeedback, ArticleVersion
    from monitoring.models import AlertSource
    from problems.models import KnownError, Problem
    from servicerequests.models import ServiceRequest
    from sla.models import SLAPolicy, SLATimer

    return {
        "services": Service.objects.count(), "customers": Customer.objects.count(),
        "contacts": Contact.objects.count(), "phones": ContactPhone.objects.count(),
        "users": get_user_model().objects.count(), "sla_policies": SLAPolicy.objects.count(),
        "incidents": Incident.objects.count(),
        "incident_timers": SLATimer.objects.filter(
            content_type=ContentType.objects.get_for_model(Incident)).count(),
        "majors": MajorIncident.objects.count(), "problems": Problem.objects.count(),
        "known_errors": KnownError.objects.count(), "changes": Change.objects.count(),
        "requests": ServiceRequest.objects.count(), "calls": Call.objects.count(),
        "callbacks": Callback.objects.count(), "menu_options": MenuOption.objects.count(),
        "timers": SLATimer.objects.count(),
        "complaints": Complaint.objects.count(), "surveys": Survey.objects.count(),
        "complaint_states": sorted(set(Complaint.objects.values_list("status", flat=True))),
        "opportunities": Opportunity.objects.count(),
        "opportunity_stages": sorted(set(Opportunity.objects.values_list("stage", flat=True))),
        "articles": Article.objects.count(), "article_versions": ArticleVersion.objects.count(),
        "article_feedback": ArticleFeedback.objects.count(),
        "article_views": sorted(Article.objects.values_list("views", flat=True)),
        "alert_sources": AlertSource.objects.filter(name="Prometheus (demo)").count(),
    }


def test_the_demo_is_complete_and_seeding_it_again_changes_nothing(client):
    with dbsetup.seeded_database(_seed):
        first = _snapshot()
        from monitoring.models import Alert, AlertSource

        source = AlertSource.objects.get(name="Prometheus (demo)")
        received = Alert.objects.get(source=source).received_count
        _seed()
        assert _snapshot() == first
        # The demo's alert is the same alert received once more, not a second one.
        assert Alert.objects.get(source=source).received_count == received + 1

        _the_organisation(first, client)
        _the_crm_demo(first)
        _the_knowledge_demo()
        _the_mail_demo()
        _the_monitoring_demo(source)


def _the_organisation(first, client):
    from django.contrib.auth import get_user_model

    from catalog.models import Customer
    from core.roles import Role
    from incidents.models import Incident

    user_model = get_user_model()
    assert first["sla_policies"] >= 5 and first["incidents"] >= 5
    assert first["incident_timers"] == 2 * first["incidents"]
    for key in ("majors", "problems", "known_errors", "changes", "requests", "calls", "callbacks",
                "menu_options"):
        assert first[key] > 0, key  # every app has its demo records
    assert Incident.objects.filter(parent__isnull=False).count() == 2
    assert first["services"] >= 4 and Customer.objects.filter(tier="vip").exists()
    for role in Role.values:
        assert user_model.objects.filter(groups__name=role).exists(), role
    requester = user_model.objects.get(username="requester")
    assert requester.contact.customer.tier == "vip"
    # The login lockout (django-axes) needs the request that authenticate() is asked from.
    assert client.login(request=HttpRequest(), username="agent", password=catalog_demo.DEMO_PASSWORD)


def _the_crm_demo(first):
    from crm.models import Complaint, Opportunity, Survey

    assert set(first["complaint_states"]) >= {"received", "acknowledged", "investigating", "escalated",
                                              "responded", "closed"}
    assert set(Complaint.objects.values_list("kind", flat=True)) == {"complaint", "compliment", "suggestion"}
    assert all(number.startswith("CMP") for number in Complaint.objects.values_list("number", flat=True))
    answered = Survey.objects.filter(score__isnull=False)
    assert {"incident", "complaint"} <= set(answered.values_list("ticket_kind", flat=True))
    assert Complaint.objects.exclude(sla_timers=None).exists()

    assert first["opportunities"] >= 6
    assert first["opportunity_stages"] == sorted({"new", "qualified", "proposal", "won", "lost"})
    assert Opportunity.objects.filter(call__isnull=False).exists()


def _the_knowledge_demo():
    from knowledge.choices import ArticleAudience, ArticleStatus
    from knowledge.models import Article
    from knowledge.selectors import articles_visible_to

    published = Article.objects.filter(status=ArticleStatus.PUBLISHED)
    assert published.count() >= 12
    assert set(published.values_list("language", flat=True)) == {"en", "el", "pt", "fa"}
    assert Article.objects.filter(status=ArticleStatus.DRAFT).count() == 1
    internal = published.filter(audience=ArticleAudience.INTERNAL)
    assert internal.count() == 1 and not articles_visible_to(None).filter(pk__in=internal).exists()
    assert published.filter(known_error__isnull=False).count() == 1
    original = Article.objects.get(title="Reset your online banking password")
    assert set(original.translations.values_list("language", flat=True)) == {"el", "pt", "fa"}
    assert all(number.startswith("KB") for number in Article.objects.values_list("number", flat=True))
    assert all(a.version == 1 and a.versions.count() == 1 for a in published)
    assert all(a.reviewer_id != a.author_id for a in published.filter(audience=ArticleAudience.PUBLIC))
    assert Article.objects.filter(deflections__gt=0).exists()


def _the_mail_demo():
    from incidents.models import Incident
    from mail.demo import DEMO_ADDRESS
    from mail.models import Mailbox
    from sla.models import SLATimer

    mailbox = Mailbox.objects.get(address=DEMO_ADDRESS)
    assert (mailbox.protocol, mailbox.creates, mailbox.create_contacts) == ("push", "incident", True)
    incident = Incident.objects.get(mail_messages__message_id="<demo-invoice-export-1@tehran-textiles.example>")
    assert incident.channel == "email" and incident.contact.email == "reza@tehran-textiles.example"
    response = SLATimer.objects.get(object_id=incident.pk, content_type__model="incident", metric="response")
    assert (response.policy.channel, response.policy.response_minutes) == ("email", 120)


def _the_monitoring_demo(source):
    from monitoring.models import Alert

    assert source.kind == "alertmanager" and source.rules.count() == 3
    alert = Alert.objects.get(source=source)
    assert alert.incident.channel == "monitoring" and alert.ci.name == "web-node-02"
