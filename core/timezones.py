"""The IANA time zone names this machine knows, read from its time zone database once per
process. ``zoneinfo.available_timezones()`` walks the database's files on every call (5.7 ms
measured); the profile form, the SLA calendar form and the API's validation of a user's or a
calendar's zone asked it on every request. A zone added to the database later is known after a
restart."""

import functools
from zoneinfo import available_timezones


@functools.cache
def timezone_names() -> frozenset[str]:
    return frozenset(available_timezones())


@functools.cache
def timezone_choices() -> tuple[tuple[str, str], ...]:
    """(name, name) for a form's choice field, sorted."""
    return tuple((name, name) for name in sorted(timezone_names()))
