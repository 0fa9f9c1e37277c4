"""Every write on service requests: ordering from the catalogue (answers validated against
the item's form), the approval chain level by level, fulfilment tasks in sequence or in
parallel, close, cancel and comments; the requester is told at every step in plain words,
and the SLA clocks follow the status."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from catalog.models import AgentProfile, Team
from changes import services as changes
from core.errors import InvalidTransitionError
from core.roles import is_staff_member
from incidents.choices import Level
from incidents.services import priority_for  # one matrix for incidents, problems and requests
from notifications.services import notify
from sla import services as sla

from . import signals
from .choices import ApprovalDecision, ApprovalRule, ApproverKind, TaskStatus
from .forms_runtime import check_definition, clean_answers
from .models import (
    Approval,
    CatalogItem,
    FulfilmentTask,
    RequestComment,
    ServiceRequest,
    current_approval,
    is_party,
    party_or_staff,
)
from .selectors import may_comment, may_order_rule

User = get_user_model()


# --- helpers -------------------------------------------------------------------------------------
def may_order(item: CatalogItem, user) -> bool:
    """Everyone signed in, unless the item names roles and/or teams (then one of them)."""
    if not item.is_active or user is None or not user.is_authenticated:
        return False
    return may_order_rule(user, item.roles, set(item.teams.values_list("pk", flat=True)),
                          lambda: set(user.teams.values_list("pk", flat=True)))


def _locked(request: ServiceRequest | int) -> ServiceRequest:
    pk = request.pk if isinstance(request, ServiceRequest) else request
    return ServiceRequest.objects.select_for_update(of=("self",)).select_related("catalog_item").get(pk=pk)


def _save(request: ServiceRequest, actor, reason: str, fields: list[str] | None = None) -> None:
    request._history_user = actor
    request._change_reason = reason[:100]
    request.save(update_fields=fields)


def _requesters(request: ServiceRequest) -> list[int]:
    return list(dict.fromkeys([request.requested_by_id, request.requested_for_id]))


def _tell(recipients, request: ServiceRequest, key: str, subject: str, body: str, url: str | None = None) -> None:
    recipients = [r for r in dict.fromkeys(recipients) if r]
    if recipients:
        notify(recipients, "generic", {"subject": subject, "body": body}, ["email", "in_app"],
               idempotency_key=f"request:{request.pk}:{key}", related=f"requests.servicerequest:{request.pk}",
               url=url or f"/portal/requests/{request.pk}/")


def _tell_requester(request: ServiceRequest, key: str, subject: str, body: str) -> None:
    _tell(_requesters(request), request, key, subject, body)


# --- ordering ------------------------------------------------------------------------------------
@transaction.atomic
def request_submit(*, item: CatalogItem, actor, answers: dict, requested_for=None, impact: int | None = None,
                   urgency: int | None = None, at: datetime | None = None) -> ServiceRequest:
    """Order a catalogue item (for oneself, or — staff — for someone else). The answers are
    validated against the item's form; approvals start at level 1, or fulfilment starts at
    once when the item needs none. Impact (staff only) and urgency (default 3 and 2) give the
    priority on the incidents' matrix, which picks the SLA policy."""
    impact, urgency = request_levels_check(actor=actor, impact=impact, urgency=urgency)
    if not may_order(item, actor):
        raise PermissionDenied(_("You may not order %(item)s.") % {"item": item.name})
    requested_for = requested_for or actor
    if requested_for.pk != actor.pk and not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff order on someone else's behalf."))
    cleaned = clean_answers(item.form, answers or {})
    at = at or timezone.now()
    request = ServiceRequest(catalog_item=item, requested_by=actor, requested_for=requested_for, answers=cleaned,
                             impact=impact, urgency=urgency, priority=priority_for(impact, urgency), created_at=at)
    _save(request, actor, "submitted")
    request.number = f"REQ{request.pk:06d}"
    ServiceRequest.objects.filter(pk=request.pk).update(number=request.number)
    request.history.filter(history_type="+").update(number=request.number)
    FulfilmentTask.objects.bulk_create([
        FulfilmentTask(request=request, title=str(task.get("title", ""))[:200] or item.name,
                       team_id=task.get("team") or None, order=int(task.get("order") or 1))
        for task in item.tasks])
    sla.sla_start(ticket=request, at=at, actor=actor)
    _tell_requester(request, "submitted", _("We received your request %(number)s") % {"number": request.number},
                    _("Thank you. Your request for %(item)s is %(number)s. We will tell you at every step.")
                    % {"item": item.name, "number": request.number})
    if _levels(item):
        request.await_approval()
        _save(request, actor, "awaiting approval", fields=["status", "updated_at"])
        _open_level(request, 1, at)
        sla.sla_status_changed(ticket=request, at=at, actor=actor)
    else:
        _approved(request, actor, at)
    request_id = request.pk
    transaction.on_commit(lambda: signals.request_submitted.send(sender=ServiceRequest, request_id=request_id))
    return request


