import pytest
from django.core.management import call_command

from crm.models import Complaint, Survey

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_complaints_in_several_states_and_answered_surveys_once():
    call_command("seed_demo", verbosity=0)
    states = set(Complaint.objects.values_list("status", flat=True))
    counts = (Complaint.objects.count(), Survey.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Complaint.objects.count(), Survey.objects.count()) == counts
    assert states >= {"received", "acknowledged", "investigating", "escalated", "responded", "closed"}
    assert set(Complaint.objects.values_list("kind", flat=True)) == {"complaint", "compliment", "suggestion"}
    assert all(number.startswith("CMP") for number in Complaint.objects.values_list("number", flat=True))
    answered = Survey.objects.filter(score__isnull=False)
    assert {"incident", "complaint"} <= set(answered.values_list("ticket_kind", flat=True))
    assert Complaint.objects.exclude(sla_timers=None).exists()
