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
