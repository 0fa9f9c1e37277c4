"""The contact center's records: the lines callers dial, the IVR announcements that tell
them a problem is known, and the call log built from Twilio's webhooks alone (every event
stored once, by ``CallSid`` and ``SequenceNumber``)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.models import Contact, Customer, Service, Skill
from incidents.models import Incident, MajorIncident
from sla.models import BusinessCalendar

from .choices import AgentStateChoice, CallbackReason, CallbackStatus, CallOutcome, DialEntryStatus


class Queue(models.Model):
    """A call queue (Twilio's queue of the same name): calls in it go to agents with its skill."""

    name = models.CharField(_("name"), max_length=64, unique=True, validators=[
        RegexValidator(r"^[A-Za-z0-9_.-]+$", _("Letters, digits, '.', '_' and '-' only."))])
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="queues", help_text=_("empty: any agent"))
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=0, help_text=_("an agent with several skills serves the higher priority first"))
    service_level_seconds = models.PositiveIntegerField(
        _("service level (seconds)"), default=20,
        help_text=_("answered within this many seconds counts as in service level"))
    hold_music_url = models.URLField(_("hold music"), blank=True)
    # CC-A (issue 22.3): calls answered from this queue are recorded (the caller is told first).
    record_calls = models.BooleanField(_("record calls"), default=False)
    # W1 (issue 24.13): who answers this queue's calls (in-house or an outsourcing vendor).
    provider = models.ForeignKey("Provider", verbose_name=_("provider"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="queues")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Line(models.Model):
    """A number callers dial, with its opening hours, greeting and after-hours message."""

    number = models.CharField(_("number (E.164)"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=120)
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="lines")
    calendar = models.ForeignKey(BusinessCalendar, verbose_name=_("opening hours"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    greeting = models.TextField(_("greeting"), blank=True)
    after_hours_message = models.TextField(_("after-hours message"), blank=True)
    queue = models.ForeignKey(Queue, verbose_name=_("queue"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="lines", help_text=_("where callers go without a menu choice"))
    csat_survey = models.BooleanField(_("post-call survey"), default=True)
    is_active = models.BooleanField(default=True)
    # CC-A (issue 22.1, 22.3): the language every prompt is spoken (or played) in, and the
    # line's recording switch; ``prompt_audio`` maps a prompt's key to its recording's id
    # (kept by contactcenter.prompts, read with the line: no query on the voice hook).
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    voice = models.CharField(_("voice"), max_length=60, blank=True, help_text=_(
        "a Twilio voice for the language, e.g. Google.el-GR-Wavenet-A; empty: the desk's default"))
    record_calls = models.BooleanField(_("record calls"), default=False)
    prompt_audio = models.JSONField(default=dict, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"


class MenuOption(models.Model):
    """One keypad choice of a line's IVR menu: press the digit to reach the queue, about the service."""

    line = models.ForeignKey(Line, on_delete=models.CASCADE, related_name="menu")
    digit = models.CharField(_("digit"), max_length=1, validators=[RegexValidator(r"^[0-9]$", _("One digit, 0–9."))])
    label = models.CharField(_("label"), max_length=120)
    queue = models.ForeignKey(Queue, verbose_name=_("queue"), on_delete=models.PROTECT, related_name="menu_options")
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="menu_options")
    history = HistoricalRecords()

    class Meta:
        ordering = ["line_id", "digit"]
        constraints = [models.UniqueConstraint(fields=["line", "digit"], name="%(app_label)s_%(class)s_digit")]

    def __str__(self) -> str:
        return f"{self.digit}: {self.label}"


class Announcement(models.Model):
    """What callers hear first while it is active: on its lines, and on the lines of its
    services. Declaring a major incident creates one; resolving switches it off."""

    message = models.TextField(_("message"))
    lines = models.ManyToManyField(Line, blank=True, related_name="announcements")
    services = models.ManyToManyField(Service, blank=True, related_name="announcements")
    active = models.BooleanField(_("active"), default=True, db_index=True)
    allow_continue = models.BooleanField(_("caller may press 1 to continue"), default=True)
    major_incident = models.OneToOneField(MajorIncident, null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="announcement_record")
    created_at = models.DateTimeField(default=timezone.now)
    # CC-A (issue 22.1): the language the message is written in (spoken with that language's
    # voice where no recording in the caller's language exists); ``prompt_audio`` maps a
    # language to the id of its recording (contactcenter.prompts).
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    prompt_audio = models.JSONField(default=dict, blank=True, editable=False)
    history = HistoricalRecords(m2m_fields=[lines, services])

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.message[:60]


class Call(models.Model):
    call_sid = models.CharField(max_length=64, unique=True)
    direction = models.CharField(max_length=20, default="inbound")
    from_number = models.CharField(max_length=32, blank=True, help_text=_("E.164; empty when withheld or not a number"))
    from_raw = models.CharField(max_length=64, blank=True,
                                help_text=_("the caller ID as Twilio sent it, when it is not a number"))
    to_number = models.CharField(max_length=32, blank=True)
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    line = models.ForeignKey(Line, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    status = models.CharField(max_length=20, default="ringing")
    outcome = models.CharField(max_length=12, choices=CallOutcome.choices, blank=True)
    announcement = models.ForeignKey(Announcement, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="calls", help_text=_("the announcement the caller heard"))
    continued = models.BooleanField(default=False, help_text=_("pressed a key to reach an agent"))
    last_sequence = models.IntegerField(default=-1)
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    talk_seconds = models.PositiveIntegerField(null=True, blank=True)
    wait_seconds = models.PositiveIntegerField(null=True, blank=True)
    after_hours = models.BooleanField(default=False)
    pin_tries = models.PositiveSmallIntegerField(default=0)
    account_number = models.CharField(max_length=20, blank=True, help_text=_("typed by an unknown caller"))
    csat = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("post-call rating 1–5"))
    # W1 (issue 24.14): the keypad survey's "Was your issue solved on this call?" (null: not answered).
    solved_on_call = models.BooleanField(null=True, blank=True, help_text=_("survey: issue solved on this call"))
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls",
                                help_text=_("the line's, or the menu choice's"))
    queue = models.ForeignKey(Queue, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    priority = models.PositiveSmallIntegerField(default=0, help_text=_("2 VIP, 1 gold, 0 others: served first"))
    queued_at = models.DateTimeField(null=True, blank=True, help_text=_("when the caller reached a queue"))
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="calls")
    incident = models.ForeignKey(Incident, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    hold_seconds = models.PositiveIntegerField(default=0)
    held_since = models.DateTimeField(null=True, blank=True)
    wrap_up_seconds = models.PositiveIntegerField(null=True, blank=True)
    transfers = models.PositiveSmallIntegerField(default=0)
    # W2 (issue 24.11): taken by a temporary agent ("all hands on the phones"): counted apart.
    temporary_agent = models.ForeignKey("TemporaryAgent", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="calls", help_text=_("taken while helping on the phones"))
    repeat_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="repeats",
                                  help_text=_("the same caller's previous call within the repeat window"))
    # CC-B (issue 22.2): an outbound call (direction "outbound") — the agent who dialled it, the
    # callback task it answers, and the ticket it is about (incident, request or complaint).
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="placed_calls", help_text=_("the agent who dialled (outbound)"))
    callback_task = models.ForeignKey("Callback", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="outbound_calls", help_text=_("the callback this call makes"))
    ticket_kind = models.CharField(max_length=12, blank=True, help_text=_("incident, request or complaint"))
    ticket_id = models.PositiveBigIntegerField(null=True, blank=True)
    outbound_error = models.CharField(max_length=300, blank=True,
                                      help_text=_("why the provider could not place the outbound call"))
    recording_notice = models.BooleanField(default=False, help_text=_(
        "the caller was told the call is recorded"))
    input_flags = models.JSONField(default=list, blank=True, help_text=_(
        "webhook fields that were not valid and were left out (field, value, problem), e.g. a Timestamp far from "
        "the server's clock"))
    # No separate history: the call log is itself a record of events (CallEvent, CallTransfer,
    # AgentStateLog), and a history row per status callback would double the webhook's writes.

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["contact", "started_at"], name="call_contact"),
            models.Index(fields=["from_number", "started_at"], name="call_from"),
            models.Index(fields=["queue", "-priority", "queued_at"], name="call_waiting",
                         condition=Q(agent__isnull=True, ended_at__isnull=True, queued_at__isnull=False)),
            models.Index(fields=["agent", "started_at"], name="call_agent"),
            # crm's 360° view: a customer's calls newest first, and a contact's ratings by month
            # (the CSAT trend reads the index alone).
            models.Index(fields=["customer", "started_at"], name="call_customer"),
            models.Index(fields=["contact", "started_at"], name="call_contact_rated", include=["csat"],
                         condition=Q(csat__isnull=False)),
            # CC-B (issue 22.2): an agent's outbound calls; a ticket's calls.
            models.Index(fields=["placed_by", "started_at"], name="call_placed_by",
                         condition=Q(placed_by__isnull=False)),
            models.Index(fields=["ticket_kind", "ticket_id"], name="call_ticket", condition=Q(ticket_id__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.call_sid


class CallTransfer(models.Model):
    """An agent passed the call to another queue."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="transfer_log")
    from_queue = models.ForeignKey(Queue, null=True, on_delete=models.SET_NULL, related_name="+")
    to_queue = models.ForeignKey(Queue, on_delete=models.PROTECT, related_name="+")
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.call_id} → {self.to_queue_id}"


class AgentState(models.Model):
    """Where an agent is now: available (since when: the longest idle gets the next call),
    busy with a call, wrapping one up, or offline."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_state")
    state = models.CharField(max_length=10, choices=AgentStateChoice.choices, default=AgentStateChoice.OFFLINE)
    since = models.DateTimeField(default=timezone.now)
    call = models.ForeignKey(Call, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             help_text=_("the call offered, connected or being wrapped up"))

    class Meta:
        indexes = [models.Index(fields=["state", "since"], name="agent_idle")]

    def __str__(self) -> str:
        return f"{self.user} {self.state}"


class AgentStateLog(models.Model):
    """Every stretch an agent spent in one state (occupancy, wrap-up and logged-in time)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_state_log")
    state = models.CharField(max_length=10, choices=AgentStateChoice.choices)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    call = models.ForeignKey(Call, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["started_at", "id"]
        indexes = [models.Index(fields=["started_at"], name="agent_log_start"),
                   models.Index(fields=["ended_at"], name="agent_log_end"),
                   models.Index(fields=["user", "started_at"], name="agent_log_user")]
        # One open stretch per agent; also the index that finds it at once.
        constraints = [models.UniqueConstraint(fields=["user"], condition=Q(ended_at__isnull=True),
                                               name="agent_log_open")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.state} {self.started_at:%Y-%m-%d %H:%M}"


class CallEvent(models.Model):
    """One status callback, stored once (a replay changes nothing)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="events")
    sequence = models.IntegerField()
    status = models.CharField(max_length=20)
    at = models.DateTimeField()
    duration = models.PositiveIntegerField(null=True, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sequence"]
        constraints = [models.UniqueConstraint(fields=["call", "sequence"], name="%(app_label)s_%(class)s_once"),
                       models.CheckConstraint(condition=Q(sequence__gte=0), name="%(app_label)s_%(class)s_seq")]

    def __str__(self) -> str:
        return f"{self.call_id} #{self.sequence} {self.status}"


class Callback(models.Model):
    """Someone to call back: an abandoned or missed call, an after-hours call, a voicemail."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="callback")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="callbacks")
    number = models.CharField(max_length=32, blank=True)
    reason = models.CharField(max_length=12, choices=CallbackReason.choices)
    recording_url = models.URLField(max_length=500, blank=True)
    recording_seconds = models.PositiveIntegerField(null=True, blank=True)
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="callbacks")
    status = models.CharField(max_length=8, choices=CallbackStatus.choices, default=CallbackStatus.OPEN,
                              db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["agent"], condition=Q(status__in=["open", "claimed"]),
                                name="callback_open_agent")]

    def __str__(self) -> str:
        return f"call back {self.number or self.contact_id}"


class TelephonyRequest(models.Model):
    """What the outbox telephony backend was asked to do (development and tests)."""

    call_sid = models.CharField(max_length=64, db_index=True)
    action = models.CharField(max_length=20)
    url = models.CharField(max_length=500)
    params = models.JSONField(default=dict, blank=True, help_text=_("the request's other fields (To, From…)"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.action} {self.call_sid}"


# --- CC-A (issue 22.1, 22.3): recorded prompts, call recordings and quality review -----------------
class PromptSource(models.TextChoices):
    UPLOAD = "upload", _("Uploaded")
    PHONE = "phone", _("Recorded by phone")


def _prompt_path(instance, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "audio"
    return f"contactcenter/prompts/{uuid.uuid4().hex}.{extension[:5]}"


class PromptRecording(models.Model):
    """Recorded audio played (``<Play>``) instead of text-to-speech: one prompt of a line (its
    ``key`` names it, see ``contactcenter.prompts.PROMPTS``), or an announcement in one
    language. Uploaded by an administrator or recorded by phone."""

    line = models.ForeignKey(Line, null=True, blank=True, on_delete=models.CASCADE, related_name="prompt_recordings")
    announcement = models.ForeignKey(Announcement, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="recordings")
    key = models.CharField(_("prompt"), max_length=32)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    audio = models.FileField(_("audio"), upload_to=_prompt_path, max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField(default=0)
    source = models.CharField(max_length=8, choices=PromptSource.choices, default=PromptSource.UPLOAD)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["line_id", "announcement_id", "key", "language"]
        constraints = [
            models.UniqueConstraint(fields=["line", "key"], condition=Q(line__isnull=False),
                                    name="%(app_label)s_%(class)s_line_key"),
            models.UniqueConstraint(fields=["announcement", "language"], condition=Q(announcement__isnull=False),
                                    name="%(app_label)s_%(class)s_announcement_language"),
            models.CheckConstraint(condition=Q(line__isnull=True) ^ Q(announcement__isnull=True),
                                   name="%(app_label)s_%(class)s_one_owner"),
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.language})"


class PromptRecordingSession(models.Model):
    """A one-time code a staff member keys on the prompt-recording number
    (``CONTACT_CENTER_PROMPT_NUMBER``) to record one prompt, or an announcement, by phone."""

    line = models.ForeignKey(Line, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    announcement = models.ForeignKey(Announcement, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=32)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    code_hash = models.CharField(max_length=128, db_index=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    call_sid = models.CharField(max_length=64, blank=True, db_index=True)
    recording_sid = models.CharField(max_length=64, blank=True)
    recording = models.ForeignKey(PromptRecording, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"record {self.key} ({self.language})"


class RecordingStatus(models.TextChoices):
    """Twilio's ``RecordingStatus`` values."""

    IN_PROGRESS = "in-progress", _("Recording")
    COMPLETED = "completed", _("Completed")
    ABSENT = "absent", _("Absent (nothing recorded)")
    FAILED = "failed", _("Failed")


class CallRecording(models.Model):
    """A recording of a call, reported by Twilio's recording status callback (once per
    ``RecordingSid``), fetched into the default storage by a task, and deleted (file and
    Twilio's copy; the row stays) when its retention period ends."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="recordings")
    recording_sid = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=12, choices=RecordingStatus.choices, default=RecordingStatus.IN_PROGRESS)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    channels = models.PositiveSmallIntegerField(null=True, blank=True)
    file = models.FileField(upload_to="contactcenter/recordings/%Y/%m/", max_length=200, blank=True)
    content_type = models.CharField(max_length=60, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    fetch_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delete_after = models.DateTimeField(help_text=_("the end of the retention period"))
    deleted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["delete_after"], condition=Q(deleted_at__isnull=True),
                                name="callrec_due")]

    def __str__(self) -> str:
        return self.recording_sid


class EvaluationForm(models.Model):
    """A quality-review form: weighted questions a supervisor answers for a call (one per
    queue; a form without a queue serves the queues that have none)."""

    name = models.CharField(_("name"), max_length=120)
    queue = models.ForeignKey(Queue, verbose_name=_("queue"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="evaluation_forms")
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class EvaluationQuestion(models.Model):
    form = models.ForeignKey(EvaluationForm, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1,
                                              validators=[MinValueValidator(1), MaxValueValidator(100)])
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["form_id", "position", "id"]

    def __str__(self) -> str:
        return self.text


class Evaluation(models.Model):
    """A supervisor's review of a call: the form's answers give a 0–100 score for the call's
    agent (per-agent quality scores: ``contactcenter.quality.agent_quality_scores``)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="evaluations")
    form = models.ForeignKey(EvaluationForm, on_delete=models.PROTECT, related_name="evaluations")
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="quality_evaluations")
    queue = models.ForeignKey(Queue, null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluations")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    score = models.FloatField(validators=[MinValueValidator(0), MaxValueValidator(100)])
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["agent", "submitted_at"], name="evaluation_agent"),
                   models.Index(fields=["queue", "submitted_at"], name="evaluation_queue")]
        constraints = [
            models.UniqueConstraint(fields=["call", "evaluator"], name="%(app_label)s_%(class)s_once"),
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=100), name="%(app_label)s_%(class)s_score"),
        ]

    def __str__(self) -> str:
        return f"{self.call_id}: {self.score:.0f}"


