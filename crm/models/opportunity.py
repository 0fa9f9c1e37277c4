"""Sales opportunities: a lead an agent raises, usually from a call, and moves through the
pipeline ``new → qualified → proposal → won | lost`` (ARCHITECTURE.md)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.models import Contact, Customer
from contactcenter.models import Call
from core.roles import Role, has_role, is_staff_member

from ..choices import OpportunityStage
from ..currencies import is_iso_4217

ST = OpportunityStage


def validate_currency(value: str) -> None:
    if not is_iso_4217(value):
        raise ValidationError(_("%(code)s is not an ISO 4217 currency code."), params={"code": value},
                              code="currency")


def may_work_on(instance, user) -> bool:
    """Its owner moves it; managers and administrators move anyone's."""
    if not is_staff_member(user):
        return False
    return instance.owner_id == user.pk or has_role(user, Role.MANAGER, Role.ADMIN)


class Opportunity(ConcurrentTransitionMixin, models.Model):
    contact = models.ForeignKey(Contact, verbose_name=_("contact"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="opportunities")
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="opportunities")
    title = models.CharField(_("title"), max_length=200)
    product = models.CharField(_("product"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, default=Decimal("0"),
                                validators=[MinValueValidator(Decimal("0"))])
    currency = models.CharField(_("currency"), max_length=3, default="EUR", validators=[validate_currency])
    stage = FSMField(_("stage"), max_length=12, choices=ST.choices, default=ST.NEW, protected=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="opportunities")
    call = models.ForeignKey(Call, verbose_name=_("call"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="opportunities")
    expected_close = models.DateField(_("expected close"), null=True, blank=True)
    lost_reason = models.CharField(_("why lost"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("raised"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [
            models.Index(fields=["contact", "created_at"], name="crm_opportunity_contact"),
            models.Index(fields=["customer", "created_at"], name="crm_opportunity_customer"),
            models.Index(fields=["owner", "stage"], name="crm_opportunity_owner"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="%(app_label)s_%(class)s_value_not_negative"),
            models.CheckConstraint(condition=Q(contact__isnull=False) | Q(customer__isnull=False),
                                   name="%(app_label)s_%(class)s_someone"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.value} {self.currency})"

    def get_absolute_url(self) -> str:
        return reverse("crm:opportunity", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.stage in (ST.NEW, ST.QUALIFIED, ST.PROPOSAL)

    def clean(self):
        super().clean()
        if self.contact_id and self.customer_id and self.contact.customer_id not in (None, self.customer_id):
            raise ValidationError({"customer": _("The contact belongs to another customer.")})
        if not self.contact_id and not self.customer_id:
            raise ValidationError({"contact": _("Give a contact or a customer.")})

    # --- the guards ------------------------------------------------------------------------
    def has_product(self) -> bool:
        return bool(self.product.strip())

    def has_value(self) -> bool:
        return self.value is not None and self.value > 0

    def has_lost_reason(self) -> bool:
        return bool(self.lost_reason.strip())

    @transition(field=stage, source=ST.NEW, target=ST.QUALIFIED, conditions=[has_product], permission=may_work_on)
    def qualify(self):
        """A real need, a buyer, a product: worth working."""

    @transition(field=stage, source=ST.QUALIFIED, target=ST.PROPOSAL, conditions=[has_value],
                permission=may_work_on)
    def propose(self):
        """An offer with a price went out."""

    @transition(field=stage, source=ST.PROPOSAL, target=ST.WON, conditions=[has_value], permission=may_work_on)
    def win(self):
        """The customer bought."""

    @transition(field=stage, source=[ST.NEW, ST.QUALIFIED, ST.PROPOSAL], target=ST.LOST,
                conditions=[has_lost_reason], permission=may_work_on)
    def lose(self):
        """No sale, with the reason."""
