"""Release and deployment: a release groups authorised changes into one window with a plan
and an owner; the deployment authorisation (of the change, or of its release) is the gate
before ``implement`` for changes that need it by their change model or their category."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from changes import services
from changes.models import Change, ChangeModel, ChangePolicy, Release
from core.errors import InvalidTransitionError
from core.roles import Role

pytestmark = pytest.mark.django_db

PAST = timezone.now() - timedelta(minutes=30)


@pytest.fixture
def org(make_user):
    return {"cm": make_user(Role.CHANGE_MANAGER, username="cm"), "dev": make_user(Role.AGENT, username="dev"),
            "other": make_user(Role.AGENT, username="other"), "service": ServiceFactory(name="Payments")}


def authorised(org, *, risk=1, impact=3, start=PAST, model=None, schedule=True, **extra) -> Change:
    """An authorised (and scheduled) normal change; minor by default."""
    fields = {"description": "d", "implementation_plan": "i", "backout_plan": "b", "test_plan": "t",
              "planned_start": start, "planned_end": start + timedelta(hours=2), "risk": risk, "impact": impact}
    fields.update(extra)
    change = services.change_create(actor=org["dev"], title="Deploy payments 2.1", services=[org["service"]],
                                    model=model, **fields)
    change = services.change_submit(change=change, actor=org["dev"])
    if change.status == "submitted":
        services.change_assess(change=change, actor=org["cm"])
        services.change_authorize(change=change, actor=org["cm"])
    if schedule:
        services.change_schedule(change=change, actor=org["dev"])
    return Change.objects.get(pk=change.pk)


class TestDeploymentGate:
    def test_a_minor_change_needs_no_deployment_authorisation(self, org):
        change = authorised(org)
        assert not change.needs_deployment_authorization()
        assert services.change_implement(change=change, actor=org["dev"]).status == "implementing"

    def test_the_policy_category_gates_implement_until_authorised(self, org):
        ChangePolicy.objects.create(deployment_categories=["minor"])
        change = authorised(org)
        with pytest.raises(InvalidTransitionError, match="deployment of .* is not authorised"):
            services.change_implement(change=change, actor=org["dev"])
        with pytest.raises(PermissionDenied):
            services.change_authorize_deployment(change=change, actor=org["dev"])
        change = services.change_authorize_deployment(change=change, actor=org["cm"])
        assert change.status == "scheduled" and change.deployment_authorized_by == org["cm"]
        assert change.history.first().history_change_reason.startswith("deployment authorised")
        with pytest.raises(InvalidTransitionError, match="authorised already"):
            services.change_authorize_deployment(change=change, actor=org["cm"])
        assert services.change_implement(change=change, actor=org["dev"]).status == "implementing"

    def test_a_change_model_asks_for_it(self, org):
        model = ChangeModel.objects.create(name="Deploy the payments app", needs_deployment_authorization=True,
                                           implementation_plan="i", backout_plan="b", test_plan="t")
        change = services.change_create(actor=org["dev"], model=model, planned_start=PAST,
                                        planned_end=PAST + timedelta(hours=1))
        services.change_submit(change=change, actor=org["dev"])
        services.change_schedule(change=change, actor=org["dev"])
        with pytest.raises(InvalidTransitionError):
            services.change_implement(change=change, actor=org["dev"])

    def test_minor_change_not_gated_cannot_be_deployment_authorised(self, org):
        with pytest.raises(InvalidTransitionError, match="needs no deployment"):
            services.change_authorize_deployment(change=authorised(org), actor=org["cm"])

    def test_api_refuses_implement_with_409_and_offers_the_action(self, org, api):
        ChangePolicy.objects.create(deployment_categories=["minor"])
        change = authorised(org)
        def dev():
            return api.as_user(org["dev"])

        def cm():
            return api.as_user(org["cm"])

        refused = dev().post(f"/api/v1/changes/{change.pk}/implement/")
        assert refused.status_code == 409 and refused.json()["code"] == "invalid_transition"
        assert "deployment" in refused.json()["detail"]
        assert "authorize-deployment" in cm().get(f"/api/v1/changes/{change.pk}/").json()["actions"]
        assert dev().post(f"/api/v1/changes/{change.pk}/authorize-deployment/").status_code == 403
        assert cm().post(f"/api/v1/changes/{change.pk}/authorize-deployment/").status_code == 200
        assert dev().post(f"/api/v1/changes/{change.pk}/implement/").json()["status"] == "implementing"


class TestRelease:
    def window(self, release_start=None):
        start = release_start or PAST - timedelta(hours=1)
        return {"window_start": start, "window_end": start + timedelta(hours=6)}

    def test_lifecycle_authorises_each_change_then_deploys(self, org):
        ChangePolicy.objects.create(deployment_categories=["minor"])
        a, b = authorised(org), authorised(org, schedule=False)
        release = services.release_create(actor=org["cm"], name="Payments 2.1", owner=org["dev"], **self.window())
        assert release.number == f"REL{release.pk:06d}" and release.status == "planning"
        with pytest.raises(InvalidTransitionError, match="window, a plan"):
            services.release_authorize(release=release, actor=org["cm"])
        services.release_add_changes(release=release, actor=org["dev"], changes=[a, b])
        services.release_update(release=release, actor=org["dev"], plan="1. a 2. b")
        with pytest.raises(PermissionDenied):
            services.release_authorize(release=release, actor=org["dev"])
        release = services.release_authorize(release=release, actor=org["cm"])
        assert release.status == "authorized"
        for change in (a, b):
            change.refresh_from_db()
            assert change.deployment_authorized_at == release.authorized_at
            assert change.history.first().history_change_reason == f"deployment authorised with {release.number}"
        with pytest.raises(InvalidTransitionError, match="still to be implemented"):
            services.release_complete(release=release, actor=org["dev"])
        services.change_implement(change=a, actor=org["dev"])
        services.change_complete(change=a, actor=org["dev"], outcome="successful")
        services.change_cancel(change=b, actor=org["dev"])
        release = services.release_complete(release=release, actor=org["dev"])
        assert release.status == "deployed" and release.deployed_at
        assert [h.history_change_reason for h in release.history.order_by("history_date")][-1] == "deployed"
        with pytest.raises(InvalidTransitionError):
            services.release_cancel(release=release, actor=org["cm"])

    def test_guards_on_the_changes_it_takes(self, org):
        release = services.release_create(actor=org["cm"], name="R", **self.window())
        draft = services.change_create(actor=org["dev"], title="Not approved")
        with pytest.raises(ValidationError) as exc:
            services.release_add_changes(release=release, actor=org["cm"], changes=[draft])
        assert "changes" in exc.value.message_dict
        outside = authorised(org, start=PAST + timedelta(days=2))
        with pytest.raises(ValidationError, match="outside the release's window"):
            services.release_add_changes(release=release, actor=org["cm"], changes=[outside])
        inside = authorised(org)
        services.release_add_changes(release=release, actor=org["cm"], changes=[inside])
        other = services.release_create(actor=org["cm"], name="Other", **self.window())
        with pytest.raises(ValidationError, match="another release"):
            services.release_add_changes(release=other, actor=org["cm"], changes=[inside])
        with pytest.raises(PermissionDenied):
            services.release_add_changes(release=other, actor=org["other"], changes=[inside])
        services.release_remove_change(release=release, actor=org["cm"], change=inside)
        assert Change.objects.get(pk=inside.pk).release is None

    def test_cancel_takes_back_the_deployment_authorisation(self, org):
        ChangePolicy.objects.create(deployment_categories=["minor"])
        change = authorised(org)
        release = services.release_create(actor=org["cm"], name="R", plan="p", **self.window())
        services.release_add_changes(release=release, actor=org["cm"], changes=[change])
        services.release_authorize(release=release, actor=org["cm"])
        services.release_cancel(release=release, actor=org["cm"], reason="Vendor bug")
        change.refresh_from_db()
        assert change.release is None and change.deployment_authorized_at is None
        with pytest.raises(InvalidTransitionError):
            services.change_implement(change=change, actor=org["dev"])

    def test_api(self, org, api, make_user):
        as_ = api.as_user
        change = authorised(org)
        start = PAST - timedelta(hours=1)
        assert as_(org["dev"]).post("/api/v1/releases/", {"name": "x"}, format="json").status_code == 403
        created = as_(org["cm"]).post("/api/v1/releases/", {"name": "Payments 2.1", "plan": "p",
                                                "window_start": start.isoformat(),
                                                "window_end": (start + timedelta(hours=6)).isoformat()},
                          format="json")
        assert created.status_code == 201, created.content
        pk = created.json()["id"]
        bad = as_(org["cm"]).post(f"/api/v1/releases/{pk}/add-changes/", {"changes": [999999]}, format="json")
        assert bad.status_code == 400 and "changes" in bad.json()
        assert as_(org["cm"]).post(f"/api/v1/releases/{pk}/authorize/").status_code == 409
        added = as_(org["cm"]).post(f"/api/v1/releases/{pk}/add-changes/", {"changes": [change.pk]}, format="json")
        assert added.status_code == 200 and added.json()["changes"] == [change.pk]
        body = as_(org["cm"]).post(f"/api/v1/releases/{pk}/authorize/").json()
        assert body["status"] == "authorized" and body["authorized_by"] == org["cm"].pk
        assert as_(org["cm"]).patch(f"/api/v1/releases/{pk}/", {"name": "late"}, format="json").status_code == 409
        assert api.as_user(make_user(Role.REQUESTER)).get(f"/api/v1/releases/{pk}/").status_code == 403
        assert as_(org["cm"]).get("/api/v1/releases/999999/").status_code == 404
        schema = as_(org["cm"]).get("/api/schema/")
        assert schema.status_code == 200 and b"/api/v1/releases/{id}/add-changes/" in schema.content


class TestPages:
    def test_release_page_and_actions(self, org, client):
        change = authorised(org)
        client.force_login(org["cm"])
        response = client.post("/changes/releases/new/", {"name": "Payments 2.1", "owner": org["dev"].pk,
                                                          "plan": "Deploy a then b"})
        release = Release.objects.get(name="Payments 2.1")
        assert response.status_code == 302 and response["Location"] == f"/changes/releases/{release.pk}/"
        Release.objects.filter(pk=release.pk).update(window_start=PAST - timedelta(hours=1),
                                                     window_end=PAST + timedelta(hours=5))
        added = client.post(f"/changes/releases/{release.pk}/add-changes/", {"add-changes-numbers": change.number})
        assert added.status_code == 302
        page = client.get(f"/changes/releases/{release.pk}/").content.decode()
        assert change.number in page and 'data-testid="actions"' in page
        refused = client.post(f"/changes/releases/{release.pk}/add-changes/", {"add-changes-numbers": "CHG999999"})
        assert refused.status_code == 400
        assert client.post(f"/changes/releases/{release.pk}/authorize/").status_code == 302
        assert Release.objects.get(pk=release.pk).status == "authorized"
        again = client.post(f"/changes/releases/{release.pk}/authorize/")
        assert again.status_code == 409
        assert client.get("/changes/releases/").status_code == 200
        assert client.get("/changes/releases/999999/").status_code == 404

    def test_requesters_are_refused(self, org, client, make_user):
        client.force_login(make_user(Role.REQUESTER))
        assert client.get("/changes/releases/").status_code == 403