class EvaluationAnswer(models.Model):
    """One question's points (0–``contactcenter.quality.MAX_POINTS``), with the weight it
    had when answered (the score stays what it was when a form changes)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(EvaluationQuestion, on_delete=models.PROTECT, related_name="answers")
    points = models.PositiveSmallIntegerField()
    weight = models.PositiveSmallIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluation_id", "question__position", "id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "question"], name="%(app_label)s_%(class)s_once")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.points}"


# --- Live supervision (CC-C, issue 22.4) ---------------------------------------------------------
# A call routed through a conference (CONTACT_CENTER_CONFERENCE): the caller's and the agent's
# legs meet in a conference named after the call, where a supervisor can listen (muted), whisper
# to the agent (coaching) or barge in. See contactcenter/supervision.py and docs "Supervision".
class SupervisionKind(models.TextChoices):
    LISTEN = "listen", _("Listen")
    WHISPER = "whisper", _("Whisper to the agent")
    BARGE = "barge", _("Barge in")
    LEAVE = "leave", _("Leave")


class Conference(models.Model):
    """The named conference a call's legs meet in (one per call)."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="conference")
    name = models.CharField(max_length=64, unique=True)
    sid = models.CharField(max_length=64, blank=True, db_index=True, help_text=_("Twilio's ConferenceSid"))
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Issue 22.4 leftovers: the caller's participant is on hold in the conference (an agent's
    # hold, or a transfer until the next agent joins); the desk's intent, sent to Twilio.
    caller_held = models.BooleanField(default=False, help_text=_("the caller hears hold music in the conference"))
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.name