def request_levels_check(*, actor, impact: int | None, urgency: int | None) -> tuple[int, int]:
    """Impact and urgency as ordered (default 3 and 2): only the desk gives the impact; the
    API checks them before the answers (whose errors it nests under ``answers``)."""
    if impact is not None and not is_staff_member(actor):
        raise ValidationError({"impact": [_("The service desk sets the impact; say how urgent it is.")]})
    return _levels_checked(Level.LOW if impact is None else impact, Level.MEDIUM if urgency is None else urgency)


def _levels_checked(impact, urgency) -> tuple[int, int]:
    errors = {name: [_("Choose 1 (high), 2 (medium) or 3 (low).")]
              for name, value in (("impact", impact), ("urgency", urgency))
              if isinstance(value, bool) or value not in Level.values}
    if errors:
        raise ValidationError(errors)
    return int(impact), int(urgency)


@transaction.atomic
def request_prioritise(*, request: ServiceRequest | int, actor, impact: int, urgency: int,
                       at: datetime | None = None) -> ServiceRequest:
    """The desk sets impact and urgency: the priority follows the incidents' matrix and the
    SLA clocks are re-targeted (business time already consumed is kept)."""
    if not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff set a request's priority."))
    impact, urgency = _levels_checked(impact, urgency)
    request = _locked(request)
    if not request.is_open:
        raise InvalidTransitionError(_("A request that is %(status)s keeps its priority.")
                                     % {"status": request.get_status_display().lower()}, request.status)
    priority = priority_for(impact, urgency)
    if (request.impact, request.urgency, request.priority) == (impact, urgency, priority):
        return request
    request.impact, request.urgency, request.priority = impact, urgency, priority
    _save(request, actor, f"priority P{priority}", fields=["impact", "urgency", "priority", "updated_at"])
    sla.sla_retarget(ticket=request, at=at, actor=actor, reason=f"priority P{priority}")
    return request


def _levels(item: CatalogItem) -> list[int]:
    return sorted({int(level.get("level") or i) for i, level in enumerate(item.approvals, 1)})


def _level_spec(item: CatalogItem, level: int) -> list[dict]:
    return [spec for i, spec in enumerate(item.approvals, 1) if int(spec.get("level") or i) == level]


def _approvers(request: ServiceRequest, spec: dict) -> list:
    if spec.get("approver") == ApproverKind.MANAGER:
        for person in (request.requested_for_id, request.requested_by_id):
            manager = AgentProfile.objects.filter(user_id=person).values_list("manager_id", flat=True).first()
            if manager:
                return [manager]
        return []
    team = Team.objects.filter(pk=spec.get("group")).first()
    return list(team.members.filter(is_active=True).values_list("pk", flat=True)) if team else []


def _open_level(request: ServiceRequest, level: int, at: datetime) -> None:
    """Ask the approvers of ``level``. A level nobody can approve (no manager on record, an
    empty group) is skipped and the next one asked, so a request never waits on no one."""
    levels = _levels(request.catalog_item)
    while True:
        rows = []
        for spec in _level_spec(request.catalog_item, level):
            rule = spec.get("rule") or ApprovalRule.ANY
            approvers = _approvers(request, spec)
            if len(approvers) > 1:  # nobody approves their own request when someone else can
                approvers = [a for a in approvers if a != request.requested_by_id]
            rows += [Approval(request=request, level=level, approver_id=a, rule=rule) for a in approvers]
        if rows:
            Approval.objects.bulk_create(rows, ignore_conflicts=True)
            request.current_level = level
            ServiceRequest.objects.filter(pk=request.pk).update(current_level=level)
            item = request.catalog_item
            for row in rows:
                _tell([row.approver_id], request, f"approve:{level}:{row.approver_id}",
                      _("Please approve %(number)s: %(item)s for %(person)s")
                      % {"number": request.number, "item": item.name,
                         "person": request.requested_for.get_full_name() or request.requested_for.username},
                      _("%(person)s asks for %(item)s. Approve or reject in one click.")
                      % {"person": request.requested_by.get_full_name() or request.requested_by.username,
                         "item": item.name}, url=f"/requests/approvals/#request-{request.pk}")
            return
        later = [lv for lv in levels if lv > level]
        if not later:
            _approved(request, None, at)
            return
        level = later[0]


