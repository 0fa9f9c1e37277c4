"""Service requests in a real browser: a requester orders a laptop in the portal (a missing
answer is shown next to its field first); her manager, a requester too, approves it in one
click from the approvals inbox; the IT purchasing agent takes and completes the fulfilment
task in the task queue; the requester's tracker then shows every step done, and she closes
the request. The portal and the tracker fit a phone (375 px).

Screenshots go to ``BROWSER_SCREENSHOT_DIR`` (default ``/tmp/servicedesk-screenshots``)."""

import pytest
from selenium.webdriver.support.ui import Select

from catalog.services import profile_for, profile_update_preferences
from catalog.tests.factories import TeamFactory
from core.roles import Role
from servicerequests import services
from servicerequests.models import CatalogItem, ServiceRequest
from tests.browser.helpers import check_page_fits


@pytest.fixture
def shop(make_user):
    rita = make_user(Role.REQUESTER, username="rita", first_name="Rita", last_name="Requester")
    mona = make_user(Role.REQUESTER, username="mona", first_name="Mona", last_name="Manager")
    tess = make_user(Role.AGENT, username="tess", first_name="Tess", last_name="Tech")
    profile = profile_for(rita)
    profile.manager = mona
    profile.save()
    purchasing = TeamFactory(name="IT Purchasing")
    purchasing.members.add(tess)
    laptop = CatalogItem.objects.create(
        name="Laptop", category="Hardware",
        description="A new or replacement laptop. Your manager approves it; IT purchasing orders and delivers it.",
        form=[{"name": "model", "label": "Model", "type": "choice", "required": True,
               "choices": ["13-inch, light", "15-inch, standard"]},
              {"name": "quantity", "label": "How many", "type": "number", "required": True, "min": 1, "max": 2},
              {"name": "reason", "label": "Why do you need it?", "type": "textarea", "required": True}],
        approvals=[{"level": 1, "approver": "manager"}],
        tasks=[{"title": "Order and deliver the laptop", "team": purchasing.pk, "order": 1}])
    CatalogItem.objects.create(name="Password reset", category="Access", description="Locked out? We reset it.",
                               form=[{"name": "system", "type": "text", "required": True}])
    return {"rita": rita, "mona": mona, "tess": tess, "laptop": laptop}


def tracker_states(page) -> list[tuple[str, str]]:
    return [(s.get_attribute("data-kind"), s.get_attribute("data-state"))
            for s in page.find_all("[data-testid=tracker] [data-testid=step]")]


def message(page) -> str:
    return page.find(".messages").text


