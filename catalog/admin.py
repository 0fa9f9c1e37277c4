from django.contrib import admin
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin

from .canned_replies import PLACEHOLDERS
from .guards import ci_write_refusal
from .models import (
    AgentProfile,
    CannedReply,
    CIRelation,
    ConfigurationItem,
    Contact,
    ContactPhone,
    Customer,
    Service,
    Skill,
    Team,
)


@admin.register(Skill)
class SkillAdmin(SimpleHistoryAdmin):
    list_display = ["name", "description"]
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["name", "manager", "email"]
    list_select_related = ["manager"]
    search_fields = ["name"]
    filter_horizontal = ["members", "skills"]
    autocomplete_fields = ["manager"]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "owner_team", "availability_target", "is_active"]
    list_select_related = ["owner_team"]
    list_filter = ["is_active", "owner_team"]
    search_fields = ["name", "description"]


class CIRelationInline(admin.TabularInline):
    model = CIRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(ConfigurationItem)
class ConfigurationItemAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ci_type", "status", "service", "owner_team"]
    list_select_related = ["service", "owner_team"]
    list_filter = ["ci_type", "status", "service"]
    search_fields = ["name", "description", "location"]
    inlines = [CIRelationInline]

    # A CI under change control (the change policy) is changed through an RFC: read-only here.
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or not ci_write_refusal([obj.pk]))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or not ci_write_refusal([obj.pk]))


@admin.register(Customer)
class CustomerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "tier", "account_number"]
    list_filter = ["tier"]
    search_fields = ["name", "account_number"]


class ContactPhoneInline(admin.TabularInline):
    model = ContactPhone
    extra = 1


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "customer", "email"]
    list_select_related = ["customer"]
    search_fields = ["name", "email", "phones__number"]
    autocomplete_fields = ["customer", "user"]
    inlines = [ContactPhoneInline]


@admin.register(AgentProfile)
class AgentProfileAdmin(SimpleHistoryAdmin):
    list_display = ["user", "phone", "timezone", "language", "manager"]
    list_select_related = ["user", "manager"]
    search_fields = ["user__username", "phone"]
    filter_horizontal = ["skills"]
    autocomplete_fields = ["user", "manager"]


@admin.register(CannedReply)
class CannedReplyAdmin(SimpleHistoryAdmin):
    """A team's ready-made answers (no team: everyone's). The body's placeholders are listed
    under it; they are replaced with plain text, never run as a template."""

    list_display = ["name", "team", "is_active", "updated_at"]
    list_select_related = ["team"]
    list_filter = ["is_active", "team"]
    search_fields = ["name", "body"]
    autocomplete_fields = ["team"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.base_fields["body"].help_text = format_html_join(
            ", ", "<code>{{{{ {} }}}}</code> ({})", ((name, label) for name, label in PLACEHOLDERS.items()))
        return form
