"""Every write to complaints. Each transition locks the row, checks the django-fsm guard and
the actor's permission, saves with who and why in the history, moves the SLA clocks in the
same transaction (acknowledge stops the response target, respond the resolution target) and
tells the customer after commit (at acknowledgement and at response)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed, has_transition_perm

from catalog.models import Contact, Customer, Service, Team
from contactcenter.models import Call
from core.errors import InvalidTransitionError
from core.roles import is_staff_member
from notifications.choices import Channel
from notifications.services import deliver_email, deliver_sms
from sla import services as sla

from ..choices import ComplaintChannel, ComplaintKind, ComplaintStatus, SurveyTicketKind
from ..models import Complaint
from ..tasks import send_survey

ACTION_VERBS = {"acknowledge": gettext_lazy("acknowledge"), "investigate": gettext_lazy("investigate"),
                "respond": gettext_lazy("respond to"), "escalate": gettext_lazy("escalate"),
                "close": gettext_lazy("close"), "reopen": gettext_lazy("reopen")}
EDITABLE = ("kind", "channel", "subject", "description", "service", "severity", "owner", "team", "contact",
            "incidents")


# --- telling a contact (who may have no login) ----------------------------------------------
def contact_phone(contact: Contact) -> str:
    phone = contact.phones.order_by("position", "id").values_list("number", flat=True).first()
    return phone or ""


def tell_contact(contact: Contact | None, *, key: str, subject: str, body: str, sms: str, template: str,
                 related: str = "", url: str = "") -> str:
    """Email the contact, else text them; which channel was used ('' when they have neither)."""
    if contact is None:
        return ""
    if contact.email:
        deliver_email(recipient=contact.email, subject=subject, body=body, idempotency_key=key, template=template,
                      related=related, url=url)
        return Channel.EMAIL
    phone = contact_phone(contact)
    if phone:
        deliver_sms(recipient=phone, body=sms, idempotency_key=key, template=template, related=related, url=url)
        return Channel.SMS
    return ""


def _tell(complaint: Complaint, what: str, subject: str, body: str, sms: str, key: str = "") -> None:
    from django.conf import settings  # the public address of the links, read at send time

    url = f"{settings.PUBLIC_BASE_URL}{complaint.get_absolute_url()}" if complaint.requester_id else ""
    tell_contact(complaint.contact, key=f"crm.complaint:{complaint.pk}:{key or what}", subject=subject,
                 body=body + (f"\n\n{url}" if url else ""), sms=sms, template=f"complaint-{what}",
                 related=f"crm.complaint:{complaint.pk}", url=complaint.get_absolute_url())


# --- helpers ----------------------------------------------------------------------------------
def _locked(complaint: Complaint | int) -> Complaint:
    pk = complaint.pk if isinstance(complaint, Complaint) else complaint
    return Complaint.objects.select_for_update(of=("self",)).select_related("customer", "contact").get(pk=pk)


def _guard(complaint: Complaint, action: str, actor) -> None:
    method = getattr(complaint, action)
    verb = ACTION_VERBS.get(action, action)
    if actor is not None and not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff can %(action)s complaints.") % {"action": verb})
    if not can_proceed(method):
        raise InvalidTransitionError(
            _("You cannot %(action)s a complaint that is %(status)s.")
            % {"action": verb, "status": complaint.get_status_display().lower()}, complaint.status)
    if actor is not None and not has_transition_perm(method, actor):
        raise PermissionDenied(_("Only service desk staff can %(action)s complaints.") % {"action": verb})


def _save(complaint: Complaint, actor, reason: str = "", fields: list[str] | None = None) -> None:
    complaint._history_user = actor
    complaint._change_reason = reason[:100] if reason else None
    complaint.save(update_fields=fields)


def _required(value: str | None, field: str, message: str) -> str:
    if not value or not str(value).strip():
        raise ValidationError({field: [message]})
    return str(value).strip()


def _check_owner(owner, team: Team | None) -> None:
    if owner is not None and not is_staff_member(owner):
        raise ValidationError({"owner": [_("%(user)s is not service desk staff.") % {"user": owner}]})


# --- create and edit --------------------------------------------------------------------------
@transaction.atomic
def complaint_create(*, actor, subject: str, kind: str = ComplaintKind.COMPLAINT, channel: str | None = None,
                     description: str = "", contact: Contact | None = None, customer: Customer | None = None,
                     service: Service | None = None, severity: int = 2, owner=None, team: Team | None = None,
                     incidents=(), call: Call | None = None, at: datetime | None = None) -> Complaint:
    """Record a complaint, compliment or suggestion as received: from a call (its contact and
    customer come with it), an incident (linked), the portal (a requester lodges their own:
    their contact, the portal channel, nobody chosen as owner) or an agent's form. The SLA
    clocks start (a policy ``applies_to: complaint``)."""
    at = at or timezone.now()
    requester = None
    if actor is not None and not is_staff_member(actor):
        requester = actor
        contact = Contact.objects.filter(user=actor).select_related("customer").first()
        customer, owner, team, call, channel = None, None, None, None, ComplaintChannel.PORTAL
    if call is not None:
        contact = contact or call.contact
        customer = customer or call.customer
    incidents = list(incidents or ())
    if contact is None and incidents:
        contact = next((incident.contact for incident in incidents if incident.contact_id), None)
    if service is None and incidents:
        service = next((incident.service for incident in incidents if incident.service_id), None)
    if customer is None and contact is not None:
        customer = contact.customer
    if team is None and service is not None and service.owner_team_id:
        team = service.owner_team
    _check_owner(owner, team)
    complaint = Complaint(
        kind=kind, channel=channel or ComplaintChannel.PHONE,
        subject=(subject or "").strip(), description=(description or "").strip(), contact=contact,
        customer=customer, service=service, severity=severity, owner=owner, team=team, requester=requester,
        call=call, created_by=actor, created_at=at)
    complaint.full_clean(exclude=["number", "status", "contact", "customer", "service", "owner", "team", "requester",
                                  "call", "created_by", "incidents"], validate_constraints=False)
    _save(complaint, actor, "received")
    complaint.number = f"CMP{complaint.pk:06d}"
    Complaint.objects.filter(pk=complaint.pk).update(number=complaint.number)
    complaint.history.filter(history_type="+").update(number=complaint.number)
    if incidents:
        complaint.incidents.set(incidents)
    sla.sla_start(ticket=complaint, at=at, actor=actor)
    return complaint


@transaction.atomic
def complaint_update(*, complaint: Complaint, actor, at: datetime | None = None, **changes) -> Complaint:
    """Edit details (staff). A new severity, service, contact or team re-targets the SLA clocks."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    if actor is not None and not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff can edit complaints."))
    complaint = _locked(complaint)
    if complaint.status == ComplaintStatus.CLOSED:
        raise InvalidTransitionError(_("A closed complaint cannot be edited; reopen it first."), complaint.status)
    incidents = changes.pop("incidents", None)
    before = (complaint.severity, complaint.service_id, complaint.customer_id, complaint.channel, complaint.team_id)
    for field, value in changes.items():
        setattr(complaint, field, value)
    if "contact" in changes:
        complaint.customer = complaint.contact.customer if complaint.contact else None
    _check_owner(complaint.owner, complaint.team)
    complaint.full_clean(exclude=["number", "status", "incidents"], validate_constraints=False)
    _save(complaint, actor, "edited")
    if incidents is not None:
        complaint.incidents.set(incidents)
    after = (complaint.severity, complaint.service_id, complaint.customer_id, complaint.channel, complaint.team_id)
    if after != before:
        sla.sla_retarget(ticket=complaint, at=at, actor=actor, reason="complaint edited")
    return complaint


