"""FilterSets shared by the API lists and the browser lists."""

import django_filters
from django.contrib.auth import get_user_model

from .choices import CIRelationKind, CIStatus, CIType, CustomerTier
from .models import ConfigurationItem, Contact, Customer, Service, Skill, Team
from .phone import try_normalize_phone

User = get_user_model()


class ServiceFilterSet(django_filters.FilterSet):
    class Meta:
        model = Service
        fields = ["owner_team", "is_active"]


class ConfigurationItemFilterSet(django_filters.FilterSet):
    ci_type = django_filters.MultipleChoiceFilter(choices=CIType.choices)
    status = django_filters.MultipleChoiceFilter(choices=CIStatus.choices)
    depends_on = django_filters.ModelChoiceFilter(
        field_name="outgoing__target", queryset=ConfigurationItem.objects.all(),
        label="has a relation to this CI",
    )
    relation = django_filters.ChoiceFilter(field_name="outgoing__kind", choices=CIRelationKind.choices)

    class Meta:
        model = ConfigurationItem
        fields = ["service", "owner_team", "ci_type", "status"]


class CustomerFilterSet(django_filters.FilterSet):
    tier = django_filters.MultipleChoiceFilter(choices=CustomerTier.choices)

    class Meta:
        model = Customer
        fields = ["tier", "account_number"]


class ContactFilterSet(django_filters.FilterSet):
    phone = django_filters.CharFilter(method="filter_phone", label="phone number (any format)")
    tier = django_filters.ChoiceFilter(field_name="customer__tier", choices=CustomerTier.choices)

    class Meta:
        model = Contact
        fields = ["customer", "email", "user"]

    def filter_phone(self, queryset, name, value):
        number = try_normalize_phone(value)
        if number is None:
            return queryset.none()
        return queryset.filter(phones__number=number)


class TeamFilterSet(django_filters.FilterSet):
    member = django_filters.ModelChoiceFilter(field_name="members", queryset=User.objects.all())

    class Meta:
        model = Team
        fields = ["manager", "member"]


class SkillFilterSet(django_filters.FilterSet):
    class Meta:
        model = Skill
        fields = ["name"]


class UserFilterSet(django_filters.FilterSet):
    role = django_filters.CharFilter(field_name="groups__name", label="role")
    team = django_filters.ModelChoiceFilter(field_name="teams", queryset=Team.objects.all())

    class Meta:
        model = User
        fields = ["is_active", "role", "team"]
