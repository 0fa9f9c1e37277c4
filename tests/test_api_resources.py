"""Every router-registered resource of ``/api/v1/`` against the API contract
(``tests/api_contract.py``): list, retrieve, create, update, 401 without credentials, each
role's 200/201/403/404, and a list query count that does not grow with the rows. A resource
registered without an entry here fails ``test_every_router_resource_has_a_contract_entry``."""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import (
    CIRelationFactory,
    ConfigurationItemFactory,
    ContactFactory,
    ServiceFactory,
    SkillFactory,
    TeamFactory,
    UserFactory,
)
from changes.tests.factories import (
    BlackoutWindowFactory,
    CABBoardFactory,
    CABMeetingFactory,
    ChangeFactory,
    ChangeModelFactory,
    ChangeProposalFactory,
    ReleaseFactory,
)
from contactcenter.tests.factories import (
    AnnouncementFactory,
    CallbackFactory,
    CallFactory,
    LineFactory,
    QueueFactory,
)
from core.roles import Role
from crm.tests.factories_complaint import ComplaintFactory, SurveyFactory
from crm.tests.factories_opportunity import OpportunityFactory
from incidents.tests.factories import (
    IncidentFactory,
    MajorIncidentFactory,
    PriorityMatrixFactory,
    SpikeAlertFactory,
    SpikeRuleFactory,
)
from knowledge.tests.factories import PublishedArticleFactory
from mail.tests.factories import MailboxFactory
from monitoring.tests.factories import AlertFactory, AlertSourceFactory
from notifications.tests.factories import (
    DeliveryFactory,
    MessageTemplateFactory,
    NotificationFactory,
    StakeholderGroupFactory,
)
from problems.tests.factories import KnownErrorFactory, ProblemCandidateFactory, ProblemFactory
from servicerequests.tests.factories import CatalogItemFactory, FulfilmentTaskFactory, ServiceRequestFactory
from sla.tests.factories import CalendarFactory, PolicyFactory, ServiceOutageFactory, SLATimerFactory

from .api_contract import EVERY_ROLE, STAFF, ApiContract, Resource, router_resources, unique

pytestmark = pytest.mark.django_db

ADMINS = frozenset({Role.ADMIN})
MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})
CHANGE_ADMINS = frozenset({Role.CHANGE_MANAGER, Role.ADMIN})
AGENTS_AND_UP = STAFF - {Role.CAB_MEMBER}
REQUESTERS = frozenset({Role.REQUESTER})


def evaluation_form():
    from contactcenter.models import EvaluationForm, EvaluationQuestion

    form = EvaluationForm.objects.create(name=f"Review {unique()}")
    EvaluationQuestion.objects.create(form=form, text="Greeted and verified the caller", weight=1, position=1)
    return form


def dial_list():
    from contactcenter.models import DialList

    return DialList.objects.create(name=f"Callbacks {unique()}", queue=QueueFactory(), line=LineFactory())


def evaluation(owner):
    from contactcenter.models import Evaluation

    call = CallFactory(agent=owner)
    return Evaluation.objects.create(call=call, form=evaluation_form(), agent=owner, queue=call.queue,
                                     evaluator=UserFactory(), score=80)


def soon(hours: float = 24) -> str:
    """An instant ``hours`` from now as the API answers it (UTC, ``Z``)."""
    return (timezone.now() + timedelta(hours=hours)).isoformat().replace("+00:00", "Z")


def renamed(row) -> dict:
    return {"name": f"Renamed {unique()}"}


def incident_with_clock(owner):
    incident = IncidentFactory(requester=owner)
    SLATimerFactory(ticket=incident)
    return incident


def request_with_clock(owner):
    request = ServiceRequestFactory(requested_by=owner)
    FulfilmentTaskFactory(request=request)
    SLATimerFactory(ticket=request, kind="request")
    return request


def contact_of(owner):
    """``owner``'s contact (a user has one at most): another person's once they have it."""
    from catalog.models import Contact

    return ContactFactory(user=None if Contact.objects.filter(user=owner).exists() else owner)


def own_contact(owner):
    """``owner``'s own contact, made the first time."""
    from catalog.models import Contact

    return Contact.objects.filter(user=owner).first() or ContactFactory(user=owner)


def canned_reply():
    """A global canned reply: every agent may read it (a team's only its members: catalog's tests)."""
    from catalog.models import CannedReply

    return CannedReply.objects.create(name=f"Reply {unique()}", body="Dear {{ contact.name }}")


def cab_board(owner):
    """Boards are one per kind: the CAB, then the ECAB."""
    from changes.models import CABBoard

    return CABBoardFactory(kind="ecab" if CABBoard.objects.filter(kind="cab").exists() else "cab")


