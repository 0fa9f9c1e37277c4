from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("changes", views.ChangeViewSet, basename="change")
router.register("change-models", views.ChangeModelViewSet, basename="change-model")
router.register("cab-boards", views.CABBoardViewSet, basename="cab-board")
router.register("blackout-windows", views.BlackoutWindowViewSet, basename="blackout-window")
router.register("cab-meetings", views.CABMeetingViewSet, basename="cab-meeting")

urlpatterns = [path("change-schedule/", views.ChangeScheduleView.as_view(), name="change-schedule"),
               *router.urls]
