"""The CMDB follows the change: an RFC lists, per configuration item, the attributes and
relations it will set (``ChangeCIUpdate``); implementing or completing the change applies
them to the CI records, with the CI's history naming the change (simple-history's change
reason), and backing the change out restores what was there before."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.choices import CIRelationKind
from catalog.models import CIRelation, ConfigurationItem, Service, Team
from core.errors import InvalidTransitionError

from ..choices import ApplyOn, ChangeStatus
from ..models import Change, ChangeCIUpdate
from .rfc import _locked, _require_staff, _save

#: The CI fields an RFC may set; the foreign keys take an id.
CI_ATTRIBUTES = {"status": None, "description": None, "location": None, "ci_type": None, "service": Service,
                 "owner_team": Team}
#: Until it is implemented, the RFC's CMDB plan may change.
PLANNED = (ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW,
           ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED)


def _clean_attributes(ci: ConfigurationItem, attributes) -> dict:
    if not isinstance(attributes, dict):
        raise ValidationError({"attributes": [_("Give the attributes as {field: value}.")]})
    unknown = sorted(set(attributes) - set(CI_ATTRIBUTES))
    if unknown:
        raise ValidationError({"attributes": [_("These cannot be set by a change: %(fields)s (allowed: %(allowed)s).")
                                              % {"fields": ", ".join(unknown),
                                                 "allowed": ", ".join(CI_ATTRIBUTES)}]})
    trial = ConfigurationItem.objects.get(pk=ci.pk)
    cleaned = {}
    for name, value in attributes.items():
        related = CI_ATTRIBUTES[name]
        if related is not None:
            if value in (None, ""):
                value = None
            elif not (isinstance(value, int) or str(value).isdigit()) or not related.objects.filter(
                    pk=int(value)).exists():
                raise ValidationError({"attributes": [_("%(field)s: there is no such record (%(value)s).")
                                                      % {"field": name, "value": value}]})
            else:
                value = int(value)
            setattr(trial, f"{name}_id", value)
        else:
            value = "" if value is None else str(value)
            setattr(trial, name, value)
        cleaned[name] = value
    try:
        trial.full_clean(exclude=["name"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise ValidationError({"attributes": [f"{field}: {' '.join(msgs)}" for field, msgs in
                                              exc.message_dict.items()]}) from exc
    return cleaned


def _clean_relations(ci: ConfigurationItem, relations) -> list[dict]:
    if not isinstance(relations, list):
        raise ValidationError({"relations": [_('Give the relations as [{"op": "add", "kind": ..., "target": id}].')]})
    cleaned = []
    for item in relations:
        if not isinstance(item, dict) or item.get("op") not in ("add", "remove") \
                or item.get("kind") not in CIRelationKind.values:
            raise ValidationError({"relations": [_('Each relation is {"op": "add" or "remove", "kind": one of '
                                                   '%(kinds)s, "target": a CI id}.')
                                                 % {"kinds": ", ".join(CIRelationKind.values)}]})
        target = item.get("target")
        if not (isinstance(target, int) or str(target).isdigit()) or not ConfigurationItem.objects.filter(
                pk=int(target)).exists():
            raise ValidationError({"relations": [_("There is no configuration item %(target)s.") % {"target": target}]})
        if int(target) == ci.pk:
            raise ValidationError({"relations": [_("A configuration item cannot relate to itself.")]})
        cleaned.append({"op": item["op"], "kind": item["kind"], "target": int(target)})
    return cleaned


@transaction.atomic
def change_set_ci_update(*, change: Change | int, actor, ci: ConfigurationItem, attributes=None, relations=None,
                         apply_on: str = ApplyOn.COMPLETE) -> ChangeCIUpdate:
    """Say what the change sets on ``ci`` (again: replaced). The CI joins the change's CIs."""
    _require_staff(actor)
    change = _locked(change)
    if change.status not in PLANNED:
        raise InvalidTransitionError(_("The CMDB updates of a change that is %(status)s can no longer change.")
                                     % {"status": change.get_status_display().lower()}, change.status)
    if apply_on not in ApplyOn.values:
        raise ValidationError({"apply_on": [_("Choose implement or complete.")]})
    attributes = _clean_attributes(ci, attributes or {})
    relations = _clean_relations(ci, relations or [])
    if not attributes and not relations:
        raise ValidationError({"attributes": [_("Say what the change sets on the configuration item.")]})
    update = ChangeCIUpdate.objects.filter(change=change, ci=ci).first() or ChangeCIUpdate(change=change, ci=ci)
    update.attributes, update.relations, update.apply_on = attributes, relations, apply_on
    update._history_user = actor
    update.save()
    change.cis.add(ci)
    _save(change, actor, f"CMDB update planned: {ci.name}", fields=["updated_at"])
    return update


