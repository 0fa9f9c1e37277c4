"""Quality review (issue 22.3): evaluation forms (weighted questions, one per queue) that
supervisors fill for a call, the call's 0–100 score, and per-agent and per-queue quality
scores (read by the dashboards and kpis: ``agent_quality_scores``, ``queue_quality_scores``)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.errors import ConflictError
from core.roles import Role, has_role

from .models import Call, Evaluation, EvaluationAnswer, EvaluationForm

#: Each question is answered with 0 (not at all) to MAX_POINTS (fully).
MAX_POINTS = 5


def may_review(user) -> bool:
    """Supervisors: managers and administrators."""
    return has_role(user, Role.MANAGER, Role.ADMIN)


def form_for_call(call: Call) -> EvaluationForm | None:
    """The active form of the call's queue; else the active form for every queue (no queue)."""
    forms = EvaluationForm.objects.filter(active=True).prefetch_related("questions")
    if call.queue_id:
        form = forms.filter(queue=call.queue_id).order_by("-created_at", "-id").first()
        if form is not None:
            return form
    return forms.filter(queue__isnull=True).order_by("-created_at", "-id").first()


def score_of(pairs: list[tuple[int, int]]) -> float:
    """The weighted score, 0–100, of (weight, points) pairs."""
    total = sum(weight for weight, _points in pairs)
    if not total:
        return 0.0
    return round(100 * sum(weight * points for weight, points in pairs) / (MAX_POINTS * total), 1)


@transaction.atomic
def evaluation_submit(*, call: Call, form: EvaluationForm, evaluator, answers: dict[int, int],
                      comment: str = "") -> Evaluation:
    """A supervisor's review of a call: every question of ``form`` answered with 0–5 points
    (``answers``: question id → points). One review per supervisor and call (a second is a
    conflict)."""
    if not may_review(evaluator):
        raise ValidationError(_("Only supervisors review calls."))
    questions = list(form.questions.all())
    errors = {}
    pairs = []
    for question in questions:
        points = answers.get(question.pk)
        if points is None or not 0 <= int(points) <= MAX_POINTS:
            errors[f"q{question.pk}"] = [_("Answer with 0 to %(max)s.") % {"max": MAX_POINTS}]
        else:
            pairs.append((question, int(points)))
    if not questions:
        errors["form"] = [_("This form has no questions.")]
    if errors:
        raise ValidationError(errors)
    evaluation = Evaluation(call=call, form=form, agent_id=call.agent_id, queue_id=call.queue_id, evaluator=evaluator,
                            score=score_of([(q.weight, p) for q, p in pairs]), comment=comment,
                            submitted_at=timezone.now())
    evaluation._history_user = evaluator
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError as exc:
        raise ConflictError(_("You have already reviewed this call.")) from exc
    bulk_create_with_history([EvaluationAnswer(evaluation=evaluation, question=q, points=p, weight=q.weight)
                              for q, p in pairs], EvaluationAnswer, default_user=evaluator)
    return evaluation


def _scores(group: str, *, since: datetime | None, until: datetime | None, queue=None, agent=None):
    rows = Evaluation.objects.all()
    if since is not None:
        rows = rows.filter(submitted_at__gte=since)
    if until is not None:
        rows = rows.filter(submitted_at__lt=until)
    if queue is not None:
        rows = rows.filter(queue=queue)
    if agent is not None:
        rows = rows.filter(agent=agent)
    return (rows.filter(~Q(**{f"{group}__isnull": True})).values(group)
            .annotate(evaluations=Count("id"), score=Avg("score")).order_by(group))


def agent_quality_scores(*, since: datetime | None = None, until: datetime | None = None, queue=None
                         ) -> list[dict]:
    """Per agent: ``{"agent": id, "evaluations": n, "score": mean 0–100}`` of the reviews
    submitted in [since, until) (one grouped query on the ``evaluation_agent`` index)."""
    return list(_scores("agent", since=since, until=until, queue=queue))


def queue_quality_scores(*, since: datetime | None = None, until: datetime | None = None, agent=None
                         ) -> list[dict]:
    """Per queue: ``{"queue": id, "evaluations": n, "score": mean 0–100}``."""
    return list(_scores("queue", since=since, until=until, agent=agent))
