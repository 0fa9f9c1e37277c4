from django.urls import path
from rest_framework.routers import DefaultRouter

from . import dial_lists, quality, views

router = DefaultRouter(trailing_slash=True)
router.register("lines", views.LineViewSet, basename="line")
router.register("queues", views.QueueViewSet, basename="queue")
router.register("announcements", views.AnnouncementViewSet, basename="announcement")
router.register("calls", views.CallViewSet, basename="call")
router.register("callbacks", views.CallbackViewSet, basename="callback")
# CC-A (issue 22.3): quality reviews
router.register("evaluations", quality.EvaluationViewSet, basename="evaluation")
router.register("evaluation-forms", quality.EvaluationFormViewSet, basename="evaluation-form")
# CC-B leftovers (issue 22.2): the auto-dial lists (preview mode)
router.register("dial-lists", dial_lists.DialListViewSet, basename="dial-list")

urlpatterns = [path("agents/me/state/", views.AgentStateView.as_view(), name="agent-state"),
               *router.urls]
