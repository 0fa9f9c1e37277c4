"""The catalogue (services and the CMDB) and the people the desk serves and employs.

Services are what customers buy and call about; configuration items (CIs) are the parts
that make them up, linked by typed relations into a graph. Customers are organisations
with a tier (standard, gold, VIP) that tightens their SLA; contacts are the people who
call, with phone numbers in E.164 for caller identification and an optional hashed PIN.
Teams, skills and agent profiles describe the desk's own staff.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords

from .choices import CIRelationKind, CIStatus, CIType, CustomerTier

digits_only = RegexValidator(r"^[0-9]+$", _("Use digits only."), code="invalid")
e164 = RegexValidator(r"^\+[1-9][0-9]{6,14}$", _("Use E.164, e.g. +302101234567."), code="invalid")


class Skill(models.Model):
    """A skill agents have and call queues need (e.g. "cards", "Greek", "hosting")."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A group of agents that owns services and works a queue; its manager hears of escalations."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("team email"), blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("manager"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="managed_teams",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True, related_name="teams"
    )
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True, related_name="teams")
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """A business or IT service (internet banking, card payments, web hosting, email)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    owner_team = models.ForeignKey(
        Team, verbose_name=_("owner team"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="services",
    )
    availability_target = models.DecimalField(
        _("availability target (%)"), max_digits=6, decimal_places=3, default=99.9,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ConfigurationItem(models.Model):
    """A part of the infrastructure recorded in the CMDB."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    ci_type = models.CharField(_("type"), max_length=20, choices=CIType.choices, default=CIType.OTHER)
    status = models.CharField(_("status"), max_length=20, choices=CIStatus.choices, default=CIStatus.ACTIVE)
    description = models.TextField(_("description"), blank=True)
    service = models.ForeignKey(
        Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="cis",
    )
    owner_team = models.ForeignKey(
        Team, verbose_name=_("owner team"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="cis",
    )
    location = models.CharField(_("location"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("configuration item")

    def __str__(self) -> str:
        return self.name


class CIRelation(models.Model):
    """A typed edge of the CMDB graph: ``source`` depends on / runs on / is part of ``target``."""

    source = models.ForeignKey(ConfigurationItem, on_delete=models.CASCADE, related_name="outgoing")
    target = models.ForeignKey(ConfigurationItem, on_delete=models.CASCADE, related_name="incoming")
    kind = models.CharField(_("kind"), max_length=20, choices=CIRelationKind.choices)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="%(app_label)s_%(class)s_unique"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="%(app_label)s_%(class)s_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"


class Customer(models.Model):
    """An organisation (or private person) the desk serves. The tier tightens SLAs and
    puts VIP callers first in the queue."""

    name = models.CharField(_("name"), max_length=160)
    tier = models.CharField(_("tier"), max_length=10, choices=CustomerTier.choices, default=CustomerTier.STANDARD)
    account_number = models.CharField(
        _("account number"), max_length=20, unique=True, validators=[digits_only],
        help_text=_("Digits; callers key it in when their number is not known."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["tier"], name="catalog_customer_tier"),
            models.Index(fields=["name", "id"], name="catalog_customer_name_id"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_vip(self) -> bool:
        return self.tier == CustomerTier.VIP


class Contact(models.Model):
    """A person who contacts the desk, optionally with a login (a requester)."""

    name = models.CharField(_("name"), max_length=160)
    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="contacts",
    )
    email = models.EmailField(_("email"), blank=True, db_index=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("login"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="contact",
    )
    pin_hash = models.CharField(max_length=128, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["pin_hash"])

    class Meta:
        ordering = ["name", "id"]
        # Lists are ordered by name: without this index PostgreSQL sorts the whole table
        # for every page (0.6 s at a million contacts, 1 ms with it).
        indexes = [
            models.Index(fields=["name", "id"], name="catalog_contact_name_id"),
            # A sender's address is matched case-insensitively (email__iexact is UPPER(email)
            # = UPPER(%s) on PostgreSQL): the email channel looks a contact up per message.
            models.Index(Upper("email"), name="catalog_contact_email_upper"),
        ]

    def __str__(self) -> str:
        return self.name

    def set_pin(self, pin: str | None) -> None:
        self.pin_hash = make_password(pin) if pin else ""

    def check_pin(self, pin: str) -> bool:
        return bool(self.pin_hash) and check_password(pin, self.pin_hash)

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)


class ContactPhone(models.Model):
    """One phone number of a contact, in E.164; unique, so a caller ID names one contact."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=16, unique=True, validators=[e164])
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contact_id", "position", "id"]

    def __str__(self) -> str:
        return self.number


class AgentProfile(models.Model):
    """What the desk knows about a person with a login: the mobile that gets SMS
    escalations, skills for call routing, timezone and language for the pages, and the
    manager who approves their requests."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    phone = models.CharField(_("mobile (E.164)"), max_length=16, blank=True, validators=[e164])
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True, related_name="agents")
    timezone = models.CharField(_("timezone"), max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("manager"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="reports",
    )
    history = HistoricalRecords(m2m_fields=[skills])

    def __str__(self) -> str:
        return f"profile of {self.user}"


# People with a login change too (roles, email): keep their history beside the catalogue's.
register(get_user_model(), app=__package__, excluded_fields=["password", "last_login"])


class CannedReply(models.Model):
    """A ready-made answer an agent inserts into a note or a reply to the customer: a team's
    own, or global (no team) for everyone. Its body may hold a small fixed set of
    placeholders (``{{ contact.name }}``, ``{{ ticket.number }}``... see
    :mod:`catalog.canned_replies`) that are replaced with plain values, never run as a template."""

    name = models.CharField(_("name"), max_length=120)
    body = models.TextField(_("text"))
    team = models.ForeignKey(Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.CASCADE,
                             related_name="canned_replies", help_text=_("Empty: every agent may use it."))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="%(app_label)s_%(class)s_team_name"),
            models.UniqueConstraint(fields=["name"], condition=Q(team__isnull=True),
                                    name="%(app_label)s_%(class)s_global_name"),
        ]

    def __str__(self) -> str:
        return self.name
