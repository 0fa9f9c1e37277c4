"""Signing in and out, and what each role sees in the navigation."""

from selenium.webdriver.support import expected_conditions as EC

from core.roles import Role

PASSWORD = "demo-pass-123"  # catalog.tests.factories.UserFactory
STAFF_ENTRIES = {"Services", "Customers", "Contacts", "API"}


def test_wrong_password_shows_an_error(page, agent):
    page.login_form(agent.username, "not-the-password")

    alert = page.wait_for(lambda d: page.find_all("[role=alert]"), message="no error shown")[0]
    assert "didn't match" in alert.text
    assert page.path.startswith("/login/")
    # The username stays filled in; the password does not.
    assert page.find("#id_username").get_attribute("value") == agent.username
    assert page.find("#id_password").get_attribute("value") == ""
    assert not page.find_all(".mainnav")


def test_agent_logs_in_and_lands_on_home_with_staff_navigation(page, agent):
    page.login_form(agent.username, PASSWORD)

    page.wait_for_path("/")
    assert page.find("h1").text.startswith("Welcome")
    labels = page.nav_labels()
    assert STAFF_ENTRIES <= set(labels)
    assert "Administration" not in labels
    assert page.find(".mainnav a[aria-current=page]").text.strip() == "Home"
    assert page.find(".usermenu-name").text == agent.get_full_name()
    assert page.nav_link("/profile/").get_attribute("data-testid") == "profile-link"


def test_login_follows_next(page, agent):
    page.get("/catalog/contacts/")
    page.wait_for_path("/login/")  # not signed in: sent to the login page

    page.find("#id_username").send_keys(agent.username)
    page.find("#id_password").send_keys(PASSWORD)
    page.find("form.stack button[type=submit]").click()

    page.wait_for_path("/catalog/contacts/")
    assert page.current_nav_label() == "Contacts"


def test_admin_sees_administration(page, admin_user):
    page.login(admin_user).get("/")

    labels = page.nav_labels()
    assert "Administration" in labels
    assert STAFF_ENTRIES <= set(labels)


def test_requester_sees_no_staff_entries_and_is_refused_contacts(page, requester):
    page.login_form(requester.username, PASSWORD)
    page.wait_for_path("/")

    labels = set(page.nav_labels())
    assert not labels & (STAFF_ENTRIES | {"Home", "Administration"})
    assert "Notifications" in labels
    assert page.find("h1").text.startswith("Hello")

    assert page.status_of("/catalog/contacts/") == 403
    page.get("/catalog/contacts/")
    assert page.find("h1").text == "You cannot open this page"
    assert "Only service desk staff" in page.find("[role=alert]").text
    assert not page.find_all("[data-testid=contact-table]")


def test_logout_is_a_post_button(page, make_user):
    manager = make_user(Role.MANAGER)
    page.login(manager).get("/")

    page.find(".usermenu summary").click()  # the user menu holds "Log out"
    button = page.find(".usermenu form button[type=submit]")
    form = page.find(".usermenu form")
    assert form.get_attribute("method").lower() == "post"
    assert form.get_attribute("action").endswith("/logout/")
    button.click()

    page.wait_for_path("/login/")
    page.wait_for(EC.presence_of_element_located(("css selector", "#id_username")))
    page.get("/")  # signed out: home sends us back to the login page
    page.wait_for_path("/login/")
