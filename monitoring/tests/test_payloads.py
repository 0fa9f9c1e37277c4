"""Reading the three body shapes, Alertmanager's fingerprint, and the refusals."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitoring.payloads import MAX_LABELS, PayloadError, PayloadTooLarge, fingerprint, parse

from .payloads import load


# prometheus/common model/signature_test.go: the values Alertmanager's own code computes.
@pytest.mark.parametrize("labels, expected", [
    ({}, 14695981039346656037),
    ({"name": "garland, briggs", "fear": "love is not enough"}, 5799056148416392346),
    ({"first-label": "first-label-value"}, 5146282821936882169),
    ({"first-label": "first-label-value", "second-label": "second-label-value"}, 3195800080984914717),
    ({"first-label": "first-label-value", "second-label": "second-label-value",
      "third-label": "third-label-value"}, 13843036195897128121),
])
def test_the_fingerprint_is_alertmanagers(labels, expected):
    assert fingerprint(labels) == f"{expected:016x}"


@given(st.dictionaries(st.text(min_size=1, max_size=8), st.text(max_size=8), max_size=6))
def test_the_fingerprint_does_not_depend_on_label_order(labels):
    reordered = dict(reversed(list(labels.items())))
    assert fingerprint(labels) == fingerprint(reordered)
    assert len(fingerprint(labels)) == 16


def test_alertmanagers_documented_body():
    [alert] = parse("alertmanager", load("alertmanager.json"))
    assert alert.fingerprint == "1a30ba71cca2921f"
    assert alert.status == "firing"
    assert alert.title == "BlackBox Probe Failure: https://server.example.org"
    assert alert.description.startswith("Instance https://server.example.org has been down")
    assert alert.severity == "critical"
    assert alert.labels["job"] == "http_checks"
    assert alert.starts_at.isoformat() == "2023-02-06T13:08:45.828000+00:00"
    assert alert.ends_at is None  # Go's zero time
    assert alert.generator_url.startswith("http://prometheus.example.org:9090/graph")


def test_grafanas_documented_body_keeps_the_value_string():
    first, second = parse("grafana", load("grafana.json"))
    assert (first.fingerprint, second.fingerprint) == ("c6eadffa33fcdf37", "bc97ff14869b13e3")
    assert first.title == "This alert was triggered for zone us-1"
    assert first.annotations["valueString"].startswith("[ metric=''")
    assert first.starts_at.utcoffset().total_seconds() == 7200


def test_the_generic_shape_and_a_missing_fingerprint():
    body = {"alerts": [{"title": "Disk full", "severity": "warning", "labels": {"host": "db1", "alertname": "Disk"},
                        "starts_at": "2030-01-31T09:30:00Z"},
                       {"title": "No labels at all", "status": "resolved", "ends_at": "2030-01-31T10:00:00+01:00"}]}
    disk, bare = parse("generic", body)
    assert disk.fingerprint == fingerprint({"host": "db1", "alertname": "Disk"})
    assert disk.status == "firing" and disk.severity == "warning" and disk.title == "Disk full"
    assert bare.fingerprint == fingerprint({"alertname": "No labels at all"}) and bare.status == "resolved"
    assert bare.ends_at.isoformat() == "2030-01-31T10:00:00+01:00"


def test_an_alertmanager_alert_without_a_fingerprint_gets_alertmanagers():
    labels = {"alertname": "ProbeFailure", "job": "http_checks"}
    [alert] = parse("alertmanager", {"version": "4", "status": "firing", "alerts": [{"labels": labels}]})
    assert alert.fingerprint == fingerprint(labels)
    assert alert.status == "firing"  # from the group's status


@pytest.mark.parametrize("body, where", [
    ([], "detail"),
    ("alerts", "detail"),
    ({}, "alerts"),
    ({"alerts": {"0": {}}}, "alerts"),
    ({"alerts": "many"}, "alerts"),
    ({"alerts": [1]}, "alerts[0]"),
    ({"alerts": [{"labels": {"a": "b"}, "status": "burning"}]}, "alerts[0].status"),
    ({"alerts": [{"labels": ["a", "b"]}]}, "alerts[0].labels"),
    ({"alerts": [{"labels": {"a": {"nested": 1}}}]}, "alerts[0].labels.a"),
    ({"alerts": [{"labels": {f"l{i}": "v" for i in range(MAX_LABELS + 1)}}]}, "alerts[0].labels"),
    ({"alerts": [{"labels": {"a": "x" * 5000}}]}, "alerts[0].labels.a"),
    ({"alerts": [{"labels": {"a": "nul\x00"}}]}, "alerts[0].labels.a"),
    ({"alerts": [{"labels": {"a": "b"}, "starts_at": "yesterday"}]}, "alerts[0].starts_at"),
    ({"alerts": [{"labels": {"a": "b"}, "fingerprint": 42}]}, "alerts[0].fingerprint"),
    ({"alerts": [{"labels": {"a": "b"}, "fingerprint": "f" * 200}]}, "alerts[0].fingerprint"),
    ({"alerts": [{}]}, "alerts[0]"),
])
def test_bodies_that_are_not_the_shape_say_where(body, where):
    with pytest.raises(PayloadError) as caught:
        parse("generic", body)
    assert where in caught.value.errors, caught.value.errors


def test_only_version_4_of_alertmanagers_body():
    with pytest.raises(PayloadError) as caught:
        parse("alertmanager", {"version": "3", "alerts": []})
    assert "version" in caught.value.errors


def test_too_many_alerts_in_one_post(settings):
    settings.MONITORING_MAX_ALERTS = 3
    parse("generic", {"alerts": [{"title": f"t{i}"} for i in range(3)]})
    with pytest.raises(PayloadTooLarge):
        parse("generic", {"alerts": [{"title": f"t{i}"} for i in range(4)]})


def test_links_that_are_not_http_are_dropped_not_refused():
    [alert] = parse("generic", {"alerts": [{"title": "x", "generator_url": "javascript:alert(1)"}]})
    assert alert.generator_url == ""
