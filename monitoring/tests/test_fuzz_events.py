"""The events endpoint fuzzed *with* the source's token (the project-wide schema fuzz,
tests/test_api_fuzz.py, posts with a user's token and so only ever meets the 401): arbitrary
JSON, and alert lists with arbitrary values in every field, for each kind of source. The answer
is always 202, 400 or 413 — never a 500 — and a refused post stores nothing."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.tests.factories import ServiceFactory
from monitoring.models import Alert

from .factories import TOKEN, AlertSourceFactory

# One request per drawn case: faster than the per-user rate limit on a fast machine.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unthrottled")]

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)
# Lone surrogates ("\ud800" in JSON) and NUL are valid JSON but not storable text.
ODD_TEXT = st.text(alphabet=st.characters(categories=["Cs", "Cc", "Ll"]), max_size=6)
ANY = st.one_of(JSON, st.text(max_size=30), ODD_TEXT, st.sampled_from(["firing", "resolved", "2030-01-01T00:00:00Z",
                                                             "0001-01-01T00:00:00Z", "", "\x00", "x" * 300]))
ALERT = st.fixed_dictionaries({}, optional={
    key: ANY for key in ["status", "fingerprint", "title", "description", "severity", "startsAt", "endsAt",
                         "starts_at", "ends_at", "generatorURL", "generator_url", "valueString"]
} | {"labels": st.one_of(st.dictionaries(st.one_of(st.text(max_size=10), ODD_TEXT),
                                         st.one_of(st.text(max_size=10), ANY), max_size=5), ANY),
     "annotations": st.one_of(st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=3), ANY)})
BODY = st.one_of(
    JSON,
    st.fixed_dictionaries({"alerts": st.lists(ALERT, max_size=4)},
                          optional={"version": ANY, "status": ANY, "groupKey": ANY}),
    st.fixed_dictionaries({"alerts": ANY}),
)


@pytest.mark.parametrize("kind", ["alertmanager", "grafana", "generic"])
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(body=BODY)
def test_any_body_is_answered_202_400_or_413_and_a_refusal_stores_nothing(api, kind, body):
    source = AlertSourceFactory(kind=kind, default_service=ServiceFactory())
    before = Alert.objects.count()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    response = api.generic("POST", f"/api/v1/alert-sources/{source.pk}/events/", json.dumps(body),
                           content_type="application/json")
    assert response.status_code in (202, 400, 413), (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    if response.status_code != 202:
        assert Alert.objects.count() == before
    else:
        assert set(response.json()) == {"accepted", "incidents", "suppressed"}