# --- transitions ----------------------------------------------------------------------------
@transaction.atomic
def complaint_acknowledge(*, complaint: Complaint | int, actor, at: datetime | None = None) -> Complaint:
    """Receipt confirmed: the response clock stops, the actor owns it if nobody does, and the
    customer is told their complaint is being handled."""
    at = at or timezone.now()
    complaint = _locked(complaint)
    _guard(complaint, "acknowledge", actor)
    complaint.acknowledge()
    complaint.acknowledged_at = at
    if complaint.owner_id is None and actor is not None:
        complaint.owner = actor
    _save(complaint, actor, "acknowledged")
    sla.sla_stop(ticket=complaint, metric="response", at=at, actor=actor)
    sla.sla_status_changed(ticket=complaint, at=at, actor=actor)
    with translation.override(complaint.contact.language or None if complaint.contact else None):
        subject = _("%(number)s: we have received your %(kind)s") % {
            "number": complaint.number, "kind": complaint.get_kind_display().lower()}
        body = _("Thank you for telling us: %(subject)s.\n\nYour reference is %(number)s. We are looking into it "
                 "and will answer you.") % {"subject": complaint.subject, "number": complaint.number}
        sms = _("%(number)s received: we are looking into it and will answer you.") % {"number": complaint.number}
    _tell(complaint, "acknowledged", subject, body, sms)
    return complaint


