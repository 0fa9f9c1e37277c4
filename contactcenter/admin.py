from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgentState, Announcement, Call, Callback, CallEvent, Line, MenuOption, Queue


class MenuOptionInline(admin.TabularInline):
    model = MenuOption
    extra = 1


@admin.register(Line)
class LineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "number", "service", "queue", "calendar", "csat_survey", "is_active"]
    search_fields = ["name", "number"]
    inlines = [MenuOptionInline]


@admin.register(Queue)
class QueueAdmin(SimpleHistoryAdmin):
    list_display = ["name", "skill", "priority", "service_level_seconds", "provider"]
    search_fields = ["name"]


@admin.register(Announcement)
class AnnouncementAdmin(SimpleHistoryAdmin):
    list_display = ["message", "active", "allow_continue", "major_incident", "created_at"]
    list_filter = ["active"]
    filter_horizontal = ["lines", "services"]


class CallEventInline(admin.TabularInline):
    model = CallEvent
    extra = 0
    can_delete = False
    readonly_fields = ["sequence", "status", "at", "duration", "received_at"]


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    """The call log is built by the webhooks: read-only here."""

    list_display = ["call_sid", "from_number", "contact", "queue", "agent", "outcome", "started_at", "wait_seconds",
                    "talk_seconds"]
    list_filter = ["outcome", "queue", "direction"]
    search_fields = ["call_sid", "from_number"]
    date_hierarchy = "started_at"
    list_select_related = ["contact", "queue", "agent"]
    raw_id_fields = ["contact", "customer", "agent", "incident", "repeat_of", "announcement"]
    inlines = [CallEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Callback)
class CallbackAdmin(SimpleHistoryAdmin):
    list_display = ["number", "contact", "reason", "agent", "status", "created_at", "done_at"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["call", "contact", "agent"]


@admin.register(AgentState)
class AgentStateAdmin(admin.ModelAdmin):
    list_display = ["user", "state", "since", "call"]
    list_filter = ["state"]
    raw_id_fields = ["user", "call"]


# --- CC-B (issue 22.2): auto-dial lists ------------------------------------------------------------
from .models import DialList, DialListEntry  # noqa: E402 (kept with its section)


class DialListEntryInline(admin.TabularInline):
    model = DialListEntry
    extra = 0
    fields = ["number", "contact", "callback", "status", "attempts", "next_attempt_at", "last_result"]
    readonly_fields = ["attempts", "last_result"]
    raw_id_fields = ["contact", "callback"]


@admin.register(DialList)
class DialListAdmin(SimpleHistoryAdmin):
    list_display = ["name", "queue", "line", "calendar", "max_attempts", "retry_minutes", "active"]
    list_filter = ["active"]
    inlines = [DialListEntryInline]


# --- CC-A (issue 22.1, 22.3): prompts, recordings, quality review ----------------------------------
from django import forms as django_forms  # noqa: E402 (kept with its section)
from django.core.exceptions import ValidationError  # noqa: E402
from django.utils.translation import gettext_lazy  # noqa: E402

from . import prompts as prompt_service  # noqa: E402
from .models import (  # noqa: E402
    CallRecording,
    EvaluationForm,
    EvaluationQuestion,
    PromptRecording,
)


class PromptRecordingForm(django_forms.ModelForm):
    """An upload checked as the prompts page checks it (audio types, size)."""

    key = django_forms.ChoiceField(required=False, choices=[("", "—"), *[
        (key, prompt_service.PROMPTS[key].label) for key in prompt_service.RECORDABLE]],
        help_text=gettext_lazy("a line's prompt; empty for an announcement"))

    class Meta:
        model = PromptRecording
        fields = ["line", "announcement", "key", "language", "audio"]

    def clean_audio(self):
        upload = self.cleaned_data.get("audio")
        if upload is not None and hasattr(upload, "content_type"):
            try:
                prompt_service.validate_audio(upload)
            except ValidationError as exc:
                raise ValidationError(exc.message_dict["audio"]) from exc
        return upload


@admin.register(PromptRecording)
class PromptRecordingAdmin(SimpleHistoryAdmin):
    """Uploads go through prompts.prompt_recording_save (it keeps the line's or announcement's
    prompt map current), so a saved prompt is played at once."""

    form = PromptRecordingForm
    list_display = ["key", "language", "line", "announcement", "source", "recorded_by", "created_at"]
    list_filter = ["language", "source"]
    raw_id_fields = ["line", "announcement"]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        saved = prompt_service.prompt_recording_save(
            line=data.get("line"), announcement=data.get("announcement"), key=data.get("key") or "",
            language=data.get("language") or "", upload=data["audio"], actor=request.user)
        obj.__dict__.update(saved.__dict__)  # the admin's messages and redirect name the saved row

    def delete_model(self, request, obj):
        prompt_service.prompt_recording_delete(recording=obj, actor=request.user)


@admin.register(CallRecording)
class CallRecordingAdmin(admin.ModelAdmin):
    """Recordings come from Twilio's callbacks; they are heard on the call page."""

    list_display = ["recording_sid", "call", "status", "duration_seconds", "fetched_at", "delete_after", "deleted_at"]
    list_filter = ["status"]
    search_fields = ["recording_sid", "call__call_sid"]
    raw_id_fields = ["call"]
    exclude = ["file"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EvaluationQuestionInline(admin.TabularInline):
    model = EvaluationQuestion
    extra = 3
    fields = ["position", "text", "weight"]


@admin.register(EvaluationForm)
class EvaluationFormAdmin(SimpleHistoryAdmin):
    list_display = ["name", "queue", "active", "created_at"]
    list_filter = ["active", "queue"]
    inlines = [EvaluationQuestionInline]


# CC-C (issue 22.4): supervision is read here; it is done from the live calls page.
from .models import SupervisionAction  # noqa: E402 (kept with its section)


@admin.register(SupervisionAction)
class SupervisionActionAdmin(SimpleHistoryAdmin):
    list_display = ["at", "supervisor", "action", "call"]
    list_filter = ["action"]
    raw_id_fields = ["call", "leg"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- W1 (issue 24.13): providers of queues and teams -------------------------------------------------
from .models import Provider, TeamProvider  # noqa: E402 (kept with its section)


class TeamProviderInline(admin.TabularInline):
    model = TeamProvider
    extra = 0
    autocomplete_fields = ["team"]


@admin.register(Provider)
class ProviderAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "cost_basis", "cost", "currency"]
    list_filter = ["kind", "cost_basis"]
    search_fields = ["name"]
    inlines = [TeamProviderInline]