def _approved(request: ServiceRequest, actor, at: datetime) -> None:
    """Approved: fulfilment starts at once (the first tasks open; a linked change model
    raises its standard change)."""
    request.approve()
    request.approved_at = at
    request.current_level = None
    _save(request, actor, "approved", fields=["status", "approved_at", "current_level", "updated_at"])
    request.fulfil()
    _save(request, actor, "fulfilment started", fields=["status", "updated_at"])
    sla.sla_stop(ticket=request, metric="response", at=at, actor=actor)
    sla.sla_status_changed(ticket=request, at=at, actor=actor)
    item = request.catalog_item
    if item.change_model_id:
        # A pre-authorised standard change, submitted (so authorised) for the fulfilment team.
        change = changes.change_create(actor=None, model=item.change_model,
                                       title=f"{item.change_model.name} ({request.number})")
        changes.change_submit(change=change, actor=None)
        request.change = change
        ServiceRequest.objects.filter(pk=request.pk).update(change=change)
    if _levels(item):  # with nothing to approve, "we received it" already said it all
        _tell_requester(request, "approved", _("%(number)s is approved: we are on it") % {"number": request.number},
                        _("Your request for %(item)s is approved and being fulfilled.") % {"item": item.name})
    if not _open_next_tasks(request, actor, at):
        _fulfilled(request, actor, at)


def _open_next_tasks(request: ServiceRequest, actor, at: datetime) -> bool:
    """Open the tasks of the lowest pending order (they run in parallel). False when no task
    is left to do."""
    pending = list(request.tasks.filter(status=TaskStatus.PENDING).order_by("order", "id"))
    if not pending:
        return request.tasks.filter(status=TaskStatus.OPEN).exists()
    order = pending[0].order
    batch = [t for t in pending if t.order == order]
    FulfilmentTask.objects.filter(pk__in=[t.pk for t in batch]).update(status=TaskStatus.OPEN, opened_at=at)
    for task in batch:
        if task.team_id:
            members = list(User.objects.filter(teams=task.team_id, is_active=True).values_list("pk", flat=True))
            _tell(members, request, f"task:{task.pk}", _("New task for %(team)s: %(title)s")
                  % {"team": task.team, "title": task.title},
                  _("%(number)s (%(item)s) needs: %(title)s") % {"number": request.number,
                                                               "item": request.catalog_item.name,
                                                               "title": task.title},
                  url=f"/requests/{request.pk}/")
    return True


def _cancel_tasks(request: ServiceRequest, actor, reason: str) -> None:
    """A rejected or cancelled request has nothing left to fulfil: every task not done (not
    started yet, or open in a team's queue) is cancelled, each with a row in its history."""
    for task in request.tasks.select_for_update().filter(status__in=[TaskStatus.PENDING, TaskStatus.OPEN]):
        task.status = TaskStatus.CANCELLED
        task._history_user = actor
        task._change_reason = reason
        task.save(update_fields=["status"])


def _fulfilled(request: ServiceRequest, actor, at: datetime) -> None:
    request.complete()
    request.fulfilled_at = at
    _save(request, actor, "fulfilled", fields=["status", "fulfilled_at", "updated_at"])
    sla.sla_stop(ticket=request, metric="resolution", at=at, actor=actor)
    _tell_requester(request, "fulfilled", _("%(number)s is done") % {"number": request.number},
                    _("Your request for %(item)s is fulfilled. If anything is missing, reply on the request page.")
                    % {"item": request.catalog_item.name})
    fulfilled_id = request.pk
    transaction.on_commit(lambda: signals.request_fulfilled.send(sender=ServiceRequest, request_id=fulfilled_id))


