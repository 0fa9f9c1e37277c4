import pytest
from django.core.management import call_command

from incidents.models import Incident
from mail.demo import DEMO_ADDRESS
from mail.models import Mailbox
from sla.models import SLATimer

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_push_mailbox_the_email_sla_and_an_email_incident():
    call_command("seed_demo", verbosity=0)

    mailbox = Mailbox.objects.get(address=DEMO_ADDRESS)
    assert (mailbox.protocol, mailbox.creates, mailbox.create_contacts) == ("push", "incident", True)
    incident = Incident.objects.get(mail_messages__message_id="<demo-invoice-export-1@tehran-textiles.example>")
    assert incident.channel == "email" and incident.contact.email == "reza@tehran-textiles.example"
    response = SLATimer.objects.get(object_id=incident.pk, content_type__model="incident", metric="response")
    assert (response.policy.channel, response.policy.response_minutes) == ("email", 120)
