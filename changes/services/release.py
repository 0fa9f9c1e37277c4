"""Release and deployment: a release groups authorised changes into one deployment window
with a plan and an owner; authorising the release is the deployment authorisation of each
of its changes (the gate ``change_implement`` checks). Every write locks the release row
(and the changes it touches, in id order) and records the history with the reason."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from core.errors import InvalidTransitionError
from notifications.services import notify

from ..choices import ChangeStatus, ReleaseStatus
from ..models import Change, Release, _may_run_release
from .rfc import _require_staff, _save

#: Fields a release's owner or the change manager edit while it is being planned.
RELEASE_EDITABLE = ("name", "description", "owner", "window_start", "window_end", "plan")
#: The changes a release takes: authorised, not yet implemented.
RELEASABLE = (ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED)
RELEASE_VERBS = {"authorize": gettext_lazy("authorise"), "complete": gettext_lazy("complete"),
                 "cancel": gettext_lazy("cancel")}


def _locked_release(release: Release | int) -> Release:
    pk = release.pk if isinstance(release, Release) else release
    return Release.objects.select_for_update(of=("self",)).get(pk=pk)


def _save_release(release: Release, actor, reason: str) -> None:
    release._history_user = actor
    release._change_reason = reason[:100]
    release.save()


def _release_guard(release: Release, action: str, actor, unmet: str) -> None:
    """The transition is the rule: its source (409), its permission (403), its conditions (409)."""
    method = getattr(release, action)
    if not can_proceed(method, check_conditions=False):
        raise InvalidTransitionError(_("You cannot %(action)s a release that is %(status)s.")
                                     % {"action": RELEASE_VERBS[action],
                                        "status": release.get_status_display().lower()}, release.status)
    if actor is not None and not method._django_fsm.get_transition(release.status).has_perm(release, actor):
        raise PermissionDenied(_("Only the release's owner or the change manager may do this.")
                               if action != "authorize" else _("Only the change manager authorises deployments."))
    if not can_proceed(method):
        raise InvalidTransitionError(unmet, release.status)


def _tell_release(recipients, release: Release, key: str, subject: str) -> None:
    recipients = [r for r in dict.fromkeys(recipients) if r]
    if recipients:
        notify(recipients, "generic", {"subject": subject, "body": subject}, ["email", "in_app"],
               idempotency_key=f"release:{release.pk}:{key}", related=f"changes.release:{release.pk}",
               url=release.get_absolute_url())


def _check_window(release: Release) -> None:
    if release.window_start and release.window_end and release.window_end <= release.window_start:
        raise ValidationError({"window_end": [_("The window must end after it starts.")]})
    if bool(release.window_start) != bool(release.window_end):
        raise ValidationError({"window_end": [_("Give both the start and the end of the window.")]})


@transaction.atomic
def release_create(*, actor, name: str, **fields) -> Release:
    _require_staff(actor)
    unknown = set(fields) - set(RELEASE_EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    name = (name or "").strip()[:200]
    if not name:
        raise ValidationError({"name": [_("Give the release a name.")]})
    release = Release(name=name, created_by=actor, **fields)
    if release.owner_id is None:
        release.owner = actor
    _check_window(release)
    _save_release(release, actor, "created")
    release.number = f"REL{release.pk:06d}"
    Release.objects.filter(pk=release.pk).update(number=release.number)
    release.history.filter(history_type="+").update(number=release.number)
    return release


@transaction.atomic
def release_update(*, release: Release | int, actor, **fields) -> Release:
    """Edit a release while it is being planned (its owner or the change manager)."""
    _require_staff(actor)
    unknown = set(fields) - set(RELEASE_EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    release = _locked_release(release)
    if release.status != ReleaseStatus.PLANNING:
        raise InvalidTransitionError(_("A release that is %(status)s can no longer be edited.")
                                     % {"status": release.get_status_display().lower()}, release.status)
    if not _may_run_release(release, actor):
        raise PermissionDenied(_("Only the release's owner or the change manager may do this."))
    for field, value in fields.items():
        setattr(release, field, value.strip() if isinstance(value, str) else value)
    if "name" in fields and not release.name:
        raise ValidationError({"name": [_("Give the release a name.")]})
    _check_window(release)
    _save_release(release, actor, "edited")
    _check_changes_in_window(release, list(release.changes.all()))
    return release


def _check_changes_in_window(release: Release, changes: list[Change]) -> None:
    if not (release.window_start and release.window_end):
        return
    outside = [c.number for c in changes if c.planned_start and c.planned_end
               and (c.planned_start < release.window_start or c.planned_end > release.window_end)]
    if outside:
        raise ValidationError({"changes": [_("Planned outside the release's window: %(numbers)s.")
                                           % {"numbers": ", ".join(outside)}]})


@transaction.atomic
def release_add_changes(*, release: Release | int, actor, changes) -> Release:
    """Put authorised changes (authorised or scheduled, in no other release, planned inside
    the release's window) into a release being planned."""
    _require_staff(actor)
    release = _locked_release(release)
    if release.status != ReleaseStatus.PLANNING:
        raise InvalidTransitionError(_("Changes are added to a release while it is being planned."), release.status)
    if not _may_run_release(release, actor):
        raise PermissionDenied(_("Only the release's owner or the change manager may do this."))
    pks = sorted({c.pk if isinstance(c, Change) else int(c) for c in changes})
    if not pks:
        raise ValidationError({"changes": [_("Choose at least one change.")]})
    locked = list(Change.objects.select_for_update(of=("self",)).filter(pk__in=pks).order_by("pk"))
    errors = []
    for change in locked:
        if change.status not in RELEASABLE:
            errors.append(_("%(number)s is %(status)s: a release takes authorised changes.")
                          % {"number": change.number, "status": change.get_status_display().lower()})
        elif change.release_id not in (None, release.pk):
            errors.append(_("%(number)s is in another release.") % {"number": change.number})
    if len(locked) != len(pks):
        errors.append(_("Some of those changes do not exist."))
    if errors:
        raise ValidationError({"changes": errors})
    _check_changes_in_window(release, locked)
    for change in locked:
        if change.release_id != release.pk:
            change.release = release
            _save(change, actor, f"added to {release.number}", fields=["release", "updated_at"])
    _save_release(release, actor, "changes added")
    return release


@transaction.atomic
def release_remove_change(*, release: Release | int, actor, change: Change | int) -> Release:
    _require_staff(actor)
    release = _locked_release(release)
    if release.status != ReleaseStatus.PLANNING:
        raise InvalidTransitionError(_("Changes are taken out of a release while it is being planned."),
                                     release.status)
    if not _may_run_release(release, actor):
        raise PermissionDenied(_("Only the release's owner or the change manager may do this."))
    pk = change.pk if isinstance(change, Change) else int(change)
    found = Change.objects.select_for_update(of=("self",)).filter(pk=pk, release=release).first()
    if found is None:
        raise ValidationError({"change": [_("That change is not in this release.")]})
    found.release = None
    _save(found, actor, f"taken out of {release.number}", fields=["release", "updated_at"])
    _save_release(release, actor, "change removed")
    return release


@transaction.atomic
def release_authorize(*, release: Release | int, actor, at: datetime | None = None) -> Release:
    """The deployment authorisation of the release: needs a window, a plan and changes; each
    of its changes still authorised or scheduled gets its deployment authorised."""
    release = _locked_release(release)
    _release_guard(release, "authorize", actor,
                   _("A release needs a deployment window, a plan and at least one change before it is "
                     "authorised."))
    changes = list(Change.objects.select_for_update(of=("self",)).filter(release=release).order_by("pk"))
    waiting = [c for c in changes if c.status not in RELEASABLE]
    if waiting:
        raise InvalidTransitionError(_("%(numbers)s can no longer be deployed with this release.")
                                     % {"numbers": ", ".join(c.number for c in waiting)}, release.status)
    release.authorize()
    release.authorized_at, release.authorized_by = at or timezone.now(), actor
    _save_release(release, actor, f"deployment authorised by {getattr(actor, 'username', 'the system')}")
    when = release.authorized_at
    for change in changes:
        if change.deployment_authorized_at is None:
            change.deployment_authorized_at, change.deployment_authorized_by = when, actor
            _save(change, actor, f"deployment authorised with {release.number}",
                  fields=["deployment_authorized_at", "deployment_authorized_by", "updated_at"])
    people = [release.owner_id, *(c.assignee_id for c in changes), *(c.requested_by_id for c in changes)]
    _tell_release(people, release, "authorized",
                  _("%(number)s %(name)s: deployment authorised") % {"number": release.number, "name": release.name})
    return release


@transaction.atomic
def release_complete(*, release: Release | int, actor) -> Release:
    release = _locked_release(release)
    _release_guard(release, "complete", actor,
                   _("Some of the release's changes are still to be implemented or being implemented."))
    release.complete()
    release.deployed_at = timezone.now()
    _save_release(release, actor, "deployed")
    return release


@transaction.atomic
def release_cancel(*, release: Release | int, actor, reason: str = "") -> Release:
    """Cancel a release: its changes not yet implemented leave it, and lose the deployment
    authorisation it gave them (they need their own)."""
    release = _locked_release(release)
    _release_guard(release, "cancel", actor, "")
    release.cancel()
    release.cancel_reason = (reason or "").strip()
    _save_release(release, actor, f"cancelled: {release.cancel_reason}" if release.cancel_reason else "cancelled")
    for change in Change.objects.select_for_update(of=("self",)).filter(release=release,
                                                                        status__in=RELEASABLE).order_by("pk"):
        change.release = None
        if change.deployment_authorized_at == release.authorized_at:
            change.deployment_authorized_at, change.deployment_authorized_by = None, None
        _save(change, actor, f"{release.number} cancelled",
              fields=["release", "deployment_authorized_at", "deployment_authorized_by", "updated_at"])
    return release
