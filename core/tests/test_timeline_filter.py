"""The ticket timeline's filter (core.pages.history.filter_timeline): which kinds a page shows
by default and for ``?show=``, the counts on the chips, and the chips' addresses."""

from datetime import UTC, datetime, timedelta

import pytest
from django.http import QueryDict
from django.test import RequestFactory

from core.pages.history import DEFAULT_SHOWN, TIMELINE_KINDS, Entry, filter_timeline, shown_kinds

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def entries():
    """One line of each kind a ticket page builds (two SLA ticks)."""
    kinds = [("change", False), ("note", True), ("note", False), ("sla", False), ("sla", False),
             ("delivery", False), ("attachment", False), ("approval", False), ("task", False)]
    return [Entry(at=T0 + timedelta(minutes=i), kind=kind, internal=internal, title=f"{kind} {i}")
            for i, (kind, internal) in enumerate(kinds)]


def groups(result):
    return [e.group for e in result.entries]


def test_the_default_shows_notes_messages_and_changes_not_sla_ticks_or_deliveries():
    result = filter_timeline(entries(), raw=None, path="/incidents/1/")
    assert result.shown == DEFAULT_SHOWN and result.is_default
    assert set(groups(result)) == {"notes", "messages", "changes"}
    assert [e.kind for e in result.entries] == ["change", "note", "note", "attachment", "approval", "task"]
    assert {c.key: c.count for c in result.chips} == {"notes": 1, "messages": 1, "changes": 4, "sla": 2,
                                                       "deliveries": 1}
    assert result.total == 9


@pytest.mark.parametrize("kind", list(TIMELINE_KINDS))
def test_each_kind_alone_shows_only_that_kind(kind):
    result = filter_timeline(entries(), raw=kind, path="/p/")
    assert result.entries and set(groups(result)) == {kind}
    assert [c.key for c in result.chips if c.active] == [kind]
    # the counts never depend on what is shown
    assert sum(c.count for c in result.chips) == 9


@pytest.mark.parametrize("kind", list(TIMELINE_KINDS))
def test_each_kind_can_be_left_out(kind):
    others = [k for k in TIMELINE_KINDS if k != kind]
    result = filter_timeline(entries(), raw=",".join(others), path="/p/")
    assert kind not in groups(result) and set(groups(result)) == set(others)


@pytest.mark.parametrize("raw", ["", "bogus", ",,,", "<script>", "notes;drop", "NOTES", "sla,,nope", "x" * 5000])
def test_an_unknown_value_is_ignored(raw):
    result = filter_timeline(entries(), raw=raw, path="/p/")
    expected = ("sla",) if raw == "sla,,nope" else DEFAULT_SHOWN
    assert result.shown == expected


def test_shown_kinds_keeps_the_chips_order_and_drops_repeats():
    assert shown_kinds("deliveries,notes,notes") == ("notes", "deliveries")


def test_the_chips_toggle_their_kind_and_keep_the_other_parameters():
    request = RequestFactory().get("/incidents/7/", {"show": "notes,sla", "tab": "x"})
    result = filter_timeline(entries(), request)
    chips = {c.key: c for c in result.chips}
    assert chips["notes"].active and chips["sla"].active and not chips["changes"].active
    assert chips["changes"].url == "/incidents/7/?tab=x&show=notes,changes,sla"
    assert chips["sla"].url == "/incidents/7/?tab=x&show=notes"
    assert result.default_url == "/incidents/7/?tab=x"
    assert result.all_url == "/incidents/7/?tab=x&show=notes,messages,changes,sla,deliveries"


def test_the_last_chip_turned_off_goes_back_to_the_default():
    result = filter_timeline(entries(), raw="sla", path="/p/")
    assert {c.key: c.url for c in result.chips}["sla"] == "/p/?show=notes,messages,changes"


def test_repeated_parameters_are_read_too():
    request = RequestFactory().get("/p/", QueryDict("show=sla&show=deliveries"))
    assert filter_timeline(entries(), request).shown == ("sla", "deliveries")