@transaction.atomic
def complaint_investigate(*, complaint: Complaint | int, actor, at: datetime | None = None) -> Complaint:
    at = at or timezone.now()
    complaint = _locked(complaint)
    _guard(complaint, "investigate", actor)
    complaint.investigate()
    if complaint.owner_id is None and actor is not None:
        complaint.owner = actor
    _save(complaint, actor, "investigating")
    sla.sla_status_changed(ticket=complaint, at=at, actor=actor)
    return complaint


@transaction.atomic
def complaint_respond(*, complaint: Complaint | int, actor, response: str, at: datetime | None = None) -> Complaint:
    """The organisation's answer goes to the customer: the resolution clock stops."""
    response = _required(response, "response", _("Write the answer the customer receives."))
    at = at or timezone.now()
    complaint = _locked(complaint)
    _guard(complaint, "respond", actor)
    complaint.respond()
    complaint.response = response
    complaint.responded_at = at
    if complaint.acknowledged_at is None:
        complaint.acknowledged_at = at
    _save(complaint, actor, "responded")
    sla.sla_stop(ticket=complaint, metric="response", at=at, actor=actor)
    sla.sla_stop(ticket=complaint, metric="resolution", at=at, actor=actor)
    with translation.override(complaint.contact.language or None if complaint.contact else None):
        subject = _("%(number)s: our answer") % {"number": complaint.number}
        body = _("About: %(subject)s\n\n%(response)s") % {"subject": complaint.subject, "response": response}
        sms = _("%(number)s: %(response)s") % {"number": complaint.number, "response": response}
    _tell(complaint, "responded", subject, body, sms, key=f"responded:{complaint.reopen_count}")
    return complaint


@transaction.atomic
def complaint_escalate(*, complaint: Complaint | int, actor, reason: str, at: datetime | None = None) -> Complaint:
    reason = _required(reason, "reason", _("Say why it is escalated."))
    at = at or timezone.now()
    complaint = _locked(complaint)
    _guard(complaint, "escalate", actor)
    complaint.escalate()
    complaint.escalated_at = at
    complaint.escalation_reason = reason[:300]
    _save(complaint, actor, f"escalated: {reason}")
    sla.sla_status_changed(ticket=complaint, at=at, actor=actor)
    return complaint


@transaction.atomic
def complaint_close(*, complaint: Complaint | int, actor, satisfied: bool | None = None,
                    at: datetime | None = None) -> Complaint:
    """Closed with the customer's satisfaction (True, False or not known); the contact then
    gets one satisfaction survey (a Celery task queued after commit)."""
    if satisfied not in (True, False, None):
        raise ValidationError({"satisfied": [_("Say yes, no or leave it empty.")]})
    at = at or timezone.now()
    complaint = _locked(complaint)
    _guard(complaint, "close", actor)
    complaint.close()
    complaint.satisfied = satisfied
    complaint.closed_at = at
    _save(complaint, actor, "closed")
    pk = complaint.pk
    transaction.on_commit(lambda: send_survey.delay(SurveyTicketKind.COMPLAINT, pk))
    return complaint


@transaction.atomic
def complaint_reopen(*, complaint: Complaint | int, actor, reason: str, at: datetime | None = None) -> Complaint:
    """The customer was not satisfied: investigated again, the resolution clock resumes."""
    reason = _required(reason, "reason", _("Say why it is reopened."))
    at = at or timezone.now()
    complaint = _locked(complaint)
    if complaint.status == ComplaintStatus.CLOSED and complaint.satisfied is True:
        raise InvalidTransitionError(_("The customer was satisfied: a new complaint is needed instead."),
                                     complaint.status)
    _guard(complaint, "reopen", actor)
    complaint.reopen()
    complaint.reopen_count += 1
    complaint.closed_at = None
    _save(complaint, actor, f"reopened: {reason}")
    sla.sla_reopen(ticket=complaint, metric="resolution", at=at, actor=actor)
    sla.sla_status_changed(ticket=complaint, at=at, actor=actor)
    return complaint