@transaction.atomic
def change_remove_ci_update(*, change: Change | int, actor, ci: ConfigurationItem) -> Change:
    _require_staff(actor)
    change = _locked(change)
    if change.status not in PLANNED:
        raise InvalidTransitionError(_("The CMDB updates of a change that is %(status)s can no longer change.")
                                     % {"status": change.get_status_display().lower()}, change.status)
    update = ChangeCIUpdate.objects.filter(change=change, ci=ci).first()
    if update is None:
        raise ValidationError({"ci": [_("The change sets nothing on that configuration item.")]})
    update._history_user = actor
    update.delete()
    _save(change, actor, f"CMDB update dropped: {ci.name}", fields=["updated_at"])
    return change


def _reason(change: Change, what: str) -> str:
    return f"{change.number} {what}: {change.title}"[:100]


def _save_ci(ci: ConfigurationItem, actor, reason: str) -> None:
    ci._history_user = actor
    ci._change_reason = reason
    ci.save()


def _value(ci: ConfigurationItem, name: str):
    return getattr(ci, f"{name}_id") if CI_ATTRIBUTES[name] is not None else getattr(ci, name)


def _set(ci: ConfigurationItem, name: str, value) -> None:
    setattr(ci, f"{name}_id" if CI_ATTRIBUTES[name] is not None else name, value)


def apply_ci_updates(change: Change, actor, when: str) -> list[ChangeCIUpdate]:
    """Apply the change's CMDB updates due ``when`` (implement / complete), each CI row locked;
    what was there before is kept on the update for a back-out. Called inside the change's
    transaction by ``change_implement`` and ``change_complete``."""
    done = []
    updates = list(ChangeCIUpdate.objects.select_for_update(of=("self",))
                   .filter(change=change, apply_on=when, applied_at__isnull=True).order_by("ci_id"))
    for update in updates:
        ci = ConfigurationItem.objects.select_for_update().get(pk=update.ci_id)
        before = {"attributes": {name: _value(ci, name) for name in update.attributes}, "added": [], "removed": []}
        reason = _reason(change, "applied")
        for name, value in update.attributes.items():
            _set(ci, name, value)
        if update.attributes:
            _save_ci(ci, actor, reason)
        for rel in update.relations:
            existing = CIRelation.objects.filter(source=ci, target_id=rel["target"], kind=rel["kind"]).first()
            if rel["op"] == "add" and existing is None:
                created = CIRelation(source=ci, target_id=rel["target"], kind=rel["kind"])
                created._history_user, created._change_reason = actor, reason
                created.save()
                before["added"].append(created.pk)
            elif rel["op"] == "remove" and existing is not None:
                existing._history_user, existing._change_reason = actor, reason
                existing.delete()
                before["removed"].append({"target": rel["target"], "kind": rel["kind"]})
        update.before, update.applied_at = before, timezone.now()
        update._history_user = actor
        update.save(update_fields=["before", "applied_at"])
        done.append(update)
    return done


def restore_ci_updates(change: Change, actor) -> list[ChangeCIUpdate]:
    """The change was backed out: put back what its applied CMDB updates replaced."""
    done = []
    updates = list(ChangeCIUpdate.objects.select_for_update(of=("self",))
                   .filter(change=change, applied_at__isnull=False, restored_at__isnull=True).order_by("ci_id"))
    for update in updates:
        ci = ConfigurationItem.objects.select_for_update().get(pk=update.ci_id)
        reason = _reason(change, "backed out")
        before = update.before or {}
        for name, value in (before.get("attributes") or {}).items():
            _set(ci, name, value)
        if before.get("attributes"):
            _save_ci(ci, actor, reason)
        for relation in CIRelation.objects.filter(pk__in=before.get("added") or []):
            relation._history_user, relation._change_reason = actor, reason
            relation.delete()
        for rel in before.get("removed") or []:
            if not CIRelation.objects.filter(source=ci, target_id=rel["target"], kind=rel["kind"]).exists():
                again = CIRelation(source=ci, target_id=rel["target"], kind=rel["kind"])
                again._history_user, again._change_reason = actor, reason
                again.save()
        update.restored_at = timezone.now()
        update._history_user = actor
        update.save(update_fields=["restored_at"])
        done.append(update)
    return done
