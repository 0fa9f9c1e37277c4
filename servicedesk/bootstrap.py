"""Reference data every installation has: the role groups and the platform's message
templates. Data migrations create them; ``ensure_reference_data()`` puts back whatever is
missing (tests that truncate tables call it, and so may an operator after a bad restore)."""

from django.contrib.auth.models import Group

from .roles import Role


def ensure_reference_data() -> None:
    from notifications.defaults import ensure_default_templates

    for name in Role.values:
        Group.objects.get_or_create(name=name)
    ensure_default_templates()
