"""Every write to the catalogue and to people goes through these functions, whichever door
(API, admin form, seed command, webhook) the request came through."""

import re
from collections.abc import Iterable, Sequence

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.roles import Role

from .models import AgentProfile, Contact, ContactPhone, Customer, Skill, Team
from .phone import normalize_phone

User = get_user_model()


def normalize_phone_list(raw_numbers: Iterable[str]) -> list[str]:
    """E.164 for each number, refusing invalid ones and the same number twice."""
    numbers: list[str] = []
    errors: list[str] = []
    for raw in raw_numbers:
        try:
            number = normalize_phone(raw)
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        if number in numbers:
            errors.append(_("%(number)s is listed twice.") % {"number": number})
        numbers.append(number)
    if errors:
        raise ValidationError({"phone_numbers": errors})
    return numbers


def _check_numbers_free(numbers: Sequence[str], contact: Contact | None) -> None:
    taken = ContactPhone.objects.filter(number__in=numbers)
    if contact is not None and contact.pk:
        taken = taken.exclude(contact=contact)
    clashes = sorted(taken.values_list("number", flat=True))
    if clashes:
        raise ValidationError(
            {"phone_numbers": [_("%(number)s already belongs to another contact.") % {"number": n} for n in clashes]}
        )


def _set_phones(contact: Contact, numbers: Sequence[str]) -> None:
    _check_numbers_free(numbers, contact)
    existing = {p.number: p for p in contact.phones.all()}
    keep = set(numbers)
    for phone in existing.values():
        if phone.number not in keep:
            phone.delete()
    for position, number in enumerate(numbers):
        phone = existing.get(number)
        if phone is None:
            ContactPhone.objects.create(contact=contact, number=number, position=position)
        elif phone.position != position:
            phone.position = position
            phone.save(update_fields=["position"])


PIN_PATTERN = re.compile(r"\A[0-9]{4,8}\Z")


def _check_pin(pin: str | None) -> None:
    """A PIN is 4–8 digits, nothing else (no spaces: a caller keys digits only)."""
    if pin is not None and not PIN_PATTERN.match(pin):
        raise ValidationError({"pin": [_("A PIN is 4 to 8 digits.")]})


@transaction.atomic
def contact_create(
    *, name: str, customer: Customer | None = None, email: str = "", phone_numbers: Sequence[str] = (),
    pin: str | None = None, user=None, language: str = "",
) -> Contact:
    numbers = normalize_phone_list(phone_numbers)
    _check_numbers_free(numbers, None)
    _check_pin(pin or None)
    contact = Contact(name=name, customer=customer, email=email, user=user, language=language)
    contact.set_pin(pin)
    contact.full_clean()
    contact.save()
    _set_phones(contact, numbers)
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, phone_numbers: Sequence[str] | None = None,
                   pin: str | None = None, clear_pin: bool = False, **fields) -> Contact:
    _check_pin(pin or None)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    for field, value in fields.items():
        setattr(contact, field, value)
    if pin:
        contact.set_pin(pin)
    elif clear_pin:
        contact.set_pin(None)
    contact.full_clean()
    contact.save()
    if phone_numbers is not None:
        _set_phones(contact, normalize_phone_list(phone_numbers))
    return contact


_UNSET = object()


def profile_for(user) -> AgentProfile:
    profile, _created = AgentProfile.objects.get_or_create(user=user)
    return profile


def _apply_user_relations(user, *, roles, teams, manager, phone, skills, timezone, language) -> None:
    if roles is not None:
        unknown = set(roles) - set(Role.values)
        if unknown:
            raise ValidationError({"roles": [_("Unknown role: %(r)s.") % {"r": r} for r in sorted(unknown)]})
        keep = Group.objects.filter(name__in=roles)
        user.groups.remove(*user.groups.filter(name__in=Role.values).exclude(name__in=roles))
        user.groups.add(*keep)
        # The admin role is what opens the Django admin; nothing else does.
        is_admin = Role.ADMIN in roles
        if user.is_staff != is_admin or user.is_superuser != is_admin:
            user.is_staff = user.is_superuser = is_admin
            user.save(update_fields=["is_staff", "is_superuser"])
    if teams is not None:
        # Changed from the team's side, so the team's history records who joined or left.
        wanted = {team.pk: team for team in teams}
        for team in Team.objects.filter(members=user).exclude(pk__in=wanted):
            team.members.remove(user)
        current = set(Team.objects.filter(members=user).values_list("pk", flat=True))
        for pk, team in wanted.items():
            if pk not in current:
                team.members.add(user)
    profile = profile_for(user)
    changed = []
    if manager is not _UNSET:
        if manager is not None and manager.pk == user.pk:
            raise ValidationError({"manager": [_("A person cannot be their own manager.")]})
        profile.manager = manager
        changed.append("manager")
    if phone is not None:
        profile.phone = normalize_phone(phone) if phone else ""
        changed.append("phone")
    if timezone is not None:
        profile.timezone = timezone
        changed.append("timezone")
    if language is not None:
        profile.language = language
        changed.append("language")
    if changed:
        profile.save(update_fields=changed)
    if skills is not None:
        profile.skills.set(skills)


@transaction.atomic
def user_create(
    *, username: str, password: str | None = None, email: str = "", first_name: str = "", last_name: str = "",
    roles: Sequence[str] = (Role.REQUESTER,), teams: Sequence[Team] | None = None, manager=_UNSET,
    phone: str | None = None, skills: Sequence[Skill] | None = None, timezone: str | None = None,
    language: str | None = None, is_active: bool = True,
):
    user = User(username=username, email=email, first_name=first_name, last_name=last_name, is_active=is_active)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    _apply_user_relations(user, roles=list(roles), teams=teams, manager=manager, phone=phone,
                          skills=skills, timezone=timezone, language=language)
    return user


@transaction.atomic
def user_update(
    *, user, password: str | None = None, roles: Sequence[str] | None = None, teams=None,
    manager=_UNSET, phone: str | None = None, skills=None, timezone: str | None = None,
    language: str | None = None, **fields,
):
    user = User.objects.select_for_update().get(pk=user.pk)
    for field, value in fields.items():
        setattr(user, field, value)
    if password:
        user.set_password(password)
    user.save()
    _apply_user_relations(user, roles=roles, teams=teams, manager=manager, phone=phone,
                          skills=skills, timezone=timezone, language=language)
    return user


@transaction.atomic
def profile_update_preferences(*, user, timezone: str, language: str) -> AgentProfile:
    profile = profile_for(user)
    profile.timezone = timezone
    profile.language = language
    profile.save(update_fields=["timezone", "language"])
    return profile
