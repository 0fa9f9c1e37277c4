import pytest

from catalog.tests.factories import ServiceFactory
from contactcenter.models import Line

from .signed import BASE, TOKEN


@pytest.fixture(autouse=True)
def _twilio(settings):
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.PUBLIC_BASE_URL = BASE


@pytest.fixture
def twilio_stub(settings):
    """A local Twilio REST API (tests/twilio_stub.py) that the real Twilio client talks to:
    the Twilio backend is chosen and pointed at it; ``twilio_stub.requests`` records what it got."""
    from tests.twilio_stub import TwilioStub

    stub = TwilioStub().start()
    settings.TELEPHONY_BACKEND = "contactcenter.telephony.TwilioBackend"
    settings.TWILIO_ACCOUNT_SID = stub.account_sid
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.TWILIO_API_BASE_URL = stub.url
    try:
        yield stub
    finally:
        stub.stop()


@pytest.fixture
def line():
    return Line.objects.create(number="+302100000000", name="Banking support", service=ServiceFactory(name="Banking"),
                               greeting="Welcome to the bank's service desk.")
