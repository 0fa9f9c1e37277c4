from rest_framework import serializers

from core.api.serializers import ModelSerializer

from ...currencies import is_iso_4217
from ...models import Opportunity


class OpportunitySerializer(ModelSerializer):
    """``stage`` moves only through the actions (``qualify``, ``propose``, ``win``, ``lose``);
    ``owner`` defaults to the caller."""

    available_actions = serializers.SerializerMethodField()
    currency = serializers.CharField(max_length=3, required=False, default="EUR",
                                     help_text="ISO 4217, e.g. EUR, USD, BRL (upper-cased).")

    class Meta:
        model = Opportunity
        fields = ["id", "contact", "customer", "title", "product", "value", "currency", "stage", "owner", "call",
                  "expected_close", "lost_reason", "created_at", "closed_at", "available_actions"]
        read_only_fields = ["stage", "lost_reason", "created_at", "closed_at"]
        extra_kwargs = {"title": {"required": False, "allow_blank": True},
                        "value": {"min_value": 0}}

    def get_available_actions(self, opportunity) -> list[str]:
        from ...selectors import opportunity_available_actions  # selectors import the models this file reads
        request = self.context.get("request")
        return opportunity_available_actions(request.user if request else None, opportunity)

    def validate_currency(self, value: str) -> str:
        code = (value or "").strip().upper()
        if not is_iso_4217(code):
            raise serializers.ValidationError(f"{value!r} is not an ISO 4217 currency code (e.g. EUR, USD, BRL).")
        return code

    def validate(self, attrs):
        contact = attrs.get("contact", getattr(self.instance, "contact", None))
        customer = attrs.get("customer", getattr(self.instance, "customer", None))
        call = attrs.get("call", getattr(self.instance, "call", None))
        if contact is None and customer is None and (call is None or (call.contact_id is None
                                                                        and call.customer_id is None)):
            raise serializers.ValidationError({"contact": ["Give a contact, a customer or a call from one."]})
        return attrs


class LoseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)
