import factory

from catalog.tests.factories import ServiceFactory
from incidents.models import Incident


class IncidentFactory(factory.django.DjangoModelFactory):
    """A bare incident row (no SLA clocks, no number rules): use services.incident_create
    when the test is about creation."""

    class Meta:
        model = Incident

    title = factory.Sequence(lambda n: f"Incident {n}")
    service = factory.SubFactory(ServiceFactory)
    number = factory.Sequence(lambda n: f"INC9{n:05d}")
