import factory

from catalog.tests.factories import UserFactory
from servicerequests.models import Approval, CatalogItem, FulfilmentTask, ServiceRequest


class CatalogItemFactory(factory.django.DjangoModelFactory):
    """An item anyone may order, with no form, no approvals and no tasks."""

    class Meta:
        model = CatalogItem
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Item {n}")
    category = "Hardware"


class ServiceRequestFactory(factory.django.DjangoModelFactory):
    """A bare request row: use services.request_submit when the test is about ordering."""

    class Meta:
        model = ServiceRequest

    number = factory.Sequence(lambda n: f"REQ9{n:05d}")
    catalog_item = factory.SubFactory(CatalogItemFactory)
    requested_by = factory.SubFactory(UserFactory)
    requested_for = factory.SelfAttribute("requested_by")


class ApprovalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Approval

    request = factory.SubFactory(ServiceRequestFactory)
    level = 1
    approver = factory.SubFactory(UserFactory)


class FulfilmentTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FulfilmentTask

    request = factory.SubFactory(ServiceRequestFactory)
    title = factory.Sequence(lambda n: f"Task {n}")
