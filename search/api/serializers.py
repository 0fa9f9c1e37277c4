"""The search API's query parameters and its answer (API.md: ``search/?q=&kind=``)."""

from rest_framework import serializers

from ..engine import DEFAULT_LIMIT, KINDS, MAX_LIMIT, MAX_QUERY_CHARS


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=MAX_QUERY_CHARS, help_text=(
        "A record number (INC000123, inc123, REQ…, CHG…, PRB…, KE…, KB…, CMP…), a phone number in any format, "
        "an email address, or words."))
    kind = serializers.ChoiceField(choices=KINDS, required=False, help_text="Keep only results of this kind.")
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=DEFAULT_LIMIT, required=False,
                                     help_text=f"At most this many results (default {DEFAULT_LIMIT}, "
                                               f"at most {MAX_LIMIT}).")


class SearchResultSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=KINDS)
    id = serializers.IntegerField(help_text="The record's id within its kind.")
    number = serializers.CharField(allow_null=True, help_text=(
        "INC…, REQ…, CHG…, PRB…, KE…, KB…, CMP…; a customer's account number; a call's CallSid; null for a "
        "contact."))
    title = serializers.CharField(allow_blank=True)
    url = serializers.CharField(help_text="The record's page (a path on this site).")
    snippet = serializers.CharField(allow_blank=True, help_text="Plain text around the words found.")
    rank = serializers.FloatField(help_text="Relevance; higher is better (results are sorted by it).")


class SearchResponseSerializer(serializers.Serializer):
    match = serializers.ChoiceField(choices=["number", "phone", "email", "words", "none"], help_text=(
        "What the query was read as."))
    results = SearchResultSerializer(many=True)