def free_cab_kind() -> dict:
    from changes.models import CABBoard

    CABBoard.objects.filter(kind="ecab").delete()
    return {"name": f"ECAB {unique()}", "kind": "ecab", "quorum": 1, "rule": "majority"}


RESOURCES = [
    # --- catalog ---
    Resource("users", make=lambda owner: UserFactory(),
             create=lambda: {"username": f"new-user-{unique()}", "email": "new@example.test",
                             "password": "a-long-pass-phrase-42", "roles": ["agent"]},
             update=lambda row: {"first_name": f"Renamed{unique()}"}, read=ADMINS, write=ADMINS),
    Resource("services", make=lambda owner: ServiceFactory(),
             create=lambda: {"name": f"Service new {unique()}"}, update=renamed, read=EVERY_ROLE, write=ADMINS),
    Resource("cis", make=lambda owner: ConfigurationItemFactory(),
             create=lambda: {"name": f"ci-new-{unique()}", "service": ServiceFactory().pk}, update=renamed,
             write=ADMINS),
    Resource("ci-relations", make=lambda owner: CIRelationFactory(),
             create=lambda: {"source": ConfigurationItemFactory().pk, "target": ConfigurationItemFactory().pk,
                             "kind": "depends_on"},
             update=lambda row: {"kind": "runs_on"}, write=ADMINS),
    Resource("customers", make=lambda owner: contact_of(owner).customer,
             create=lambda: {"name": f"Customer {unique()}", "tier": "gold", "account_number": f"00{unique()}"},
             update=renamed, read=EVERY_ROLE, write=AGENTS_AND_UP, narrowed=REQUESTERS),
    Resource("contacts", make=contact_of,
             create=lambda: {"name": f"Contact {unique()}", "phone_numbers": [f"+30210{unique():07d}"]},
             update=renamed, read=EVERY_ROLE, write=AGENTS_AND_UP, narrowed=REQUESTERS),
    Resource("teams", make=lambda owner: TeamFactory(),
             create=lambda: {"name": f"Team new {unique()}"}, update=renamed, write=ADMINS),
    Resource("skills", make=lambda owner: SkillFactory(),
             create=lambda: {"name": f"skill-new-{unique()}"}, update=renamed, write=ADMINS),
    Resource("canned-replies", make=lambda owner: canned_reply(), read=AGENTS_AND_UP),
    # --- notifications ---
    Resource("notifications", make=lambda owner: NotificationFactory(user=owner), read=EVERY_ROLE,
             narrowed=EVERY_ROLE),
    Resource("deliveries", make=lambda owner: DeliveryFactory(), read=ADMINS),
    Resource("message-templates", make=lambda owner: MessageTemplateFactory(),
             create=lambda: {"key": f"new_template_{unique()}", "subject": "Hi {{ name }}", "body": "Body"},
             update=lambda row: {"subject": f"Subject {unique()}"}, read=ADMINS, write=ADMINS),
    Resource("stakeholder-groups", make=lambda owner: StakeholderGroupFactory(),
             create=lambda: {"name": f"Board {unique()}"}, update=renamed, write=frozenset({Role.MANAGER, Role.ADMIN})),
    # --- sla ---
    Resource("business-calendars", make=lambda owner: CalendarFactory(),
             create=lambda: {"name": f"Office {unique()}", "timezone": "Europe/Athens",
                             "hours": [{"weekday": 0, "start": "09:00", "end": "17:00"}],
                             "holidays": ["2030-01-01"]},
             update=renamed, write=MANAGERS),
    Resource("sla-policies", make=lambda owner: PolicyFactory(),
             create=lambda: {"name": f"Policy new {unique()}", "applies_to": "incident",
                             "calendar": CalendarFactory().pk, "response_minutes": 30, "resolution_minutes": 240},
             update=renamed, write=MANAGERS),
    Resource("sla-timers", make=lambda owner: SLATimerFactory()),
    Resource("sla/breached", make=lambda owner: SLATimerFactory(status="breached", breached_at=timezone.now())),
    Resource("sla/at-risk", make=lambda owner: SLATimerFactory(due_at=timezone.now() + timedelta(minutes=30))),
    Resource("service-outages", make=lambda owner: ServiceOutageFactory(),
             create=lambda: {"service": ServiceFactory().pk, "started_at": soon(-3), "ended_at": soon(-2)},
             update=lambda row: {"description": f"Power {unique()}"}, write=MANAGERS),
    # --- incidents ---
    Resource("incidents", make=incident_with_clock,
             create=lambda: {"title": f"Printer on fire {unique()}", "service": ServiceFactory().pk},
             update=lambda row: {"title": f"Retitled {unique()}"},
             read=EVERY_ROLE, write=STAFF, create_roles=EVERY_ROLE, narrowed=REQUESTERS),
    Resource("priority-matrix", make=lambda owner: PriorityMatrixFactory(),
             update=lambda row: {"priority": 2}, write=ADMINS),
    # Every staff role may PATCH the announcement of a major incident whose team they are on;
    # of anyone else's, managers and admins only.
    Resource("major-incidents", make=lambda owner: MajorIncidentFactory(manager=owner),
             update=lambda row: {"announcement": f"We are on it {unique()}"}, write=MANAGERS),
    Resource("spike-rules", make=lambda owner: SpikeRuleFactory(),
             create=lambda: {"service": ServiceFactory().pk, "window_minutes": 10, "threshold": 3},
             update=lambda row: {"threshold": 7}, write=MANAGERS),
    Resource("spike-alerts", make=lambda owner: SpikeAlertFactory()),
    # --- problems ---
    Resource("problems", make=lambda owner: ProblemFactory(),
             create=lambda: {"title": f"Mail bounces {unique()}", "impact": 2, "urgency": 2},
             update=lambda row: {"title": f"Retitled {unique()}"}, write=STAFF),
    Resource("known-errors", make=lambda owner: KnownErrorFactory(),
             create=lambda: {"title": f"Known {unique()}", "symptom": "It fails", "workaround": "Restart it"},
             update=lambda row: {"workaround": f"Reboot {unique()}"}, write=STAFF),
    Resource("problem-candidates", make=lambda owner: ProblemCandidateFactory()),
    # --- changes ---
    Resource("changes", make=lambda owner: ChangeFactory(),
             create=lambda: {"title": f"Patch {unique()}", "type": "normal", "planned_start": soon(48),
                             "planned_end": soon(50)},
             update=lambda row: {"title": f"Retitled {unique()}"}, write=STAFF),
    Resource("change-models", make=lambda owner: ChangeModelFactory(),
             create=lambda: {"name": f"Model {unique()}", "tasks": ["One"]}, update=renamed, write=CHANGE_ADMINS),
    Resource("cab-boards", make=cab_board, create=free_cab_kind, update=lambda row: {"quorum": 2},
             write=CHANGE_ADMINS, rows=2),
    Resource("blackout-windows", make=lambda owner: BlackoutWindowFactory(),
             create=lambda: {"name": f"Freeze {unique()}", "start": soon(100), "end": soon(110)},
             update=renamed, write=CHANGE_ADMINS),
    Resource("cab-meetings", make=lambda owner: CABMeetingFactory(),
             create=lambda: {"board": CABBoardFactory().pk, "starts_at": soon(72)},
             update=lambda row: {"minutes": f"Minutes {unique()}"}, write=CHANGE_ADMINS),
    Resource("releases", make=lambda owner: ReleaseFactory(), create=lambda: {"name": f"Release {unique()}"},
             update=renamed, write=CHANGE_ADMINS),
    Resource("change-proposals", make=lambda owner: ChangeProposalFactory(),
             create=lambda: {"title": f"Proposal {unique()}"},
             update=lambda row: {"title": f"Retitled {unique()}"}, write=STAFF),
    # --- service requests ---
    Resource("catalog-items", make=lambda owner: CatalogItemFactory(),
             create=lambda: {"name": f"Laptop {unique()}", "category": "Hardware"}, update=renamed,
             read=EVERY_ROLE, write=MANAGERS),
    Resource("requests", make=request_with_clock,
             create=lambda: {"catalog_item": CatalogItemFactory().pk},
             read=EVERY_ROLE, create_roles=EVERY_ROLE, narrowed=REQUESTERS),
    Resource("request-tasks", make=lambda owner: FulfilmentTaskFactory()),
    # --- contact center ---
    Resource("lines", make=lambda owner: LineFactory(),
             create=lambda: {"number": f"+1800556{unique() % 10000:04d}", "name": "Sales",
                             "menu": [{"digit": "1", "label": "Sales", "queue": QueueFactory().pk}]},
             update=renamed, write=MANAGERS),
    Resource("queues", make=lambda owner: QueueFactory(),
             create=lambda: {"name": f"queue-new-{unique()}"}, update=lambda row: {"name": f"queue-renamed-{unique()}"},
             write=MANAGERS),
    Resource("announcements", make=lambda owner: AnnouncementFactory(),
             create=lambda: {"message": f"Mail is down {unique()}", "services": [ServiceFactory().pk]},
             update=lambda row: {"message": f"Mail is back {unique()}"}, write=MANAGERS),
    Resource("calls", make=lambda owner: CallFactory()),
    Resource("evaluation-forms", make=lambda owner: evaluation_form()),
    # An agent reads the reviews of their own calls; managers and admins every review.
    Resource("evaluations", make=evaluation, narrowed=STAFF - MANAGERS),
    Resource("callbacks", make=lambda owner: CallbackFactory()),
    # The auto-dial lists of callback queues: a queue without a skill is every agent's.
    Resource("dial-lists", make=lambda owner: dial_list()),
    # --- mail ---
    Resource("mailboxes", make=lambda owner: MailboxFactory(),
             create=lambda: {"name": f"Support {unique()}", "address": f"support{unique()}@desk.example.com",
                             "protocol": "push"},
             update=renamed, read=ADMINS, write=ADMINS),
    # --- monitoring ---
    Resource("alert-sources", make=lambda owner: AlertSourceFactory(),
             create=lambda: {"name": f"Monitoring {unique()}", "kind": "alertmanager"},
             update=renamed, read=ADMINS, write=ADMINS),
    Resource("alerts", make=lambda owner: AlertFactory()),
    # --- crm: opportunities (managers and admins see all, other staff their own) ---
    Resource("opportunities", make=lambda owner: OpportunityFactory(owner=owner),
             create=lambda: {"contact": ContactFactory().pk, "product": f"Card {unique()}", "value": 10,
                             "currency": "EUR"},
             update=lambda row: {"product": f"Gold card {unique()}"}, write=STAFF,
             narrowed=STAFF - {Role.MANAGER, Role.ADMIN}),
    # --- crm: complaints and surveys (requesters their own) ---
    Resource("complaints", make=lambda owner: ComplaintFactory(requester=owner),
             create=lambda: {"subject": f"Charged twice {unique()}", "kind": "complaint"},
             update=lambda row: {"subject": f"Charged three times {unique()}"},
             read=EVERY_ROLE, create_roles=EVERY_ROLE, write=STAFF, narrowed=REQUESTERS),
    Resource("surveys", make=lambda owner: SurveyFactory(contact=own_contact(owner)), read=EVERY_ROLE,
             narrowed=REQUESTERS),
    # Published public articles: every role and anonymous visitors read them (the help centre).
    Resource("articles", make=lambda owner: PublishedArticleFactory(),
             create=lambda: {"title": f"Reset {unique()}", "body": "Open **Settings**."},
             update=lambda row: {"title": f"Reset again {unique()}"}, read=EVERY_ROLE, write=STAFF,
             public_read=True),
]

