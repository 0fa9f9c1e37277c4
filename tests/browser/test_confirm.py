"""A destructive action asks first (``core.pages.Action.confirm``, ``static/js/confirm.js``):
an agent cancelling a service request is asked whether to; answering "Cancel" in the
browser's dialog leaves the request as it was, answering "OK" cancels it."""

import pytest
from selenium.webdriver.support import expected_conditions

from catalog.services import profile_for
from core.roles import Role
from servicerequests import services
from servicerequests.choices import RequestStatus
from servicerequests.models import ServiceRequest
from servicerequests.tests.factories import CatalogItemFactory


@pytest.fixture
def open_request(make_user):
    rita = make_user(Role.REQUESTER, username="rita")
    profile = profile_for(rita)
    profile.manager = make_user(Role.REQUESTER, username="mona")
    profile.save()
    make_user(Role.AGENT, username="tess")
    # Waiting for the manager's approval: a request that may still be cancelled.
    item = CatalogItemFactory(name="Laptop", approvals=[{"level": 1, "approver": "manager"}])
    return services.request_submit(item=item, actor=rita, answers={})


def _cancel(page, pk):
    page.get(f"/requests/{pk}/")
    page.find("summary[data-action=cancel]").click()
    button = page.find("button[data-confirm]")
    form = button.find_element("xpath", "./ancestor::form")
    for field in form.find_elements("css selector", "textarea, input[type=text]"):
        field.send_keys("Ordered twice by mistake.")
    button.click()
    return page.wait_for(expected_conditions.alert_is_present(), message="no confirmation was asked")


def test_cancelling_a_request_asks_first(page, open_request, django_user_model):
    page.login(django_user_model.objects.get(username="tess"))  # the login form has its own tests
    alert = _cancel(page, open_request.pk)
    assert "Cancel the request?" in alert.text
    alert.dismiss()
    assert ServiceRequest.objects.get(pk=open_request.pk).status != RequestStatus.CANCELLED

    _cancel(page, open_request.pk).accept()
    page.wait_for(lambda d: ServiceRequest.objects.get(pk=open_request.pk).status == RequestStatus.CANCELLED,
                  message="the request was not cancelled after OK")
