"""Satisfaction surveys: sent once per ticket, answered once with no login.

The link carries a token signed with ``django.core.signing.TimestampSigner`` (salt
``crm.survey``) over the survey's id: a forged token fails the signature, an old one
``max_age`` (``CRM_SURVEY_TOKEN_DAYS``, 14 days by default), a used one finds the survey
answered. Each is a :class:`SurveyTokenError` with its reason, for a clear page; nothing
changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalog.models import Contact
from incidents.models import Incident
from notifications.choices import Channel
from notifications.models import MessageTemplate
from notifications.services import notify
from servicerequests.models import ServiceRequest

from ..choices import SurveyChannel, SurveyTicketKind
from ..models import Complaint, Survey
from .complaint import contact_phone, tell_contact

SALT = "crm.survey"
LOW_SCORE = 2
LOW_SCORE_TEMPLATE = {
    "key": "survey-low-score",
    "description": "A customer gave a low satisfaction score: follow it up.",
    "subject": "Low satisfaction ({{ score }}/5) on {{ number }}",
    "body": "{{ contact }} scored {{ number }} {{ score }} out of 5.{% if comment %}\n\n\"{{ comment }}\"{% endif %}"
            "\n\nAgent: {{ agent }}. Please follow up with the customer.\n\n{{ site_url }}{{ url }}",
    "sms_body": "Low CSAT {{ score }}/5 on {{ number }}: please follow up.",
}


class SurveyTokenError(Exception):
    """A survey link that cannot be used: ``reason`` is forged, expired or used."""

    def __init__(self, reason: str, survey: Survey | None = None):
        super().__init__(reason)
        self.reason = reason
        self.survey = survey


def _max_age() -> timedelta:
    return timedelta(days=getattr(settings, "CRM_SURVEY_TOKEN_DAYS", 14))


def survey_token(survey: Survey) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(survey.pk))


def survey_url(survey: Survey, score: int | None = None) -> str:
    url = f"{settings.PUBLIC_BASE_URL}{reverse('crm:survey-answer', args=[survey_token(survey)])}"
    return f"{url}?score={score}" if score else url


def survey_from_token(token: str, *, for_update: bool = False) -> Survey:
    """The survey a token names, unanswered; else a :class:`SurveyTokenError`."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(str(token or "")[:200], max_age=_max_age())
    except signing.SignatureExpired:
        raise SurveyTokenError("expired") from None
    except signing.BadSignature:
        raise SurveyTokenError("forged") from None
    qs = Survey.objects.select_for_update() if for_update else Survey.objects
    survey = qs.filter(pk=int(value)).first() if value.isdigit() else None
    if survey is None:
        raise SurveyTokenError("forged")
    if survey.answered_at is not None:
        raise SurveyTokenError("used", survey)
    return survey


# --- sending ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TicketFacts:
    number: str
    title: str
    contact: Contact | None
    agent_id: int | None
    team_id: int | None
    url: str


def ticket_facts(kind: str, ticket_id: int) -> TicketFacts | None:
    """Who answers for a ticket and who is asked: its contact, agent and team."""
    if kind == SurveyTicketKind.INCIDENT:
        incident = Incident.objects.select_related("contact").filter(pk=ticket_id).first()
        if incident is None:
            return None
        contact = incident.contact
        if contact is None and incident.requester_id:
            contact = Contact.objects.filter(user_id=incident.requester_id).first()
        return TicketFacts(incident.number or "", incident.title, contact, incident.assignee_id, incident.team_id,
                           incident.get_absolute_url())
    if kind == SurveyTicketKind.REQUEST:
        request = ServiceRequest.objects.select_related("catalog_item").filter(pk=ticket_id).first()
        if request is None:
            return None
        contact = Contact.objects.filter(user_id=request.requested_for_id or request.requested_by_id).first()
        task = request.tasks.exclude(assignee=None).order_by("-completed_at", "-id").first()
        return TicketFacts(request.number or "", request.catalog_item.name, contact,
                           task.assignee_id if task else None, task.team_id if task else None,
                           request.get_absolute_url())
    if kind == SurveyTicketKind.COMPLAINT:
        complaint = Complaint.objects.select_related("contact").filter(pk=ticket_id).first()
        if complaint is None:
            return None
        return TicketFacts(complaint.number or "", complaint.subject, complaint.contact, complaint.owner_id,
                           complaint.team_id, complaint.get_absolute_url())
    raise ValueError(f"unknown ticket kind {kind!r}")


