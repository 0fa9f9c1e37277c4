"""The admin of alert sources (with their rules) and the read-only alert log.

A source's token is shown once: the answer to the form that makes the source (and to the
"rotate token" action) is a page with the token, a ``curl`` that posts a test alert and
Alertmanager's ``webhook_configs``, all with the token filled in. It is rendered straight
into that answer, never put in a message or the session. The source's own page shows the
same snippets with ``<token>`` in its place."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Alert, AlertRule, AlertSource
from .services import WRITABLE, alert_source_rotate_token, alert_source_save
from .snippets import alertmanager_config, curl_example, events_url


class AlertRuleInline(admin.TabularInline):
    model = AlertRule
    extra = 1
    fields = ["order", "match", "service", "ci", "impact", "urgency"]
    raw_id_fields = ["service", "ci"]


class AlertSourceForm(forms.ModelForm):
    class Meta:
        model = AlertSource
        fields = list(WRITABLE)


@admin.register(AlertSource)
class AlertSourceAdmin(SimpleHistoryAdmin):
    form = AlertSourceForm
    inlines = [AlertRuleInline]
    list_display = ["name", "kind", "default_service", "auto_resolve", "active", "token_prefix", "token_rotated_at"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]
    readonly_fields = ["token_prefix", "token_rotated_at"]
    raw_id_fields = ["default_service"]
    actions = ["rotate_token"]
    change_form_template = "admin/monitoring/alertsource/change_form.html"

    def save_model(self, request, obj, form, change):
        # Through the service, like the API: the same checks, the history's actor, the token.
        data = {name: form.cleaned_data[name] for name in WRITABLE if name in form.cleaned_data}
        saved = alert_source_save(source=AlertSource.objects.get(pk=obj.pk) if change else None, data=data,
                                  actor=request.user)
        obj.pk = saved.pk
        obj.token = getattr(saved, "token", None)
        obj.token_hash, obj.token_prefix, obj.token_rotated_at = saved.token_hash, saved.token_prefix, \
            saved.token_rotated_at

    def _token_page(self, request, source, token: str, *, made: bool):
        url = events_url(request, source)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "source": source,
                   "token": token, "made": made, "events_url": url, "curl": curl_example(url, source, token),
                   "alertmanager": alertmanager_config(url, token), "title": _("The token of %(name)s")
                   % {"name": source.name}}
        response = TemplateResponse(request, "admin/monitoring/alertsource/token.html", context)
        response["Cache-Control"] = "no-store"
        return response

    def response_add(self, request, obj, post_url_continue=None):
        token = getattr(obj, "token", None)
        if token:
            return self._token_page(request, obj, token, made=True)
        return super().response_add(request, obj, post_url_continue)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        source = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if source is not None:
            url = events_url(request, source)
            extra.update(events_url=url, curl=curl_example(url, source), alertmanager=alertmanager_config(url))
        return super().change_view(request, object_id, form_url, extra_context=extra)

    @admin.action(description=_("Rotate the token of the selected source"))
    def rotate_token(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose one source: its new token is shown once, on its own."),
                              messages.WARNING)
            return None
        source = alert_source_rotate_token(source=queryset.get(), actor=request.user)
        return self._token_page(request, source, source.token, made=False)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """The alert log, read-only (alerts are written by the events endpoint only)."""

    list_display = ["title", "status", "source", "service", "received_count", "last_received_at", "incident",
                    "suppressed_by_change"]
    list_filter = ["status", "source"]
    list_select_related = ["source", "service", "incident", "suppressed_by_change"]
    search_fields = ["title", "fingerprint"]
    readonly_fields = [field.name for field in Alert._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