def test_order_approve_fulfil_and_follow_a_laptop(page, shop):
    laptop = shop["laptop"]
    # The requester finds the laptop in the catalogue and orders it.
    page.login(shop["rita"]).get("/")  # the login form has its own tests
    page.find("[data-testid=catalog-links] a.inc-button").click()
    page.wait_for(lambda d: page.path.split("#")[0] == "/portal/", message=f"not on the portal: {page.path}")
    categories = [c.text.split("\n")[0] for c in page.find_all("[data-testid=category] h3")]
    assert categories == ["Access", "Hardware"]
    page.find(f"[data-testid=catalog-item][data-item='{laptop.pk}'] a").click()
    page.wait_for_path(f"/portal/catalog/{laptop.pk}/")
    assert "Approval: The requester's manager" in page.find("[data-testid=what-next]").text
    Select(page.find("#id_answers-model")).select_by_visible_text("15-inch, standard")
    page.find("#id_answers-reason").send_keys("My laptop no longer takes the security updates.")
    page.find("[data-testid=order-submit]").click()  # "How many" is missing
    page.wait_for(lambda d: page.find_all("[data-testid=form-errors]"), message="no error summary")
    field = page.find("#id_answers-quantity").find_element("xpath", "..")
    assert "has-error" in field.get_attribute("class") and "required" in field.text
    assert not ServiceRequest.objects.exists()
    page.find("#id_answers-quantity").send_keys("1")
    page.find("[data-testid=order-submit]").click()
    page.wait_for(lambda d: page.path.startswith("/portal/requests/"), message="not on the tracker")
    req = ServiceRequest.objects.get()
    assert page.path == f"/portal/requests/{req.pk}/"
    assert req.number in message(page)
    assert tracker_states(page) == [("submitted", "done"), ("approval", "current"), ("task", "pending"),
                                    ("fulfilled", "pending"), ("closed", "pending")]
    assert page.find("[data-testid=status]").text == "Awaiting approval"
    assert "15-inch, standard" in page.find("[data-testid=answers]").text

    # Her manager (a requester too) sees it waiting on the portal and approves it in one click.
    page.driver.delete_all_cookies()
    page.login(shop["mona"]).get("/portal/")
    assert page.find("[data-testid=approvals-link]").text == "Approvals waiting for you (1)"
    page.find("[data-testid=approvals-link]").click()
    page.wait_for_path("/requests/approvals/")
    item = page.find(f"[data-testid=inbox-item][data-number='{req.number}']")
    assert item.get_attribute("id") == f"request-{req.pk}"
    assert "security updates" in item.find_element("css selector", "[data-testid=answers]").text
    item.find_element("css selector", "textarea").send_keys("Yes, overdue.")
    item.find_element("css selector", "button[data-action=approve]").click()
    page.wait_for(lambda d: "fulfilment has started" in message(page), message="not approved")
    assert page.find_all("[data-testid=inbox-empty]")
    page.screenshot("request-approvals-en-desktop")

    # The IT purchasing agent takes the task from the team's queue and completes it.
    page.driver.delete_all_cookies()
    page.login(shop["tess"]).get("/")
    page.nav_link("/requests/").click()
    page.wait_for_path("/requests/")
    assert page.find(f"[data-testid=queue-row][data-number='{req.number}']")
    page.find(".req-subnav a[href='/requests/tasks/']").click()
    page.wait_for_path("/requests/tasks/")
    task = page.find(f"[data-testid=task][data-number='{req.number}']")
    assert "Order and deliver the laptop" in task.text
    task.find_element("css selector", "button[data-action=take]").click()
    page.wait_for(lambda d: "is yours" in message(page), message="not taken")
    task = page.find(f"[data-testid=task][data-number='{req.number}']")
    assert task.find_element("css selector", "[data-testid=task-assignee]").text == "Tess Tech"
    task.find_element("css selector", "summary[data-action=complete]").click()
    task.find_element("css selector", "textarea").send_keys("Delivered to her desk, serial ABC123.")
    task.find_element("css selector", "[data-testid=complete-form] button[type=submit]").click()
    page.wait_for(lambda d: "is done" in message(page), message="not completed")
    assert page.find_all("[data-testid=task-empty]")
    page.screenshot("request-tasks-en-desktop")

    # The requester's tracker: every step done; she closes it.
    page.driver.delete_all_cookies()
    page.login(shop["rita"]).get("/portal/")
    row = page.find(f"[data-testid=my-requests] li[data-number='{req.number}']")
    assert row.find_element("css selector", "[data-testid=request-status]").text == "Fulfilled"
    row.find_element("css selector", "a").click()
    page.wait_for_path(f"/portal/requests/{req.pk}/")
    assert tracker_states(page) == [("submitted", "done"), ("approval", "done"), ("task", "done"),
                                    ("fulfilled", "done"), ("closed", "pending")]
    steps = page.find_all("[data-testid=tracker] [data-testid=step]")
    assert "Mona Manager" in steps[1].text and "Yes, overdue." in steps[1].text
    assert "IT Purchasing" in steps[2].text and "Tess Tech" in steps[2].text
    page.screenshot("request-tracker-en-desktop")
    page.find("button[data-action=close]").click()
    page.wait_for(lambda d: "is closed" in message(page), message="not closed")
    assert tracker_states(page)[-1] == ("closed", "done")
    assert all(state == "done" for _kind, state in tracker_states(page))
    assert page.find("[data-testid=status]").text == "Closed"


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_pages_fit_a_phone(page, shop, language):
    rita, mona, tess = shop["rita"], shop["mona"], shop["tess"]
    tz = "Asia/Tehran" if language == "fa" else "Europe/Athens"
    for person in (rita, mona, tess):
        profile_update_preferences(user=person, language=language, timezone=tz)
    answers = {"model": "13-inch, light", "quantity": 1,
               "reason": "Η μπαταρία κρατάει δέκα λεπτά — باتری خراب است"}
    waiting = services.request_submit(item=shop["laptop"], actor=rita, answers=answers)
    busy = services.request_submit(item=shop["laptop"], actor=rita, answers=answers)
    services.request_decide(request=busy, actor=mona, approve=True, comment="ok")
    page.login(rita, sd_language=language, sd_timezone=tz)
    page.set_phone()
    for name, path in {"portal": "/portal/", "order": f"/portal/catalog/{shop['laptop'].pk}/",
                       "tracker": f"/portal/requests/{waiting.pk}/"}.items():
        check_page_fits(page, f"request-{name}-{language}-phone", path)
        assert page.find("html").get_attribute("dir") == ("rtl" if language == "fa" else "ltr")
        if name == "portal":
            # the portal on a phone: the catalogue first, then my requests with their small trackers
            row = page.find(f"[data-testid=my-requests] li[data-number='{waiting.number}']")
            assert row.find_element("css selector", "[aria-current=step]").get_attribute("data-key") == "approval"
            catalog, mine = page.find("[data-testid=catalog]").rect, page.find("[data-testid=my-requests]").rect
            assert mine["y"] > catalog["y"]

    page.driver.delete_all_cookies()
    page.login(mona, sd_language=language, sd_timezone=tz)
    check_page_fits(page, f"request-approvals-{language}-phone", "/requests/approvals/")

    page.driver.delete_all_cookies()
    page.login(tess, sd_language=language, sd_timezone=tz)
    for name, path in {"queue": "/requests/?tab=all", "tasks": "/requests/tasks/",
                       "detail": f"/requests/{busy.pk}/"}.items():
        check_page_fits(page, f"request-{name}-{language}-phone", path)
    page.find("[data-testid=tasks] summary[data-action=complete]").click()
    assert page.horizontal_overflow() == 0
    page.set_desktop()
    for name, path in {"queue": "/requests/?tab=all", "detail": f"/requests/{busy.pk}/"}.items():
        check_page_fits(page, f"request-{name}-{language}-desktop", path)