# --- approvals -----------------------------------------------------------------------------------
@transaction.atomic
def request_decide(*, request: ServiceRequest | int, actor, approve: bool, comment: str = "",
                   at: datetime | None = None) -> ServiceRequest:
    """An approver of the current level approves or rejects. A reject stops everything and
    tells the requester; approvals move level by level (any-of: the first approval; all-of:
    every member) and the last level starts fulfilment at once."""
    at = at or timezone.now()
    request = _locked(request)
    # The reject transition's guard, which ``request_available_actions`` reads for both answers.
    if not can_proceed(request.reject):
        raise InvalidTransitionError(_("%(number)s is not awaiting approval (it is %(status)s).")
                                     % {"number": request.number, "status": request.get_status_display().lower()},
                                     request.status)
    mine = current_approval(request, actor)
    if mine is None:
        raise PermissionDenied(_("You are not asked to approve %(number)s.") % {"number": request.number})
    if not approve and not (comment or "").strip():
        raise ValidationError({"comment": [_("Say why you reject it: the requester will read it.")]})
    mine.decision = ApprovalDecision.APPROVED if approve else ApprovalDecision.REJECTED
    mine.comment, mine.decided_at = (comment or "").strip(), at
    mine._history_user = actor
    mine.save()
    level_rows = Approval.objects.filter(request=request, level=request.current_level)
    if not approve:
        Approval.objects.filter(request=request, decision=ApprovalDecision.PENDING).update(
            decision=ApprovalDecision.SKIPPED)
        request.reject()
        request.rejected_at, request.current_level = at, None
        _save(request, actor, f"rejected: {comment}", fields=["status", "rejected_at", "current_level", "updated_at"])
        _cancel_tasks(request, actor, "request rejected")
        sla.sla_stop(ticket=request, metric="response", at=at, actor=actor)
        sla.sla_stop(ticket=request, metric="resolution", at=at, actor=actor)
        _tell_requester(request, "rejected", _("%(number)s was not approved") % {"number": request.number},
                        _("Your request for %(item)s was not approved by %(person)s: %(reason)s")
                        % {"item": request.catalog_item.name,
                           "person": actor.get_full_name() or actor.username, "reason": mine.comment})
        return request
    any_rule = mine.rule == ApprovalRule.ANY
    if any_rule or not level_rows.filter(decision=ApprovalDecision.PENDING).exists():
        level_rows.filter(decision=ApprovalDecision.PENDING).update(decision=ApprovalDecision.SKIPPED)
        later = [lv for lv in _levels(request.catalog_item) if lv > request.current_level]
        if later:
            _tell_requester(request, f"level:{request.current_level}", _("%(number)s: one approval done")
                            % {"number": request.number},
                            _("%(person)s approved your request for %(item)s; it goes to the next approver.")
                            % {"person": actor.get_full_name() or actor.username, "item": request.catalog_item.name})
            _open_level(request, later[0], at)
        else:
            _approved(request, actor, at)
    return request


# --- fulfilment ----------------------------------------------------------------------------------
@transaction.atomic
def task_complete(*, task: FulfilmentTask | int, actor, note: str = "", at: datetime | None = None) -> FulfilmentTask:
    """A fulfilment task is done; the next tasks in sequence open, and when the last is done
    the request is fulfilled."""
    if not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff complete fulfilment tasks."))
    at = at or timezone.now()
    pk = task.pk if isinstance(task, FulfilmentTask) else task
    request = _locked(FulfilmentTask.objects.filter(pk=pk).values_list("request_id", flat=True).get())
    task = FulfilmentTask.objects.select_for_update().get(pk=pk)
    if task.status != TaskStatus.OPEN:
        raise InvalidTransitionError(_("This task is %(status)s.") % {"status": task.get_status_display().lower()},
                                     task.status)
    task.status, task.completed_at, task.assignee = TaskStatus.DONE, at, task.assignee or actor
    task.note = (note or "").strip()
    task._history_user = actor
    task.save()
    if request.tasks.filter(status=TaskStatus.OPEN).exists():
        return task
    if not _open_next_tasks(request, actor, at):
        _fulfilled(request, actor, at)
    else:
        _tell_requester(request, f"progress:{task.pk}", _("%(number)s: a step is done") % {"number": request.number},
                        _("Done: %(title)s. We are working on the next step.") % {"title": task.title})
    return task


@transaction.atomic
def task_take(*, task: FulfilmentTask | int, actor) -> FulfilmentTask:
    if not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff take fulfilment tasks."))
    pk = task.pk if isinstance(task, FulfilmentTask) else task
    task = FulfilmentTask.objects.select_for_update().get(pk=pk)
    if task.status != TaskStatus.OPEN:
        raise InvalidTransitionError(_("This task is %(status)s.") % {"status": task.get_status_display().lower()},
                                     task.status)
    task.assignee = actor
    task._history_user = actor
    task.save(update_fields=["assignee"])
    return task


