from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .choices import MessageStatus
from .models import Mailbox, MailMessage
from .services.inbound import mail_retry
from .services.mailboxes import WRITABLE, mailbox_save


class MailboxForm(forms.ModelForm):
    # Never rendered back into the page; left empty, the stored password stays.
    password = forms.CharField(label=_("IMAP password"), required=False, strip=False,
                               widget=forms.PasswordInput(render_value=False),
                               help_text=_("Leave empty to keep the stored password."))

    class Meta:
        model = Mailbox
        fields = list(WRITABLE)

    def clean_address(self):
        return (self.cleaned_data.get("address") or "").strip().lower()  # stored and compared in lower case


@admin.register(Mailbox)
class MailboxAdmin(SimpleHistoryAdmin):
    form = MailboxForm
    list_display = ["name", "address", "protocol", "creates", "active", "last_fetched_at", "last_error"]
    list_filter = ["protocol", "creates", "active"]
    search_fields = ["name", "address"]
    readonly_fields = ["last_fetched_at", "last_error"]
    raw_id_fields = ["catalog_item", "default_service", "default_team"]

    def save_model(self, request, obj, form, change):
        # Through the service, like the API: the same rules and the history's actor.
        data = {name: form.cleaned_data[name] for name in WRITABLE if name in form.cleaned_data}
        saved = mailbox_save(mailbox=Mailbox.objects.get(pk=obj.pk) if change else None, data=data,
                             actor=request.user)
        obj.pk = saved.pk


@admin.register(MailMessage)
class MailMessageAdmin(admin.ModelAdmin):
    """Every message the desk received or sent, read-only. Failed incoming ones (kept with
    their raw bytes and the error) can be retried once the cause is fixed."""

    list_display = ["created_at", "direction", "mailbox", "from_address", "subject", "status", "result", "incident",
                    "request"]
    list_filter = ["direction", "status", "result", "mailbox"]
    list_select_related = ["mailbox", "incident", "request"]
    search_fields = ["message_id", "from_address", "subject"]
    readonly_fields = [field.name for field in MailMessage._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Retry the selected failed messages"))
    def retry(self, request, queryset):
        done = skipped = 0
        for message in queryset.filter(status=MessageStatus.FAILED, direction="in").order_by("pk"):
            outcome = mail_retry(message=message, actor=request.user)
            if outcome.message is not None and outcome.message.status == MessageStatus.FAILED:
                skipped += 1
                self.message_user(request, _("%(id)s still fails: %(reason)s")
                                  % {"id": message.message_id, "reason": outcome.reason}, messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, ngettext("%(count)d message handled.", "%(count)d messages handled.", done)
                              % {"count": done}, messages.SUCCESS)
        if not done and not skipped:
            self.message_user(request, _("Only failed incoming messages can be retried."), messages.WARNING)
