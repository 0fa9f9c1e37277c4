from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from core.api.serializers import ModelSerializer

from ..choices import Result
from ..models import Mailbox
from ..services.mailboxes import mailbox_save


class LowerCaseEmailField(serializers.EmailField):
    """An address compared and stored in lower case (so the unique check sees it as stored)."""

    def to_internal_value(self, data):
        return super().to_internal_value(data).strip().lower()


class MailboxSerializer(ModelSerializer):
    address = LowerCaseEmailField(max_length=254, validators=[UniqueValidator(
        queryset=Mailbox.objects.all(), message=_("Another mailbox has this address."))])
    password = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=255,
                                     style={"input_type": "password"},
                                     help_text=_("Write-only; empty or left out keeps the stored one."))

    class Meta:
        model = Mailbox
        fields = ["id", "name", "address", "protocol", "host", "port", "username", "password", "folder", "use_tls",
                  "creates", "catalog_item", "default_service", "default_team", "create_contacts", "active",
                  "last_fetched_at", "last_error"]
        read_only_fields = ["last_fetched_at", "last_error"]

    def _actor(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    # The cross-field rules (IMAP needs a host and user, requests an item) are the model's
    # clean(), run by mailbox_save.
    def create(self, validated_data):
        return mailbox_save(data=validated_data, actor=self._actor())

    def update(self, instance, validated_data):
        return mailbox_save(mailbox=instance, data=validated_data, actor=self._actor())


class InboundResultSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=Result.choices)
    incident = serializers.IntegerField(allow_null=True, help_text=_("The incident created, appended to or reopened."))
    request = serializers.IntegerField(allow_null=True, help_text=_("The service request created or appended to."))
    reason = serializers.CharField(allow_blank=True, help_text=_("Why it was ignored, or what was left out."))


class FetchQueuedSerializer(serializers.Serializer):
    queued = serializers.BooleanField()