# --- the requester's side ------------------------------------------------------------------------
@transaction.atomic
def request_close(*, request: ServiceRequest | int, actor) -> ServiceRequest:
    request = _locked(request)
    # The close transition's guard (who first, then the state), as ``request_available_actions``.
    if not party_or_staff(request, actor):
        raise PermissionDenied(_("Only the requester or the service desk closes a request."))
    if not can_proceed(request.close):
        raise InvalidTransitionError(_("Only a fulfilled request can be closed."), request.status)
    request.close()
    request.closed_at = timezone.now()
    _save(request, actor, "closed", fields=["status", "closed_at", "updated_at"])
    return request


@transaction.atomic
def request_cancel(*, request: ServiceRequest | int, actor, reason: str = "") -> ServiceRequest:
    """The requester (or the desk) cancels while fulfilment has not started."""
    request = _locked(request)
    # The cancel transition's guard (who first, then the state), as ``request_available_actions``.
    if not party_or_staff(request, actor):
        raise PermissionDenied(_("Only the requester or the service desk cancels a request."))
    if not can_proceed(request.cancel):
        raise InvalidTransitionError(_("A request that is %(status)s can no longer be cancelled.")
                                     % {"status": request.get_status_display().lower()}, request.status)
    at = timezone.now()
    request.cancel()
    request.cancelled_at, request.current_level = at, None
    _save(request, actor, f"cancelled: {reason}" if reason else "cancelled",
          fields=["status", "cancelled_at", "current_level", "updated_at"])
    Approval.objects.filter(request=request, decision=ApprovalDecision.PENDING).update(
        decision=ApprovalDecision.SKIPPED)
    _cancel_tasks(request, actor, "request cancelled")
    sla.sla_stop(ticket=request, metric="response", at=at, actor=actor)
    sla.sla_stop(ticket=request, metric="resolution", at=at, actor=actor)
    if not is_party(request, actor):
        _tell_requester(request, "cancelled", _("%(number)s was cancelled") % {"number": request.number},
                        reason or _("The service desk cancelled your request."))
    return request


@transaction.atomic
def request_comment(*, request: ServiceRequest | int, actor, body: str) -> RequestComment:
    if not (body or "").strip():
        raise ValidationError({"body": [_("Write something.")]})
    request = _locked(request)
    staff = is_staff_member(actor)
    if not may_comment(request, actor):
        raise PermissionDenied(_("You cannot comment on this request."))
    comment = RequestComment.objects.create(request=request, author=actor, body=body.strip())
    if staff:
        _tell([p for p in _requesters(request) if p != actor.pk], request, f"comment:{comment.pk}",
              _("A message about %(number)s") % {"number": request.number}, comment.body)
    else:
        people = list(request.tasks.filter(status=TaskStatus.OPEN, assignee__isnull=False)
                      .values_list("assignee_id", flat=True))
        _tell(people, request, f"comment:{comment.pk}", _("%(number)s: a message from the requester")
              % {"number": request.number}, comment.body, url=f"/requests/{request.pk}/")
    request_id, comment_id = request.pk, comment.pk
    transaction.on_commit(lambda: signals.request_comment_added.send(
        sender=RequestComment, request_id=request_id, comment_id=comment_id, by_staff=staff))
    return comment


def catalog_item_check(*, form, approvals, tasks) -> None:
    """Validate an item's form definition, approval chain and tasks (API, admin)."""
    check_definition(form)
    if not isinstance(approvals, list):
        raise ValidationError({"approvals": [_("Give a list of levels.")]})
    for spec in approvals:
        if not isinstance(spec, dict) or spec.get("approver") not in ApproverKind.values:
            raise ValidationError({"approvals": [_("Each level needs approver manager or group.")]})
        if spec.get("approver") == ApproverKind.GROUP and not Team.objects.filter(pk=spec.get("group")).exists():
            raise ValidationError({"approvals": [_("A group level needs an existing team (group: team id).")]})
        if spec.get("rule", "any") not in ApprovalRule.values:
            raise ValidationError({"approvals": [_("The rule is any or all.")]})
    if not isinstance(tasks, list) or not all(isinstance(t, dict) and str(t.get("title", "")).strip()
                                              for t in tasks):
        raise ValidationError({"tasks": [_("Each task needs a title.")]})
    for task in tasks:
        if task.get("team") and not Team.objects.filter(pk=task["team"]).exists():
            raise ValidationError({"tasks": [_("No team %(id)s.") % {"id": task["team"]}]})
