from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from sla.protocol import SLAFacts


class DemoTicket(models.Model):
    title = models.CharField(max_length=100, default="Internet banking down")
    kind = models.CharField(max_length=20, default="incident")
    status = models.CharField(max_length=20, default="new")
    priority = models.PositiveSmallIntegerField(null=True, blank=True)
    customer_tier = models.CharField(max_length=10, blank=True)
    channel = models.CharField(max_length=20, blank=True)
    service = models.ForeignKey("catalog.Service", null=True, blank=True, on_delete=models.SET_NULL)
    team = models.ForeignKey("catalog.Team", null=True, blank=True, on_delete=models.SET_NULL)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    sla_timers = GenericRelation("sla.SLATimer")

    def __str__(self) -> str:
        return self.sla_label()

    def get_absolute_url(self) -> str:
        return f"/tickets/{self.pk}/"

    def sla_facts(self) -> SLAFacts:
        return SLAFacts(kind=self.kind, status=self.status, priority=self.priority,
                        customer_tier=self.customer_tier or None, channel=self.channel or None,
                        service_id=self.service_id, team_id=self.team_id, assignee_id=self.assignee_id)

    def sla_label(self) -> str:
        return f"TCK{self.pk:06d} {self.title}"