@transaction.atomic
def survey_send(*, ticket_kind: str, ticket_id: int, at: datetime | None = None) -> Survey | None:
    """Send the ticket's contact its one survey: email when the contact has an address, else
    SMS. None when it was sent before (the unique (ticket_kind, ticket_id) row decides, also
    between two concurrent runs) or when there is nobody to ask."""
    facts = ticket_facts(ticket_kind, ticket_id)
    if facts is None or facts.contact is None:
        return None
    contact = facts.contact
    phone = "" if contact.email else contact_phone(contact)
    if not contact.email and not phone:
        return None
    survey = Survey(ticket_kind=ticket_kind, ticket_id=ticket_id, ticket_number=facts.number, contact=contact,
                    customer_id=contact.customer_id, agent_id=facts.agent_id, team_id=facts.team_id,
                    channel=SurveyChannel.EMAIL if contact.email else SurveyChannel.SMS,
                    recipient=contact.email or phone, sent_at=at or timezone.now())
    try:
        with transaction.atomic():
            survey.save()
    except IntegrityError:  # sent before, or by a concurrent run: nothing new
        return None
    with translation.override(contact.language or None):
        subject = _("%(number)s: how did we do?") % {"number": facts.number}
        links = "\n".join(f"  {score}: {survey_url(survey, score)}" for score in range(5, 0, -1))
        body = _("Hello %(name)s,\n\nYour request %(number)s (%(title)s) is done. How satisfied are you, from 1 "
                 "(not at all) to 5 (very)? One click answers:\n\n%(links)s\n\nThank you.") % {
            "name": contact.name, "number": facts.number, "title": facts.title, "links": links}
        sms = _("%(number)s is done. How did we do, 1-5? %(url)s") % {"number": facts.number,
                                                                    "url": survey_url(survey)}
    tell_contact(contact, key=f"crm.survey:{survey.pk}", subject=subject, body=body, sms=sms, template="survey",
                 related=f"crm.survey:{survey.pk}", url=facts.url)
    return survey


# --- answering ----------------------------------------------------------------------------------
def _clean_score(score) -> int:
    try:
        value = int(score)
    except (TypeError, ValueError):
        value = 0
    if str(score).strip() != str(value) or not 1 <= value <= 5:
        raise ValidationError({"score": [_("Choose a score from 1 to 5.")]})
    return value


@transaction.atomic
def survey_answer(*, token: str, score, comment: str = "", at: datetime | None = None,
                  solved: bool | None = None) -> Survey:
    """The contact's answer through their link: once. A low score (≤ 2) tells the ticket's
    team manager (else the agent's manager) to follow it up. ``solved``: the optional "Was
    your issue solved the first time you contacted us?" (first-contact resolution by survey)."""
    value = _clean_score(score)
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise ValidationError({"comment": [_("Keep the comment under 2000 characters.")]})
    survey = survey_from_token(token, for_update=True)
    survey.score, survey.comment, survey.answered_at = value, comment, at or timezone.now()
    survey.solved_first_contact = solved if solved in (True, False) else None
    survey.save(update_fields=["score", "comment", "answered_at", "solved_first_contact"])
    if value <= LOW_SCORE:
        _follow_up(survey)
    return survey


def survey_manager_id(survey: Survey) -> int | None:
    """Who follows a low score up: the team's manager, else the agent's own manager."""
    if survey.team_id and survey.team.manager_id:
        return survey.team.manager_id
    if survey.agent_id:
        profile = getattr(get_user_model().objects.filter(pk=survey.agent_id).select_related("profile").first(),
                          "profile", None)
        return getattr(profile, "manager_id", None)
    return None


def _follow_up(survey: Survey) -> None:
    manager_id = survey_manager_id(survey)
    if manager_id is None:
        return
    MessageTemplate.objects.get_or_create(key=LOW_SCORE_TEMPLATE["key"], defaults={
        k: v for k, v in LOW_SCORE_TEMPLATE.items() if k != "key"})
    facts = ticket_facts(survey.ticket_kind, survey.ticket_id)
    agent = survey.agent.get_full_name() or survey.agent.username if survey.agent_id else "-"
    notify([manager_id], LOW_SCORE_TEMPLATE["key"],
           {"number": survey.ticket_number, "score": survey.score, "comment": survey.comment,
            "contact": survey.contact.name if survey.contact_id else "", "agent": agent},
           [Channel.IN_APP, Channel.EMAIL], idempotency_key=f"crm.survey-low:{survey.pk}",
           related=f"crm.survey:{survey.pk}", url=facts.url if facts else "")
