"""Issue 24.14 (W1): the keypad survey asks "Was your issue solved on this call?" after the
rating; 1 stores yes, 2 no, anything else nothing; a replay keeps the first answer."""

import pytest

from catalog.models import ContactPhone
from catalog.tests.factories import ContactFactory
from contactcenter.models import Call

from .signed import incoming, post

pytestmark = pytest.mark.django_db


def test_the_survey_asks_whether_the_issue_was_solved(client, line):
    ContactPhone.objects.create(contact=ContactFactory(), number="+306900000001")
    for sid in ("CA1", "CA2", "CA3"):
        post(client, "voice", incoming(sid))
    body = post(client, "gather", {"CallSid": "CA1", "Digits": "4"}, query="step=csat").content.decode()
    assert "Was your issue solved on this call?" in body and "step=fcr" in body
    answered = post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=fcr&rated=1").content.decode()
    assert "Thank you for your feedback" in answered and "<Hangup" in answered
    post(client, "gather", {"CallSid": "CA1", "Digits": "2"}, query="step=fcr")  # a replay keeps the first
    post(client, "gather", {"CallSid": "CA2", "Digits": "2"}, query="step=fcr")
    post(client, "gather", {"CallSid": "CA3", "Digits": "7"}, query="step=fcr")  # not an answer
    solved = dict(Call.objects.filter(call_sid__in=["CA1", "CA2", "CA3"]).values_list("call_sid", "solved_on_call"))
    assert solved == {"CA1": True, "CA2": False, "CA3": None}
    assert Call.objects.get(call_sid="CA1").csat == 4