CONTRACT = {resource.path: resource for resource in RESOURCES}
PATHS = sorted(CONTRACT)


def test_every_router_resource_has_a_contract_entry():
    routes = router_resources()
    missing = sorted(set(routes) - set(CONTRACT))
    assert not missing, "\n".join(f"resource {path} has no API contract entry" for path in missing)
    stale = sorted(set(CONTRACT) - set(routes))
    assert not stale, f"contract entries for resources the API no longer registers: {stale}"


@pytest.fixture(scope="module")
def _role_users(django_db_setup, django_db_blocker):
    """One user of each role (as ``make_user(role)`` makes them), once for the module: the
    checks act as these; a row that must belong to someone else is still owned by a user made
    for the test. In a transaction of its own, rolled back after the module's last test; each
    test's own transaction is a savepoint inside it."""
    from django.db import transaction

    from catalog.tests.factories import UserFactory

    with django_db_blocker.unblock(), transaction.atomic():
        users = {role: UserFactory(roles=[role]) for role in sorted(EVERY_ROLE)}
        yield users
        transaction.set_rollback(True)


@pytest.fixture
def contract(request, api, make_user, _role_users):
    path = request.param
    routes = router_resources()
    if path not in routes:
        pytest.fail(f"{path} is not a router-registered resource")
    checks = ApiContract(CONTRACT[path], routes[path], api, make_user)
    checks._users.update({role: copy.copy(user) for role, user in _role_users.items()})
    return checks


def _each(test):
    return pytest.mark.parametrize("contract", PATHS, indirect=True)(test)


@_each
def test_the_entry_claims_what_the_api_serves(contract):
    contract.check_entry()


@_each
def test_list_and_retrieve(contract):
    contract.check_list_and_retrieve()


@_each
def test_create_and_update(contract):
    if contract.resource.create is None and contract.resource.update is None:
        pytest.skip("read-only")
    contract.check_create_and_update()


@_each
def test_without_credentials_every_operation_is_401(contract):
    contract.check_anonymous()


@_each
def test_each_role_gets_what_it_may(contract):
    contract.check_roles()


@_each
def test_a_list_costs_the_same_queries_for_one_row_and_many(contract):
    contract.check_query_budget()
