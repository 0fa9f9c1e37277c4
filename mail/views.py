"""Staff pages of the email channel: the mailboxes with their last fetch and last error."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from core.pages import FilteredListView
from core.roles import is_admin

from .choices import MessageStatus
from .filtersets import MailboxFilterSet
from .models import Mailbox


class MailboxListView(FilteredListView):
    """Every mailbox, how its mail arrives, when it was last fetched and what went wrong,
    with the number of messages kept failed for an admin to retry."""

    staff_message = _("Only service desk staff can see the mailboxes.")
    queryset = Mailbox.objects.all()
    filterset_class = MailboxFilterSet
    template_name = "mail/mailbox_list.html"
    context_object_name = "mailboxes"
    list_url = "mail:mailboxes"
    sorts = {"name": ["name", "id"], "fetched": ["-last_fetched_at", "id"]}
    default_sort = "name"
    sort_choices = [("name", _("Name")), ("fetched", _("Last fetched"))]

    def search(self, qs, term):
        return qs.filter(Q(name__icontains=term) | Q(address__icontains=term))

    def get_context_data(self, **kwargs):
        # Admins configure mailboxes and retry failed messages in the admin site.
        return {**super().get_context_data(**kwargs), "can_configure": is_admin(self.request.user)}

    def with_list_data(self, qs):
        return qs.select_related("catalog_item", "default_team").annotate(
            failed_count=Count("messages", filter=Q(messages__status=MessageStatus.FAILED)))
