from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from rest_framework import mixins, viewsets

from core.api.mixins import HistoryMixin
from core.errors import ConflictError
from core.permissions import IsAdminRole, RolePermission
from core.roles import STAFF_ROLES, Role

from .. import selectors
from ..canned_replies import canned_replies_visible_to
from ..filtersets import (
    ConfigurationItemFilterSet,
    ContactFilterSet,
    CustomerFilterSet,
    ServiceFilterSet,
    SkillFilterSet,
    TeamFilterSet,
    UserFilterSet,
)
from ..guards import ci_write_refusal
from ..models import CannedReply, CIRelation, ConfigurationItem, Contact, Customer, Service, Skill, Team
from . import serializers

User = get_user_model()
AGENTS_AND_UP = STAFF_ROLES - {Role.CAB_MEMBER}


class CatalogViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Staff read; admins write (unless a view says otherwise)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = frozenset({Role.ADMIN})


class ServiceViewSet(CatalogViewSet):
    """Business and IT services. Every signed-in user may read them (the portal lists them)."""

    queryset = Service.objects.all()
    serializer_class = serializers.ServiceSerializer
    filterset_class = ServiceFilterSet
    search_fields = ["name", "description"]
    ordering_fields = ["id", "name", "created_at", "availability_target"]
    read_roles = frozenset({"authenticated"})


def _refuse_uncontrolled_write(ci_ids) -> None:
    """409 for a direct write to a CI under change control: it changes through an RFC."""
    reason = ci_write_refusal(ci_ids)
    if reason:
        raise ConflictError(reason)


class ConfigurationItemViewSet(CatalogViewSet):
    """The CMDB. ``relations`` lists the CI's outgoing typed relations. A CI under change
    control (the change policy) is changed through an RFC: a direct update or delete is 409."""

    queryset = ConfigurationItem.objects.prefetch_related(
        Prefetch("outgoing", queryset=CIRelation.objects.order_by("id"))
    ).distinct()
    serializer_class = serializers.ConfigurationItemSerializer
    filterset_class = ConfigurationItemFilterSet
    search_fields = ["name", "description", "location"]
    ordering_fields = ["id", "name", "created_at", "ci_type", "status"]

    def perform_update(self, serializer):
        _refuse_uncontrolled_write([serializer.instance.pk])
        super().perform_update(serializer)

    def perform_destroy(self, instance):
        _refuse_uncontrolled_write([instance.pk])
        super().perform_destroy(instance)


class CIRelationViewSet(CatalogViewSet):
    """Edges of the CMDB graph: ``{source, target, kind (depends_on/runs_on/part_of)}``. An edge
    from or to a CI under change control is changed through an RFC (409 here)."""

    queryset = CIRelation.objects.all().order_by("id")
    serializer_class = serializers.CIRelationWriteSerializer
    filterset_fields = ["source", "target", "kind"]
    ordering_fields = ["id"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        _refuse_uncontrolled_write([getattr(data.get("source"), "pk", None), getattr(data.get("target"), "pk", None)])
        super().perform_create(serializer)

    def perform_update(self, serializer):
        data, row = serializer.validated_data, serializer.instance
        _refuse_uncontrolled_write([row.source_id, row.target_id, getattr(data.get("source"), "pk", None),
                                    getattr(data.get("target"), "pk", None)])
        super().perform_update(serializer)

    def perform_destroy(self, instance):
        _refuse_uncontrolled_write([instance.source_id, instance.target_id])
        super().perform_destroy(instance)


class CustomerViewSet(CatalogViewSet):
    """Customers with their tier. Requesters see only their own customer."""

    queryset = Customer.objects.none()  # for the schema; get_queryset() narrows by user
    serializer_class = serializers.CustomerSerializer
    filterset_class = CustomerFilterSet
    search_fields = ["name", "account_number"]
    ordering_fields = ["id", "name", "tier", "created_at"]
    read_roles = frozenset({"authenticated"})
    write_roles = AGENTS_AND_UP

    def get_queryset(self):
        return selectors.customers_visible_to(self.request.user).order_by("name", "id")


class ContactViewSet(CatalogViewSet):
    """People who contact the desk. Requesters see only themselves."""

    queryset = Contact.objects.none()  # for the schema; get_queryset() narrows by user
    serializer_class = serializers.ContactSerializer
    filterset_class = ContactFilterSet
    search_fields = ["name", "email", "phones__number", "customer__name"]
    ordering_fields = ["id", "name", "created_at"]
    read_roles = frozenset({"authenticated"})
    write_roles = AGENTS_AND_UP

    def get_queryset(self):
        return selectors.contacts_visible_to(self.request.user).order_by("name", "id")


class TeamViewSet(CatalogViewSet):
    queryset = Team.objects.prefetch_related("members", "skills")
    serializer_class = serializers.TeamSerializer
    filterset_class = TeamFilterSet
    search_fields = ["name", "description"]
    ordering_fields = ["id", "name"]


class SkillViewSet(CatalogViewSet):
    queryset = Skill.objects.all()
    serializer_class = serializers.SkillSerializer
    filterset_class = SkillFilterSet
    search_fields = ["name", "description"]
    ordering_fields = ["id", "name"]


class UserViewSet(HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                  mixins.ListModelMixin, viewsets.GenericViewSet):
    """People with a login, their roles, teams, manager, mobile and skills. Admins only.
    People are deactivated (``is_active: false``), never deleted, so their history stays."""

    permission_classes = [IsAdminRole]
    serializer_class = serializers.UserSerializer
    filterset_class = UserFilterSet
    search_fields = ["username", "email", "first_name", "last_name"]
    ordering_fields = ["id", "username", "date_joined", "last_name"]

    def get_queryset(self):
        return (
            User.objects.select_related("profile")
            .prefetch_related("groups", "teams", "profile__skills")
            .order_by("id")
            .distinct()
        )


class CannedReplyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Read-only, for agents: the canned replies of their teams and the global ones (another
    team's is a 404), as written. ``?team=<id>``, ``?search=`` (name, text). Admins manage
    them in the Django admin."""

    queryset = CannedReply.objects.none()  # for the schema; get_queryset() narrows by user
    serializer_class = serializers.CannedReplySerializer
    permission_classes = [RolePermission]
    read_roles = AGENTS_AND_UP
    write_roles = frozenset()
    filterset_fields = ["team"]
    search_fields = ["name", "body"]
    ordering_fields = ["id", "name", "updated_at"]

    def get_queryset(self):
        return canned_replies_visible_to(self.request.user)
