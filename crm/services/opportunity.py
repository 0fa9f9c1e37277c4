"""Every write to an opportunity: raise, edit, and the pipeline's transitions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed, has_transition_perm

from catalog.models import Contact, Customer
from contactcenter.models import Call
from core.errors import InvalidTransitionError
from core.roles import is_staff_member

from ..choices import OpportunityStage
from ..models import Opportunity

EDITABLE = ("title", "product", "value", "currency", "expected_close", "contact", "customer", "owner")


def _require_staff(actor) -> None:
    if actor is not None and not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff work on opportunities."))


def _save(opportunity: Opportunity, actor, reason: str, fields: list[str] | None = None) -> None:
    opportunity._history_user = actor
    opportunity._change_reason = reason[:100]
    opportunity.save(update_fields=fields)


def _validated(opportunity: Opportunity) -> None:
    opportunity.full_clean(exclude=["stage", "created_by", "owner", "call"])


@transaction.atomic
def opportunity_create(*, actor, title: str = "", product: str, value: Decimal | int | str = Decimal("0"),
                       currency: str = "EUR", contact: Contact | None = None, customer: Customer | None = None,
                       call: Call | None = None, expected_close: date | None = None, owner=None) -> Opportunity:
    """Raise a lead: from a call (its contact and customer come with it) or a contact page.
    The actor owns it unless an owner is given."""
    _require_staff(actor)
    if call is not None:
        contact = contact or call.contact
        customer = customer or call.customer
    if contact is not None and customer is None:
        customer = contact.customer
    opportunity = Opportunity(title=(title or product or "").strip()[:200], product=(product or "").strip(),
                              value=value, currency=(currency or "").strip().upper(), contact=contact,
                              customer=customer, call=call, expected_close=expected_close,
                              owner=owner or actor, created_by=actor)
    _validated(opportunity)
    _save(opportunity, actor, "raised")
    return opportunity


@transaction.atomic
def opportunity_update(*, opportunity: Opportunity | int, actor, **changes) -> Opportunity:
    _require_staff(actor)
    opportunity = _locked(opportunity)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})
    if not opportunity.is_open:
        raise InvalidTransitionError(_("A closed opportunity cannot be changed."), opportunity.stage)
    for name, value in changes.items():
        if name == "currency" and isinstance(value, str):
            value = value.strip().upper()
        setattr(opportunity, name, value)
    if "contact" in changes and "customer" not in changes and opportunity.contact is not None:
        opportunity.customer = opportunity.contact.customer or opportunity.customer
    _validated(opportunity)
    _save(opportunity, actor, "edited")
    return opportunity


def _locked(opportunity: Opportunity | int) -> Opportunity:
    pk = opportunity.pk if isinstance(opportunity, Opportunity) else opportunity
    return Opportunity.objects.select_for_update(of=("self",)).get(pk=pk)


#: The verb in "You cannot %(action)s an opportunity that is %(stage)s." (translated).
ACTION_VERBS = {"qualify": gettext_lazy("qualify"), "propose": gettext_lazy("propose"), "win": gettext_lazy("win"),
                "lose": gettext_lazy("lose")}


def _guard(opportunity: Opportunity, action: str, actor) -> None:
    method = getattr(opportunity, action)
    if not can_proceed(method):
        if action == "lose" and opportunity.is_open:
            raise ValidationError({"reason": [_("Say why the opportunity was lost.")]})
        if action in ("propose", "win") and opportunity.stage in (
                (OpportunityStage.QUALIFIED,) if action == "propose" else (OpportunityStage.PROPOSAL,)):
            raise ValidationError({"value": [_("Give the opportunity a value above zero first.")]})
        if action == "qualify" and opportunity.stage == OpportunityStage.NEW:
            raise ValidationError({"product": [_("Name the product first.")]})
        raise InvalidTransitionError(
            _("You cannot %(action)s an opportunity that is %(stage)s.")
            % {"action": ACTION_VERBS[action], "stage": opportunity.get_stage_display().lower()},
            opportunity.stage)
    if actor is not None and not has_transition_perm(method, actor):
        raise PermissionDenied(_("Only its owner or a manager moves this opportunity."))


def _transition(opportunity, actor, action: str, reason: str, *, locked: bool = False) -> Opportunity:
    if not locked:
        opportunity = _locked(opportunity)
    _guard(opportunity, action, actor)
    getattr(opportunity, action)()
    if opportunity.stage in (OpportunityStage.WON, OpportunityStage.LOST):
        opportunity.closed_at = timezone.now()
    _save(opportunity, actor, reason)
    return opportunity


@transaction.atomic
def opportunity_qualify(*, opportunity: Opportunity | int, actor) -> Opportunity:
    return _transition(opportunity, actor, "qualify", "qualified")


@transaction.atomic
def opportunity_propose(*, opportunity: Opportunity | int, actor) -> Opportunity:
    return _transition(opportunity, actor, "propose", "proposal sent")


@transaction.atomic
def opportunity_win(*, opportunity: Opportunity | int, actor) -> Opportunity:
    return _transition(opportunity, actor, "win", "won")


@transaction.atomic
def opportunity_lose(*, opportunity: Opportunity | int, actor, reason: str) -> Opportunity:
    locked = _locked(opportunity)
    if locked.is_open:
        locked.lost_reason = (reason or "").strip()[:300]
    return _transition(locked, actor, "lose", f"lost: {locked.lost_reason}", locked=True)