class ConferenceLeg(models.Model):
    """A leg the desk added to a call's conference: the agent's, or a supervisor's."""

    class Role(models.TextChoices):
        AGENT = "agent", _("Agent")
        SUPERVISOR = "supervisor", _("Supervisor")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        JOINED = "joined", _("Joined")
        LEFT = "left", _("Left")
        FAILED = "failed", _("Not answered")

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="legs")
    role = models.CharField(max_length=10, choices=Role.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conference_legs")
    call_sid = models.CharField(max_length=64, blank=True, db_index=True, help_text=_("the leg's CallSid"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    muted = models.BooleanField(default=False)
    coaching = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        # One live leg per person and conference: a replayed event or a double click adds none.
        constraints = [models.UniqueConstraint(fields=["conference", "user", "role"],
                                               condition=Q(status__in=["requested", "joined"]),
                                               name="conference_leg_live")]

    def __str__(self) -> str:
        return f"{self.conference_id} {self.role} {self.user_id} {self.status}"


class ConferenceEvent(models.Model):
    """One conference or leg status callback, stored once (``sid`` is the ConferenceSid or the
    leg's CallSid, with Twilio's ``SequenceNumber``): a replay changes nothing."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="events")
    sid = models.CharField(max_length=64)
    sequence = models.IntegerField()
    event = models.CharField(max_length=32)
    call_sid = models.CharField(max_length=64, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["sid", "sequence"], name="conference_event_once")]

    def __str__(self) -> str:
        return f"{self.sid} #{self.sequence} {self.event}"


class SupervisionAction(models.Model):
    """A supervisor listened to, whispered in, barged into or left a live call."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="supervision_actions")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="supervision_actions")
    action = models.CharField(max_length=10, choices=SupervisionKind.choices)
    leg = models.ForeignKey(ConferenceLeg, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["call", "at"], name="supervision_call")]

    def __str__(self) -> str:
        return f"{self.supervisor_id} {self.action} {self.call_id}"


# --- CC-B (issue 22.2): auto-dial lists (preview mode) ---------------------------------------------
class DialList(models.Model):
    """An auto-dial list for a callback queue, in preview mode: an agent with the queue's skill
    sees the next contact and dials or skips; numbers are dialled only within opening hours,
    each at most ``max_attempts`` times and ``retry_minutes`` apart."""

    name = models.CharField(_("name"), max_length=120)
    queue = models.ForeignKey(Queue, verbose_name=_("queue"), on_delete=models.PROTECT, related_name="dial_lists",
                              help_text=_("its open callbacks are the list; its skill says who dials"))
    line = models.ForeignKey(Line, verbose_name=_("line"), on_delete=models.PROTECT, related_name="dial_lists",
                             help_text=_("the caller ID customers see, and its opening hours"))
    calendar = models.ForeignKey(BusinessCalendar, verbose_name=_("opening hours"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+", help_text=_("empty: the line's"))
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts per number"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)])
    retry_minutes = models.PositiveIntegerField(
        _("minutes between attempts"), default=60, validators=[MinValueValidator(1), MaxValueValidator(7 * 24 * 60)])
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class DialListEntry(models.Model):
    """One number of a dial list: when it may be dialled next, how often it was, and how it ended."""

    dial_list = models.ForeignKey(DialList, on_delete=models.CASCADE, related_name="entries")
    callback = models.ForeignKey(Callback, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="dial_entries")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    number = models.CharField(_("number (E.164)"), max_length=16)
    status = models.CharField(max_length=10, choices=DialEntryStatus.choices, default=DialEntryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    reserved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", help_text=_("the agent previewing it"))
    reserved_until = models.DateTimeField(null=True, blank=True)
    last_call = models.ForeignKey(Call, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    last_result = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["reserved_by", "reserved_until"])

    class Meta:
        ordering = ["next_attempt_at", "id"]
        constraints = [models.UniqueConstraint(fields=["dial_list", "number"], name="dial_entry_number")]
        indexes = [models.Index(fields=["dial_list", "next_attempt_at", "id"], name="dial_entry_due",
                                condition=Q(status="pending"))]

    def __str__(self) -> str:
        return f"{self.number} ({self.status})"


# --- W1 (issue 24.13): providers — in-house or outsourced — of queues and teams ------------------
class ProviderKind(models.TextChoices):
    IN_HOUSE = "in_house", _("In-house")
    OUTSOURCED = "outsourced", _("Outsourced")


class CostBasis(models.TextChoices):
    PER_CALL = "per_call", _("Per answered call")
    PER_HOUR = "per_hour", _("Per agent hour")


class Provider(models.Model):
    """Who answers a queue's calls: the bank's own staff or an outsourcing vendor, with what
    it costs (per answered call, or per logged-in hour of its teams' agents)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ProviderKind.choices, default=ProviderKind.IN_HOUSE)
    cost_basis = models.CharField(_("cost basis"), max_length=10, choices=CostBasis.choices,
                                  default=CostBasis.PER_HOUR)
    cost = models.DecimalField(_("cost"), max_digits=10, decimal_places=2, default=0,
                               validators=[MinValueValidator(0)],
                               help_text=_("per answered call or per agent hour, as the cost basis says"))
    currency = models.CharField(_("currency"), max_length=3, blank=True,
                                validators=[RegexValidator(r"^[A-Z]{3}$", _("An ISO 4217 code such as EUR."))],
                                help_text=_("empty: KPI_COST_CURRENCY"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamProvider(models.Model):
    """The provider of a team (catalog.Team), kept here so that catalog does not import the
    contact center: its agents' logged-in hours are the provider's hours."""

    team = models.OneToOneField("catalog.Team", verbose_name=_("team"), on_delete=models.CASCADE,
                                related_name="provider_link")
    provider = models.ForeignKey(Provider, verbose_name=_("provider"), on_delete=models.CASCADE,
                                 related_name="team_links")
    history = HistoricalRecords()

    class Meta:
        ordering = ["team_id"]

    def __str__(self) -> str:
        return f"{self.team_id} → {self.provider}"


# --- W2 (issue 24.11): all hands on the phones ------------------------------------------------------
class TemporaryAgentEnd(models.TextChoices):
    LEFT = "left", _("left")
    RESOLVED = "resolved", _("major incident resolved")


class TemporaryAgent(models.Model):
    """A staff member outside the contact center helping on the phones during a major
    incident (the TopHost procedure): routed the calls of ``queues`` from ``joined_at`` until
    they leave or the major incident is resolved. Their calls point here (counted apart)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="temporary_agent_stints")
    major_incident = models.ForeignKey(MajorIncident, on_delete=models.PROTECT, related_name="temporary_agents")
    queues = models.ManyToManyField(Queue, related_name="temporary_agents")
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.CharField(max_length=10, choices=TemporaryAgentEnd.choices, blank=True)
    history = HistoricalRecords(m2m_fields=[queues])

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [models.UniqueConstraint(fields=["user"], condition=Q(left_at__isnull=True),
                                               name="temporary_agent_open")]
        indexes = [models.Index(fields=["major_incident", "joined_at"], name="temporary_agent_major")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.major_incident_id}"
