from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("changes", views.ChangeViewSet, basename="change")
router.register("change-models", views.ChangeModelViewSet, basename="change-model")
router.register("cab-boards", views.CABBoardViewSet, basename="cab-board")
router.register("blackout-windows", views.BlackoutWindowViewSet, basename="blackout-window")
router.register("cab-meetings", views.CABMeetingViewSet, basename="cab-meeting")
router.register("releases", views.ReleaseViewSet, basename="release")
router.register("change-proposals", views.ChangeProposalViewSet, basename="change-proposal")

urlpatterns = [path("change-schedule/", views.ChangeScheduleView.as_view(), name="change-schedule"),
               path("change-policy/", views.ChangePolicyView.as_view(), name="change-policy"),
               *router.urls]
