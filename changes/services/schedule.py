"""The forward schedule of change: putting an authorised change on it (or moving it),
refused inside a blackout window on its services (except an emergency change) and outside
its change model's windows; the conflicts with other changes are returned for people to
weigh, and the projected outage goes to the status page."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import InvalidTransitionError

from ..choices import ChangeType
from ..models import Change, ChangeModel
from ..selectors import blackouts_for, conflicts_for
from .rfc import _check_times, _guard, _locked, _outage_changed, _save


def _in_model_windows(model: ChangeModel, start: datetime, end: datetime) -> bool:
    if not model.allowed_windows:
        return True
    tz = zoneinfo.ZoneInfo(model.timezone)
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    for window in model.allowed_windows:
        begin, finish = time.fromisoformat(window["start"]), time.fromisoformat(window["end"])
        for day_offset in (0, -1):  # a window that runs past midnight may have begun yesterday
            day = local_start.date() + timedelta(days=day_offset)
            if day.weekday() not in window.get("weekdays", range(7)):
                continue
            opens = datetime.combine(day, begin, tzinfo=tz)
            closes = datetime.combine(day + timedelta(days=1 if finish <= begin else 0), finish, tzinfo=tz)
            if opens <= local_start and local_end <= closes:
                return True
    return False


@transaction.atomic
def change_schedule(*, change: Change | int, actor, planned_start: datetime | None = None,
                    planned_end: datetime | None = None, outage_start: datetime | None = None,
                    outage_end: datetime | None = None, outage_services=None) -> tuple[Change, list[dict]]:
    """Put an authorised change on the forward schedule (or move it). Refused (409) inside a
    blackout window on its services, except an emergency change, and outside its change
    model's windows; conflicts with other changes are returned for the people to weigh.
    The projected outage goes to the status page as scheduled maintenance."""
    change = _locked(change)
    _guard(change, "schedule", actor)
    change.planned_start = planned_start or change.planned_start
    change.planned_end = planned_end or change.planned_end
    if change.planned_start is None or change.planned_end is None:
        raise ValidationError({"planned_start": [_("Give the planned start and end.")]})
    if outage_start is not None or outage_end is not None:
        change.outage_start, change.outage_end = outage_start, outage_end
    _check_times(change)
    if change.outage_start and (change.outage_start < change.planned_start or change.outage_end > change.planned_end):
        raise ValidationError({"outage_start": [_("The outage must lie within the planned window.")]})
    if change.type != ChangeType.EMERGENCY:
        frozen = list(blackouts_for(change, change.planned_start, change.planned_end))
        if frozen:
            raise InvalidTransitionError(_("%(window)s is a change freeze (%(start)s – %(end)s); only emergency "
                                           "changes may be scheduled in it.")
                                         % {"window": frozen[0].name, "start": f"{frozen[0].start:%Y-%m-%d %H:%M}",
                                            "end": f"{frozen[0].end:%Y-%m-%d %H:%M}"}, change.status)
    if change.model_id and not _in_model_windows(change.model, change.planned_start, change.planned_end):
        raise InvalidTransitionError(_("The change model %(model)s may only be scheduled in its windows.")
                                     % {"model": change.model}, change.status)
    change.schedule()
    _save(change, actor, f"scheduled {change.planned_start:%Y-%m-%d %H:%M}")
    if outage_services is not None:
        change.outage_services.set(outage_services)
    elif change.outage_start and not change.outage_services.exists():
        change.outage_services.set(change.services.all())
    _outage_changed(change)
    return change, conflicts_for(change)
