from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Opportunity


# --- opportunities (crm-360) ---
@admin.register(Opportunity)
class OpportunityAdmin(SimpleHistoryAdmin):
    """Read-mostly: the stage moves through the pipeline's pages and the API."""

    list_display = ["title", "stage", "value", "currency", "owner", "contact", "customer", "created_at"]
    list_filter = ["stage", "currency"]
    list_select_related = ["owner", "contact", "customer"]
    search_fields = ["title", "product"]
    readonly_fields = ["stage", "closed_at", "created_at", "created_by"]
    raw_id_fields = ["contact", "customer", "owner", "call"]


# --- complaints and surveys (crm-complaints) ---
from .models import Complaint, Survey  # noqa: E402


@admin.register(Complaint)
class ComplaintAdmin(SimpleHistoryAdmin):
    """Read-mostly: the status moves through the complaint's page and the API's actions."""

    list_display = ["number", "kind", "subject", "status", "severity", "owner", "customer", "created_at"]
    list_filter = ["kind", "status", "severity", "channel"]
    list_select_related = ["owner", "customer"]
    search_fields = ["number", "subject"]
    readonly_fields = ["number", "status", "acknowledged_at", "responded_at", "escalated_at", "closed_at",
                       "satisfied", "response", "reopen_count", "created_at", "created_by", "requester"]
    raw_id_fields = ["contact", "customer", "service", "owner", "team", "call", "incidents"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    """Read-only: surveys are sent by the desk and answered by the contact's link."""

    list_display = ["ticket_kind", "ticket_number", "contact", "agent", "channel", "sent_at", "score"]
    list_filter = ["ticket_kind", "channel", "score"]
    list_select_related = ["contact", "agent"]
    search_fields = ["ticket_number", "recipient"]
    raw_id_fields = ["contact", "customer", "agent", "team"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
