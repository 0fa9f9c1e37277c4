import factory

from catalog.tests.factories import ContactFactory, ServiceFactory
from crm.models import Complaint, Survey


class ComplaintFactory(factory.django.DjangoModelFactory):
    """A bare complaint row (no SLA clocks): use services.complaint_create when the test is
    about recording one."""

    class Meta:
        model = Complaint

    subject = factory.Sequence(lambda n: f"Complaint {n}")
    number = factory.Sequence(lambda n: f"CMP9{n:05d}")
    contact = factory.SubFactory(ContactFactory)
    customer = factory.LazyAttribute(lambda c: c.contact.customer if c.contact else None)
    service = factory.SubFactory(ServiceFactory)


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    ticket_kind = "incident"
    ticket_id = factory.Sequence(lambda n: 900000 + n)
    ticket_number = factory.Sequence(lambda n: f"INC8{n:05d}")
    contact = factory.SubFactory(ContactFactory)
    customer = factory.LazyAttribute(lambda s: s.contact.customer if s.contact else None)
    recipient = factory.LazyAttribute(lambda s: s.contact.email if s.contact else "")
