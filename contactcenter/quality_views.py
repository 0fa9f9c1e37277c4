"""Pages of issue 22.1 and 22.3 under ``/contact-center/``: the call page (its facts, its
recordings for those who may hear them, its reviews), a recording's audio (permission-checked:
supervisors and the call's agent, 404 for anyone else), the review form, and the prompts page
(upload a line's prompt audio, or get a one-time code to record it — or an announcement — by
phone)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import ConflictError
from core.pages import staff_only

from . import prompts, quality, recording
from .models import Announcement, Call, CallRecording, Line, PromptRecording

STAFF_ONLY = gettext_lazy("The contact center is for service desk staff.")


def _call(pk: int) -> Call:
    return get_object_or_404(Call.objects.select_related("contact", "customer", "queue", "agent", "line",
                                                         "incident"), pk=pk)


@staff_only(STAFF_ONLY)
def call_detail(request, pk: int):
    """``calls/<id>/``: the call, its recordings (supervisors and its agent) and its reviews."""
    call = _call(pk)
    hear = recording.may_hear(request.user, call)
    review = quality.may_review(request.user)
    context = {
        "call": call,
        "may_hear": hear,
        "may_review": review,
        "recordings": list(call.recordings.order_by("created_at", "id")) if hear else [],
        "evaluations": (list(call.evaluations.select_related("evaluator", "form").order_by("-submitted_at"))
                        if hear or review else []),
        "recorded": call.recording_notice,
    }
    return render(request, "contactcenter/call_detail.html", context)


@staff_only(STAFF_ONLY)
def recording_audio(request, pk: int):
    """A call recording's audio, to those who may hear it (404 for everyone else)."""
    item = get_object_or_404(CallRecording.objects.select_related("call"), pk=pk)
    if not recording.may_hear(request.user, item.call) or not item.file or item.deleted_at is not None:
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=item.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@staff_only(STAFF_ONLY)
def evaluation_new(request, pk: int):
    """``calls/<id>/evaluations/new/``: a supervisor reviews the call with its queue's form."""
    if not quality.may_review(request.user):
        raise Http404
    call = _call(pk)
    form = quality.form_for_call(call)
    errors: dict = {}
    answers: dict[int, int] = {}
    if request.method == "POST" and form is not None:
        for question in form.questions.all():
            raw = request.POST.get(f"q{question.pk}", "")
            if raw.isdigit():
                answers[question.pk] = int(raw)
        try:
            quality.evaluation_submit(call=call, form=form, evaluator=request.user, answers=answers,
                                      comment=request.POST.get("comment", "")[:5000])
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"form": exc.messages}
        except ConflictError as exc:
            messages.error(request, str(exc))
            return redirect("contactcenter:call", pk=call.pk)
        else:
            messages.success(request, _("The review is saved."))
            return redirect("contactcenter:call", pk=call.pk)
    return render(request, "contactcenter/evaluation_form.html", {
        "call": call, "form": form, "errors": errors, "answers": answers, "points": range(quality.MAX_POINTS + 1),
        "comment": request.POST.get("comment", "")}, status=400 if errors else 200)


# --- prompts ---------------------------------------------------------------------------------------
def _may_open_prompts(user) -> bool:
    return prompts.may_record(user) or Announcement.objects.filter(
        active=True, major_incident__manager=user).exists()


def _prompts_context(user) -> dict:
    manager = prompts.may_record(user)
    lines = list(Line.objects.order_by("name")) if manager else []
    announcements = Announcement.objects.filter(active=True).select_related("major_incident").order_by("-created_at")
    if not manager:
        announcements = announcements.filter(major_incident__manager=user)
    announcements = list(announcements)
    recorded = {(item.line_id, item.announcement_id, item.key if item.line_id else item.language): item
                for item in PromptRecording.objects.filter(Q(line__in=lines) | Q(announcement__in=announcements))}
    return {
        "lines": [{"line": line, "prompts": [(key, prompts.PROMPTS[key].label, recorded.get((line.pk, None, key)))
                                             for key in prompts.RECORDABLE]} for line in lines],
        "announcements": [{"announcement": item, "languages": [(code, name, recorded.get((None, item.pk, code)))
                                                               for code, name in settings.LANGUAGES]}
                          for item in announcements],
        "prompt_number": getattr(settings, "CONTACT_CENTER_PROMPT_NUMBER", ""),
        "max_mb": round(prompts.max_bytes() / (1024 * 1024), 1),
    }


@staff_only(STAFF_ONLY)
def prompt_list(request):
    """``prompts/``: each line's prompts (recorded or spoken) and the active announcements'
    recordings per language, with upload and record-by-phone."""
    if not _may_open_prompts(request.user):
        raise Http404
    return render(request, "contactcenter/prompts.html", _prompts_context(request.user))


def _target(request):
    line = Line.objects.filter(pk=request.POST.get("line") or 0).first()
    announcement = None if line else Announcement.objects.select_related("major_incident").filter(
        pk=request.POST.get("announcement") or 0).first()
    if line is None and announcement is None:
        raise Http404
    if not prompts.may_record(request.user, line=line, announcement=announcement):
        raise Http404
    return line, announcement


@staff_only(STAFF_ONLY)
@require_POST
def prompt_upload(request):
    line, announcement = _target(request)
    try:
        prompts.prompt_recording_save(line=line, announcement=announcement, key=request.POST.get("key", ""),
                                      language=request.POST.get("language", ""),
                                      upload=request.FILES.get("audio"), actor=request.user)
    except ValidationError as exc:
        context = _prompts_context(request.user)
        context["errors"] = [problem for problems in exc.message_dict.values() for problem in problems]
        return render(request, "contactcenter/prompts.html", context, status=400)
    messages.success(request, _("The recording is saved: callers hear it from now on."))
    return redirect("contactcenter:prompts")


@staff_only(STAFF_ONLY)
@require_POST
def prompt_code(request):
    line, announcement = _target(request)
    try:
        _session, code = prompts.prompt_session_start(actor=request.user, line=line, announcement=announcement,
                                                      key=request.POST.get("key", ""),
                                                      language=request.POST.get("language", ""))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("contactcenter:prompts")
    messages.success(request, _("Call %(number)s and key the code %(code)s within %(minutes)s minutes.") % {
        "number": getattr(settings, "CONTACT_CENTER_PROMPT_NUMBER", "") or "—",
        "code": code, "minutes": prompts.session_minutes()})
    return redirect("contactcenter:prompts")


@staff_only(STAFF_ONLY)
@require_POST
def prompt_delete(request, pk: int):
    item = get_object_or_404(PromptRecording.objects.select_related("line", "announcement__major_incident"), pk=pk)
    if not prompts.may_record(request.user, line=item.line, announcement=item.announcement):
        raise Http404
    prompts.prompt_recording_delete(recording=item, actor=request.user)
    messages.success(request, _("The recording is removed."))
    return redirect("contactcenter:prompts")
