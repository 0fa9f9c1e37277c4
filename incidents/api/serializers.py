
from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import QuerySet
from django.urls import reverse
from rest_framework import serializers

from catalog.models import ConfigurationItem, Contact, Service, Team
from core.api.serializers import FieldsBuiltOnceMixin, ModelSerializer
from core.caching import LocalCache
from core.roles import is_staff_member
from sla.api.fields import SLATimersField

from ..choices import NoteVisibility, ResolutionCode
from ..models import Attachment, Incident, IncidentNote, PriorityMatrix
from ..selectors import incident_available_actions

User = get_user_model()


class PageTimers(list):
    """A page's timers of one incident (``selectors.page_timers``), read like the prefetched
    manager they stand in for (``.all()``)."""

    def all(self):
        return self


class PageTimersField(SLATimersField):
    """The clocks, from the timers the list attached to its page (``page_timers``: one query
    for the page, no queryset per row), else from the incident's prefetched ``sla_timers``.
    The same output and schema as :class:`SLATimersField`."""

    def get_attribute(self, instance):
        timers = getattr(instance, "page_timers", None)
        return timers if timers is not None else super().get_attribute(instance)


_BY_PK: dict[tuple[type, str], tuple[str, list[str]] | None] = {}
_BIGINT = 2**63


def _by_pk_statement(model, alias: str) -> tuple[str, list[str]] | None:
    """``SELECT <every column> FROM <table> WHERE <pk> = %s`` for ``model`` on PostgreSQL and the
    attributes its row fills, built once per process; None where the ORM must read it (values
    to convert, other databases)."""
    key = (model, alias)
    if key not in _BY_PK:
        connection, fields = connections[alias], model._meta.concrete_fields
        statement = None
        if connection.vendor == "postgresql" and not any(hasattr(f, "from_db_value") for f in fields):
            qn = connection.ops.quote_name
            statement = (f"SELECT {', '.join(qn(f.column) for f in fields)} FROM {qn(model._meta.db_table)} "  # noqa: S608
                         f"WHERE {qn(model._meta.pk.column)} = %s", [f.attname for f in fields])
        _BY_PK[key] = statement
    return _BY_PK[key]


class PrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """DRF's, reading a record of a plain queryset (``Model.objects.all()``) given by an integer
    id with one statement built once per process: the ORM builds and compiles the look-up on
    every request (about 0.7 ms of CPU of an API create). Anything else (a filtered queryset, a
    string, a float…) takes DRF's path: the same records, the same errors."""

    def to_internal_value(self, data):
        queryset = self.queryset
        if type(self).get_queryset is not serializers.RelatedField.get_queryset or not isinstance(queryset, QuerySet):
            queryset = self.get_queryset()  # (DRF's clones the declared queryset: only read here, never run)
        query = queryset.query
        if (type(data) is not int or not -_BIGINT < data < _BIGINT or self.pk_field is not None
                or query.where or query.select_related or query.deferred_loading != (frozenset(), True)
                or query.annotations or query.extra or queryset._prefetch_related_lookups):
            return super().to_internal_value(data)
        model, alias = queryset.model, queryset.db
        statement = _by_pk_statement(model, alias)
        if statement is None:
            return super().to_internal_value(data)
        sql, attnames = statement
        row = self.row(model, alias, sql, data)
        if row is None:
            self.fail("does_not_exist", pk_value=data)
        return model.from_db(alias, attnames, row)

    def row(self, model, alias: str, sql: str, pk: int) -> tuple | None:
        """The record's row (every column, as ``sql`` reads it), or None."""
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, [pk])
            return cursor.fetchone()


#: Every service's row, per process (core.caching.LocalCache): an API create names its service,
#: an admin changes services a few times a year. Saving or deleting a service empties it, and so
#: does a team's save or deletion (deleting a team sets its services' owner to NULL with an
#: ``UPDATE``, which sends no ``post_save``).
_service_rows = LocalCache("incidents:api-service-rows:version")
_service_rows.connect(Service, Team)


class ServiceField(PrimaryKeyRelatedField):
    """The service, read from :data:`_service_rows` (no statement: one round trip less per
    create); the same record, as a new instance each time, and the same errors."""

    def row(self, model, alias: str, sql: str, pk: int) -> tuple | None:
        if model is not Service:
            return super().row(model, alias, sql, pk)

        def load() -> dict:
            every, _ = sql.split(" WHERE ")  # ``sql`` without its condition: every row (a few dozen services)
            k = [f.attname for f in model._meta.concrete_fields].index(model._meta.pk.attname)
            with connections[alias].cursor() as cursor:
                cursor.execute(every)
                return {row[k]: row for row in cursor.fetchall()}

        return _service_rows.get(("rows", alias, sql), load).get(pk)


