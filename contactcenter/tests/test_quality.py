"""Quality review (issue 22.3): weighted evaluation forms per queue, a supervisor's review of a
call giving a 0–100 score, per-agent and per-queue quality scores, who may review."""

import pytest
from django.urls import reverse

from contactcenter.models import Call, Evaluation, EvaluationForm, EvaluationQuestion, Queue
from contactcenter.quality import agent_quality_scores, evaluation_submit, form_for_call, queue_quality_scores
from core.errors import ConflictError
from core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return Queue.objects.create(name="cards")


@pytest.fixture
def form(queue):
    form = EvaluationForm.objects.create(name="Cards calls", queue=queue)
    EvaluationQuestion.objects.create(form=form, text="Greeted and verified the caller", weight=1, position=1)
    EvaluationQuestion.objects.create(form=form, text="Solved the problem", weight=3, position=2)
    return form


def answers(form, *points):
    return dict(zip(form.questions.order_by("position").values_list("pk", flat=True), points, strict=True))


def test_the_weighted_score(form, queue, make_user):
    agent, boss = make_user(Role.AGENT), make_user(Role.MANAGER)
    call = Call.objects.create(call_sid="CA1", agent=agent, queue=queue)
    evaluation = evaluation_submit(call=call, form=form, evaluator=boss, answers=answers(form, 5, 3))
    # (1·5 + 3·3) / (5 · 4) = 70 %
    assert evaluation.score == 70.0 and evaluation.agent == agent and evaluation.queue == queue
    assert evaluation.answers.count() == 2 and evaluation.history.count() == 1
    with pytest.raises(ConflictError):
        evaluation_submit(call=call, form=form, evaluator=boss, answers=answers(form, 1, 1))


def test_every_question_must_be_answered_in_range(form, queue, make_user):
    call = Call.objects.create(call_sid="CA1", queue=queue)
    with pytest.raises(Exception) as refused:
        evaluation_submit(call=call, form=form, evaluator=make_user(Role.MANAGER), answers=answers(form, 6, 2))
    assert "0 to 5" in str(refused.value) and not Evaluation.objects.exists()


def test_the_queues_form_else_the_general_one(form, queue):
    general = EvaluationForm.objects.create(name="Any call")
    assert form_for_call(Call(queue=queue)) == form
    assert form_for_call(Call(queue=Queue.objects.create(name="other"))) == general


def test_scores_per_agent_and_queue(form, queue, make_user):
    ann, bob = make_user(Role.AGENT), make_user(Role.AGENT)
    boss, other_boss = make_user(Role.MANAGER), make_user(Role.ADMIN)
    for sid, agent, evaluator, points in (("CA1", ann, boss, (5, 5)), ("CA2", ann, other_boss, (0, 5)),
                                          ("CA3", bob, boss, (0, 0))):
        call = Call.objects.create(call_sid=sid, agent=agent, queue=queue)
        evaluation_submit(call=call, form=form, evaluator=evaluator, answers=answers(form, *points))
    scores = {row["agent"]: row for row in agent_quality_scores()}
    assert scores[ann.pk]["evaluations"] == 2 and scores[ann.pk]["score"] == pytest.approx(87.5)
    assert scores[bob.pk]["score"] == 0
    assert queue_quality_scores() == [{"queue": queue.pk, "evaluations": 3, "score": pytest.approx(175 / 3)}]


class TestPages:
    def test_a_supervisor_reviews_a_call_from_its_page(self, client, form, queue, make_user):
        agent = make_user(Role.AGENT)
        call = Call.objects.create(call_sid="CA1", agent=agent, queue=queue)
        client.force_login(make_user(Role.MANAGER))
        page = client.get(reverse("contactcenter:evaluation-new", args=[call.pk]))
        assert page.status_code == 200 and "Solved the problem" in page.content.decode()
        ids = list(form.questions.order_by("position").values_list("pk", flat=True))
        bad = client.post(reverse("contactcenter:evaluation-new", args=[call.pk]), {f"q{ids[0]}": "5"})
        assert bad.status_code == 400 and not Evaluation.objects.exists()
        done = client.post(reverse("contactcenter:evaluation-new", args=[call.pk]),
                           {f"q{ids[0]}": "5", f"q{ids[1]}": "5", "comment": "Very good"})
        assert done.status_code == 302 and Evaluation.objects.get().score == 100
        page = client.get(reverse("contactcenter:call", args=[call.pk])).content.decode()
        assert "Very good" in page and "<strong>100</strong>" in page

    def test_an_agent_may_not_review(self, client, form, queue, make_user):
        call = Call.objects.create(call_sid="CA1", queue=queue)
        client.force_login(make_user(Role.AGENT))
        assert client.get(reverse("contactcenter:evaluation-new", args=[call.pk])).status_code == 404

    def test_the_api_shows_an_agent_only_their_own_reviews(self, api, form, queue, make_user):
        ann, bob, boss = make_user(Role.AGENT), make_user(Role.AGENT), make_user(Role.MANAGER)
        for sid, agent in (("CA1", ann), ("CA2", bob)):
            call = Call.objects.create(call_sid=sid, agent=agent, queue=queue)
            evaluation_submit(call=call, form=form, evaluator=boss, answers=answers(form, 4, 4))
        mine = api.as_user(ann).get("/api/v1/evaluations/").json()
        rows = mine["results"] if isinstance(mine, dict) else mine
        assert [row["agent"] for row in rows] == [ann.pk] and rows[0]["score"] == 80.0
        every = api.as_user(boss).get("/api/v1/evaluations/").json()
        assert len(every["results"] if isinstance(every, dict) else every) == 2
        forms = api.as_user(ann).get("/api/v1/evaluation-forms/").json()
        assert (forms["results"] if isinstance(forms, dict) else forms)[0]["questions"][1]["weight"] == 3


def test_the_call_log_links_each_call_to_its_page(client, queue, make_user):
    call = Call.objects.create(call_sid="CA1", queue=queue)
    client.force_login(make_user(Role.AGENT))
    page = client.get(reverse("contactcenter:calls")).content.decode()
    assert f'href="{reverse("contactcenter:call", args=[call.pk])}"' in page
    assert client.get(reverse("contactcenter:call", args=[call.pk])).status_code == 200
