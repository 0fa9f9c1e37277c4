"""The agent's request page (issue 21): the comment box above one timeline of history,
comments, SLA events and deliveries, filtered by ``?show=`` (an HTMX request gets the timeline
alone), in a number of queries that moves with neither; canned replies in the comment box."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import CannedReply
from catalog.tests.factories import TeamFactory
from servicerequests import services

from . import test_views
from .test_views import login, make_item, order

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]
org, _org = test_views.org, test_views._org  # _org: the people, built once for this module too
HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "timeline"}
ALL = "notes,messages,changes,sla,deliveries"


def talk(org, req, n=1):
    for i in range(n):
        services.request_comment(request=req, actor=org["rita"], body=f"Any news {i}?")
        services.request_comment(request=req, actor=org["tech"], body=f"Soon {i}")
    return req


def groups(response) -> set:
    return {e.group for e in response.context["timeline"].entries}


def test_comments_are_messages_and_the_default_hides_deliveries(client, org):
    req = talk(org, order(org, make_item(org)))
    login(client, org["tech"])
    url = reverse("requests:detail", args=[req.pk])
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and groups(response) == {"messages", "changes"}
    assert html.index('data-testid="comment-form"') < html.index('<div id="timeline"')
    assert 'data-shortcut="n"' in html and "Any news 0?" in html
    entries = response.context["timeline"].entries
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    counts = {c.key: c.count for c in response.context["timeline"].chips}
    assert counts["messages"] == 2 and counts["changes"] >= 1 and counts["deliveries"] >= 1
    assert groups(client.get(url, {"show": "deliveries"})) == {"deliveries"}
    assert groups(client.get(url, {"show": "nonsense"})) == {"messages", "changes"}
    partial = client.get(url, {"show": "messages"}, **HX)
    assert partial.content.decode().lstrip().startswith('<div id="timeline"')
    assert "comment-form" not in partial.content.decode()


def test_the_queries_do_not_move_with_the_filter_or_the_lines(client, org):
    req = talk(org, order(org, make_item(org)))
    login(client, org["tech"])
    url = reverse("requests:detail", args=[req.pk])

    def count(show, **extra):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"show": show}, **extra).status_code == 200
        return len(ctx.captured_queries)

    few = [count(show) for show in ("", "sla", ALL, "x")] + [count(show, **HX) for show in ("", ALL)]
    talk(org, req, 5)
    many = [count(show) for show in ("", "sla", ALL, "x")] + [count(show, **HX) for show in ("", ALL)]
    assert few == many and len(set(few[:4])) == 1


def test_a_canned_reply_in_the_comment_box(client, org):
    req = order(org, make_item(org))
    CannedReply.objects.create(name="Ordered", team=org["it"],
                               body="Hello {{ contact.name }}, {{ ticket.number }} ({{ ticket.title }}) <i>is</i> "
                                    "ordered. {% csrf_token %}")
    theirs = CannedReply.objects.create(name="Deploy", team=TeamFactory(name="Elsewhere"), body="x")
    login(client, org["tech"])
    html = client.get(reverse("requests:detail", args=[req.pk])).content.decode()
    assert ">Ordered</option>" in html and ">Deploy</option>" not in html
    url = reverse("requests:canned-reply", args=[req.pk])
    reply = CannedReply.objects.get(name="Ordered")
    answer = client.post(url, {"reply": reply.pk, "comment-body": "Hi"}).content.decode()
    assert (f"Hi\n\nHello Rita Requester, {req.number} (Laptop) &lt;i&gt;is&lt;/i&gt; ordered. "
            "{% csrf_token %}</textarea>") in answer
    assert client.post(url, {"reply": theirs.pk}).status_code == 404
    login(client, org["rita"])
    assert client.post(url, {"reply": reply.pk}).status_code in (302, 403, 404)
