"""Who may change a configuration item outside a recorded change.

Apps below catalog register a guard here (changes: the change policy's CIs under change
control), so catalog needs no import of them. A guard takes CI ids and answers the reason the
write is refused, or ``None``. The CMDB API and the admin ask before they write a CI or one of
its relations; changes' own service applies an implemented RFC's updates without asking (that
write *is* the recorded change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Guard = Callable[[list[int]], "str | None"]
_GUARDS: list[Guard] = []


def register_ci_guard(guard: Guard) -> None:
    if guard not in _GUARDS:
        _GUARDS.append(guard)


def ci_write_refusal(ci_ids: Iterable[int | None]) -> str | None:
    """Why writing these CIs directly is refused (the first guard that refuses), or ``None``."""
    ids = [pk for pk in ci_ids if pk is not None]
    if not ids:
        return None
    for guard in _GUARDS:
        reason = guard(ids)
        if reason:
            return str(reason)
    return None
