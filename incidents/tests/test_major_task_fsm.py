"""A major incident's task is a state machine: open → in progress → done, or cancelled while
still to do. The page and the API move it through the same services; a move its transitions
do not allow is a 409."""

import pytest
from django.urls import reverse
from django_fsm import TransitionNotAllowed

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents import services
from incidents.choices import TaskStatus, TimelineKind
from incidents.models import MajorIncidentTask

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(make_user):
    boss = make_user(Role.MANAGER, username="mia-manager")
    tech = make_user(Role.AGENT, username="tom-tech")
    service = ServiceFactory(name="Card payments", owner_team=TeamFactory(manager=boss))
    incident = services.incident_create(title="Card payments fail", actor=boss, service=service)
    major = services.major_incident_declare(incident=incident, actor=boss, summary="Payments down")
    services.major_incident_add_member(major=major, actor=boss, user=tech)
    task = services.major_incident_add_task(major=major, actor=boss, title="Call the acquirer")
    return {"boss": boss, "tech": tech, "major": major, "task": task}


class TestTaskTransitions:
    def test_the_status_is_protected(self, board):
        with pytest.raises(AttributeError):
            board["task"].status = TaskStatus.DONE

    def test_start_then_complete_with_history_and_timeline(self, board):
        # given an open task; when the technician starts it
        task = services.major_incident_task_start(task=board["task"], actor=board["tech"],
                                                  expected_status=TaskStatus.OPEN)
        # then it is theirs and in progress
        assert task.status == TaskStatus.IN_PROGRESS and task.assignee == board["tech"]
        # when they complete it, then it is done with the time it was
        task = services.major_incident_task_complete(task=task, actor=board["tech"])
        assert task.status == TaskStatus.DONE and task.completed_at is not None
        assert [row.status for row in task.history.order_by("history_date", "history_id")] == [
            TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DONE]
        assert board["major"].timeline.filter(kind=TimelineKind.TASK).count() == 3  # added, started, done

    def test_a_move_the_transitions_do_not_allow_is_refused(self, board):
        task = services.major_incident_task_cancel(task=board["task"], actor=board["boss"])
        assert task.status == TaskStatus.CANCELLED
        with pytest.raises(InvalidTransitionError):
            services.major_incident_task_complete(task=task, actor=board["boss"])
        with pytest.raises(InvalidTransitionError):
            services.major_incident_task_start(task=task, actor=board["boss"])
        with pytest.raises(TransitionNotAllowed):
            task.start()
        assert MajorIncidentTask.objects.get(pk=task.pk).status == TaskStatus.CANCELLED

    def test_the_same_move_twice_changes_nothing(self, board):
        done = services.major_incident_task_complete(task=board["task"], actor=board["boss"])
        rows = done.history.count()
        again = services.major_incident_task_complete(task=done, actor=board["boss"])
        assert again.completed_at == done.completed_at and done.history.count() == rows


class TestTaskApiAndPage:
    def test_the_api_answers_an_invalid_transition_with_409(self, board, api):
        base = f"/api/v1/major-incidents/{board['major'].pk}/tasks/{board['task'].pk}/"
        client = api.as_user(board["boss"])
        assert client.patch(base, {"status": "done"}, format="json").json()["status"] == "done"
        back = client.patch(base, {"status": "in_progress"}, format="json")
        assert back.status_code == 409 and back.json()["status"] == "done"
        reopened = client.patch(base, {"status": "open"}, format="json")
        assert reopened.status_code == 409
        assert MajorIncidentTask.objects.get(pk=board["task"].pk).status == TaskStatus.DONE

    def test_the_page_refuses_an_invalid_transition_with_409(self, board, client):
        services.major_incident_task_cancel(task=board["task"], actor=board["boss"])
        client.force_login(board["boss"])
        response = client.post(reverse("major:task", args=[board["major"].pk, board["task"].pk, "done"]),
                               {"expected_status": "cancelled"})
        assert response.status_code == 409
        assert MajorIncidentTask.objects.get(pk=board["task"].pk).status == TaskStatus.CANCELLED