class IncidentSerializer(FieldsBuiltOnceMixin, ModelSerializer):
    sla = PageTimersField()
    actions = serializers.SerializerMethodField(help_text="the actions the caller may take now")
    service = ServiceField(queryset=Service.objects.all(), required=False, allow_null=True)
    ci = PrimaryKeyRelatedField(queryset=ConfigurationItem.objects.all(), required=False, allow_null=True)
    contact = PrimaryKeyRelatedField(queryset=Contact.objects.all(), required=False, allow_null=True)
    team = PrimaryKeyRelatedField(queryset=Team.objects.all(), required=False, allow_null=True,
                                  help_text="on create only; later through `assign`")
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                  allow_null=True, help_text="on create only; later `assign`")

    class Meta:
        model = Incident
        fields = ["id", "number", "title", "description", "service", "ci", "contact", "customer", "requester",
                  "channel", "impact", "urgency", "priority", "status", "team", "assignee", "parent", "is_major",
                  "hold_reason", "resolution_code", "resolution", "reopen_count", "created_at", "updated_at",
                  "acknowledged_at", "resolved_at", "closed_at", "sla", "actions"]
        read_only_fields = ["number", "customer", "requester", "priority", "status", "parent", "is_major",
                            "hold_reason", "resolution_code", "resolution", "reopen_count", "created_at",
                            "updated_at", "acknowledged_at", "resolved_at", "closed_at"]

    def get_actions(self, incident) -> list[str]:
        return incident_available_actions(getattr(self.context.get("request"), "user", None), incident)

    def validate(self, attrs):
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if self.instance is not None and ({"team", "assignee"} & set(attrs)):
            raise serializers.ValidationError({"assignee": ["Use the assign action to change team or assignee."]})
        if not is_staff_member(user):
            for field in ("team", "assignee"):
                attrs.pop(field, None)
        contact = attrs.get("contact")
        if contact is not None and not is_staff_member(user) and contact.user_id != getattr(user, "pk", None):
            raise serializers.ValidationError({"contact": ["You can report only for yourself."]})
        ci, service = attrs.get("ci"), attrs.get("service")
        if ci is not None and service is not None and ci.service_id and ci.service_id != service.pk:
            raise serializers.ValidationError({"ci": [f"{ci} belongs to another service."]})
        return attrs


class IncidentBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Incident
        fields = ["id", "number", "title", "status", "priority"]


class AssignSerializer(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                  allow_null=True)
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all(), required=False, allow_null=True)

    def validate(self, attrs):
        if not attrs.get("assignee") and not attrs.get("team"):
            raise serializers.ValidationError({"assignee": ["Give an assignee, a team or both."]})
        return attrs


class HoldSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class ReopenSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ResolveSerializer(serializers.Serializer):
    resolution_code = serializers.ChoiceField(choices=ResolutionCode.choices)
    resolution = serializers.CharField(max_length=10000)


class LinkSerializer(serializers.Serializer):
    parent = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), allow_null=True)


class EmptySerializer(serializers.Serializer):
    pass


class NoteSerializer(serializers.ModelSerializer):
    author_name = serializers.SerializerMethodField()
    visibility = serializers.ChoiceField(choices=NoteVisibility.choices, default=NoteVisibility.INTERNAL)

    class Meta:
        model = IncidentNote
        fields = ["id", "body", "visibility", "author", "author_name", "created_at"]
        read_only_fields = ["author", "created_at"]
        extra_kwargs = {"body": {"max_length": 20000}}

    def get_author_name(self, note) -> str:
        return (note.author.get_full_name() or note.author.get_username()) if note.author else ""


class AttachmentSerializer(serializers.ModelSerializer):
    file = serializers.FileField(write_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "file", "name", "size", "content_type", "visibility", "uploaded_by", "created_at", "url"]
        read_only_fields = ["name", "size", "content_type", "uploaded_by", "created_at"]

    def get_url(self, attachment) -> str:
        """The permission-checked download, never the storage's own /media/ address (not
        served: it would skip the check)."""
        return reverse("incident-attachment-download", args=[attachment.incident_id, attachment.pk])


class PriorityCellSerializer(serializers.ModelSerializer):
    class Meta:
        model = PriorityMatrix
        fields = ["id", "impact", "urgency", "priority"]
        read_only_fields = ["impact", "urgency"]
