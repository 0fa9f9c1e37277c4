
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from core.roles import Role
from core.timezones import timezone_names

from .. import services
from ..choices import CustomerTier
from ..models import (
    AgentProfile,
    CannedReply,
    CIRelation,
    ConfigurationItem,
    Contact,
    Customer,
    Service,
    Skill,
    Team,
)
from ..phone import normalize_phone

User = get_user_model()


def as_drf_error(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.message_dict if hasattr(exc, "message_dict") else exc.messages)


class SkillSerializer(serializers.ModelSerializer):
    class Meta:
        model = Skill
        fields = ["id", "name", "description"]


class TeamSerializer(serializers.ModelSerializer):
    members = serializers.PrimaryKeyRelatedField(many=True, queryset=User.objects.all(), required=False)
    skills = serializers.PrimaryKeyRelatedField(many=True, queryset=Skill.objects.all(), required=False)

    class Meta:
        model = Team
        fields = ["id", "name", "description", "email", "manager", "members", "skills"]


class ServiceSerializer(serializers.ModelSerializer):
    availability_target = serializers.DecimalField(max_digits=6, decimal_places=3, min_value=0,
                                                   max_value=100, required=False)

    class Meta:
        model = Service
        fields = ["id", "name", "description", "owner_team", "availability_target", "is_active", "created_at"]
        read_only_fields = ["created_at"]


class CIRelationSerializer(serializers.ModelSerializer):
    class Meta:
        model = CIRelation
        fields = ["id", "kind", "target"]


class ConfigurationItemSerializer(serializers.ModelSerializer):
    relations = serializers.SerializerMethodField(
        help_text="Outgoing typed relations: this CI depends on / runs on / is part of `target`."
    )

    class Meta:
        model = ConfigurationItem
        fields = ["id", "name", "ci_type", "status", "description", "service", "owner_team",
                  "location", "relations", "created_at"]
        read_only_fields = ["created_at"]

    def get_relations(self, ci) -> list[dict]:
        return [{"id": r.id, "kind": r.kind, "target": r.target_id} for r in ci.outgoing.all()]


class CIRelationWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = CIRelation
        fields = ["id", "source", "target", "kind"]

    def validate(self, attrs):
        # A PATCH may name neither end: compare the ends the relation will have.
        source = attrs.get("source", getattr(self.instance, "source", None))
        target = attrs.get("target", getattr(self.instance, "target", None))
        if source is not None and source == target:
            raise serializers.ValidationError({"target": ["A CI cannot relate to itself."]})
        return attrs


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name", "tier", "account_number", "notes", "created_at"]
        read_only_fields = ["created_at"]


class ContactSerializer(serializers.ModelSerializer):
    phone_numbers = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, max_length=10,
        help_text="Any format with a country code; stored and returned as E.164.",
    )
    # Not trimmed: "    " or " 1234" is not a PIN (a trimmed one became blank and cleared it). The
    # pattern stays one JSON Schema understands; the service refuses "1234\n" too.
    pin = serializers.RegexField(r"^[0-9]{4,8}$", write_only=True, required=False, allow_blank=True,
                                 trim_whitespace=False, error_messages={"invalid": "A PIN is 4 to 8 digits."},
                                 help_text="4–8 digits; stored hashed, never returned. Blank clears it.")
    has_pin = serializers.BooleanField(read_only=True)
    tier = serializers.ChoiceField(choices=CustomerTier.choices, source="customer.tier", read_only=True,
                                   allow_null=True, default=None, help_text="the customer's; null without one")

    class Meta:
        model = Contact
        fields = ["id", "name", "customer", "tier", "email", "phone_numbers", "pin", "has_pin",
                  "user", "language", "created_at"]
        read_only_fields = ["created_at"]

    def to_representation(self, contact):
        data = super().to_representation(contact)
        data["phone_numbers"] = [p.number for p in contact.phones.all()]
        return data

    def validate_phone_numbers(self, value):
        try:
            return services.normalize_phone_list(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict["phone_numbers"]) from exc

    def create(self, validated_data):
        try:
            return services.contact_create(**validated_data)
        except DjangoValidationError as exc:
            raise as_drf_error(exc) from exc

    def update(self, contact, validated_data):
        pin = validated_data.pop("pin", None)
        try:
            return services.contact_update(
                contact=contact, pin=pin or None, clear_pin=(pin == ""), **validated_data
            )
        except DjangoValidationError as exc:
            raise as_drf_error(exc) from exc


class UserSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, required=False, style={"input_type": "password"},
                                     max_length=128)
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices), required=False)
    teams = serializers.PrimaryKeyRelatedField(many=True, queryset=Team.objects.all(), required=False)
    manager = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), required=False, allow_null=True,
                                                 help_text="Approves this user's requests.")
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40,
                                  help_text="Mobile for SMS, E.164.")
    skills = serializers.PrimaryKeyRelatedField(many=True, queryset=Skill.objects.all(), required=False)
    timezone = serializers.CharField(required=False, allow_blank=True, max_length=64)
    language = serializers.CharField(required=False, allow_blank=True, max_length=10)

    class Meta:
        model = User
        fields = ["id", "username", "email", "first_name", "last_name", "password", "is_active", "roles",
                  "teams", "manager", "phone", "skills", "timezone", "language", "date_joined", "last_login"]
        read_only_fields = ["date_joined", "last_login"]

    def to_representation(self, user):
        data = super().to_representation(user)
        valid = set(Role.values)
        data["roles"] = sorted(g.name for g in user.groups.all() if g.name in valid)
        data["teams"] = [t.pk for t in user.teams.all()]
        profile: AgentProfile | None = getattr(user, "profile", None)
        data["manager"] = profile.manager_id if profile else None
        data["phone"] = profile.phone if profile else ""
        data["skills"] = [s.pk for s in profile.skills.all()] if profile else []
        data["timezone"] = profile.timezone if profile else ""
        data["language"] = profile.language if profile else ""
        return data

    def validate_phone(self, value):
        if not value:
            return value
        try:
            return normalize_phone(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc

    def validate_timezone(self, value):
        if value and value not in timezone_names():
            raise serializers.ValidationError(f"{value} is not a known timezone (e.g. Europe/Athens).")
        return value

    def validate_language(self, value):
        if value and value not in dict(settings.LANGUAGES):
            raise serializers.ValidationError(
                "Choose one of: " + ", ".join(code for code, _name in settings.LANGUAGES) + "."
            )
        return value

    def validate(self, attrs):
        password = attrs.get("password")
        if password:
            candidate = User(username=attrs.get("username", getattr(self.instance, "username", "")),
                             email=attrs.get("email", getattr(self.instance, "email", "")))
            try:
                validate_password(password, candidate)
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"password": exc.messages}) from exc
        manager = attrs.get("manager")
        if self.instance is not None and manager is not None and manager.pk == self.instance.pk:
            raise serializers.ValidationError({"manager": ["A person cannot be their own manager."]})
        return attrs

    def create(self, validated_data):
        validated_data.setdefault("roles", [Role.REQUESTER])
        try:
            return services.user_create(**validated_data)
        except DjangoValidationError as exc:
            raise as_drf_error(exc) from exc

    def update(self, user, validated_data):
        try:
            return services.user_update(user=user, **validated_data)
        except DjangoValidationError as exc:
            raise as_drf_error(exc) from exc


class CannedReplySerializer(serializers.ModelSerializer):
    """A ready-made answer as written (placeholders such as ``{{ contact.name }}`` unreplaced;
    ``team``: null for a global reply)."""

    class Meta:
        model = CannedReply
        fields = ["id", "name", "body", "team", "updated_at"]
        read_only_fields = fields
