"""Writes of alert sources (the API and the admin go through here): create and change a
source with its rules, and rotate its token. The token is made here, returned once on the
object (``source.token``) and stored only as its SHA-256."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AlertRule, AlertSource
from ..selectors import token_hash

#: Fields a source is written with; the token fields are this module's.
WRITABLE = ("name", "kind", "default_service", "auto_resolve", "reopen_minutes", "active")
RULE_FIELDS = ("match", "service", "ci", "impact", "urgency")


def _new_token(source: AlertSource) -> None:
    token = secrets.token_urlsafe(32)
    source.token_hash = token_hash(token)
    source.token_prefix = token[:6]
    source.token_rotated_at = timezone.now()
    source.token = token  # the caller shows it once; it is not a field and is never saved


@transaction.atomic
def alert_source_save(*, source: AlertSource | None = None, data: dict, rules: list[dict] | None = None,
                      actor) -> AlertSource:
    """Create a source (``source=None``: a new token, on ``source.token``) or change one.
    ``rules`` (a list of ``{match, service, ci, impact, urgency}``, in order) replaces the
    source's rules when given. Recorded in the history with the actor."""
    creating = source is None
    source = AlertSource() if creating else AlertSource.objects.select_for_update().get(pk=source.pk)
    for name, value in data.items():
        if name in WRITABLE:
            setattr(source, name, value)
    if creating:
        _new_token(source)
    source.full_clean()
    source._history_user = actor
    source.save()
    if rules is not None:
        _replace_rules(source, rules, actor)
    return source


def _replace_rules(source: AlertSource, rules: list[dict], actor) -> None:
    source.rules.all().delete()
    for index, values in enumerate(rules):
        rule = AlertRule(source=source, order=index, **{name: values.get(name) for name in RULE_FIELDS})
        if rule.match is None:
            rule.match = {}
        try:
            rule.full_clean(exclude=["source"])
        except ValidationError as exc:
            messages = [message for field_messages in exc.message_dict.values() for message in field_messages]
            raise ValidationError({"rules": [_("Rule %(number)s: %(problem)s")
                                             % {"number": index + 1, "problem": " ".join(messages)}]}) from exc
        rule._history_user = actor
        rule.save()


@transaction.atomic
def alert_source_rotate_token(*, source: AlertSource, actor) -> AlertSource:
    """A new token for the source (on ``source.token``, shown once); the old one stops
    working at once."""
    source = AlertSource.objects.select_for_update().get(pk=source.pk)
    _new_token(source)
    source._history_user = actor
    source._change_reason = "token rotated"
    source.save(update_fields=["token_hash", "token_prefix", "token_rotated_at"])
    return source
