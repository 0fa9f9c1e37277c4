"""Every factory of every app's ``tests/factories.py`` makes valid rows with its defaults alone,
twice (the unique fields come from sequences)."""

import importlib
import inspect
from pathlib import Path

import factory
import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def _factories() -> list[type[factory.django.DjangoModelFactory]]:
    found = []
    for module_file in sorted(Path(settings.BASE_DIR).glob("*/tests/factories.py")):
        module = importlib.import_module(f"{module_file.parent.parent.name}.tests.factories")
        found += [value for _name, value in inspect.getmembers(module, inspect.isclass)
                  if issubclass(value, factory.django.DjangoModelFactory) and value.__module__ == module.__name__]
    return found


FACTORIES = _factories()


def test_every_app_with_tests_has_factories():
    apps = {path.parent.parent.name for path in Path(settings.BASE_DIR).glob("*/tests/factories.py")}
    assert {"catalog", "changes", "contactcenter", "incidents", "notifications", "problems", "servicerequests",
            "sla", "statuspage"} <= apps


@pytest.mark.parametrize("model_factory", FACTORIES, ids=lambda f: f"{f.__module__.split('.')[0]}.{f.__name__}")
def test_a_factory_makes_valid_rows_with_its_defaults(model_factory):
    first, second = model_factory(), model_factory()
    assert first.pk is not None and second.pk is not None
    get_or_create = getattr(model_factory._meta, "django_get_or_create", ())
    assert first.pk != second.pk or get_or_create
