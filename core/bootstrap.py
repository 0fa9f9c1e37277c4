"""Reference data every installation has: the role groups and the platform's message
templates. Data migrations create them; ``ensure_reference_data()`` puts back whatever is
missing (tests that truncate tables call it, and so may an operator after a bad restore)."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group

from .roles import Role


def ensure_reference_data() -> None:
    for name in Role.values:
        Group.objects.get_or_create(name=name)
    for config in apps.get_app_configs():  # each app's own defaults (e.g. sla/defaults.py)
        try:
            module = import_module(f"{config.name}.defaults")
        except ModuleNotFoundError:
            continue
        if hasattr(module, "ensure_defaults"):
            module.ensure_defaults()
