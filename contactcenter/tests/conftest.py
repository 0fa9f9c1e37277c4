import pytest

from catalog.tests.factories import ServiceFactory
from contactcenter.models import Line

from .signed import BASE, TOKEN


@pytest.fixture(autouse=True)
def _twilio(settings):
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.PUBLIC_BASE_URL = BASE


@pytest.fixture
def line():
    return Line.objects.create(number="+302100000000", name="Banking support", service=ServiceFactory(name="Banking"),
                               greeting="Welcome to the bank's service desk.")
