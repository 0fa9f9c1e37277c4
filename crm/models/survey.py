"""Satisfaction surveys: after an incident or request is resolved, or a complaint closed, its
contact gets ONE survey (a unique (ticket_kind, ticket_id) row is the guarantee) by email, or
by SMS without an address, answered once, with no login, through a signed and expiring link.
The score (1–5) and comment attach to the ticket and its agent; a low score tells the team's
manager."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Contact, Customer, Team

from ..choices import SurveyChannel, SurveyTicketKind


class Survey(models.Model):
    ticket_kind = models.CharField(_("ticket kind"), max_length=20, choices=SurveyTicketKind.choices)
    ticket_id = models.PositiveBigIntegerField(_("ticket"))
    #: The ticket's number when the survey was sent (INC…, REQ…, CMP…), for lists and mail.
    ticket_number = models.CharField(_("ticket number"), max_length=16, blank=True)
    contact = models.ForeignKey(Contact, verbose_name=_("contact"), null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="surveys")
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="surveys")
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("agent"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="surveys")
    team = models.ForeignKey(Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="surveys")
    channel = models.CharField(_("channel"), max_length=10, choices=SurveyChannel.choices,
                               default=SurveyChannel.EMAIL)
    recipient = models.CharField(_("sent to"), max_length=254, blank=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True,
                                             validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)
    # Issue 24.14 (W1): "Was your issue solved the first time you contacted us?" (null: not answered).
    solved_first_contact = models.BooleanField(_("solved at the first contact"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [
            # The 360° timeline orders surveys by their answer, else their sending.
            models.Index(F("contact"), Coalesce("answered_at", "sent_at"), name="crm_survey_contact_at"),
            models.Index(F("customer"), Coalesce("answered_at", "sent_at"), name="crm_survey_customer_at"),
            models.Index(fields=["answered_at"], name="crm_survey_answered", condition=Q(score__isnull=False)),
        ]
        constraints = [
            models.UniqueConstraint(fields=["ticket_kind", "ticket_id"], name="%(app_label)s_%(class)s_one_per_ticket"),
            models.CheckConstraint(condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5),
                                   name="%(app_label)s_%(class)s_score_1_5"),
        ]

    def __str__(self) -> str:
        return f"survey {self.ticket_kind} {self.ticket_number or self.ticket_id}"
