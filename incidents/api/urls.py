from django.urls import path
from rest_framework.routers import DefaultRouter

from . import attachments, major, views

router = DefaultRouter(trailing_slash=True)
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("priority-matrix", views.PriorityMatrixViewSet, basename="priority-matrix")
router.register("major-incidents", major.MajorIncidentViewSet, basename="major-incident")
router.register("spike-rules", major.SpikeRuleViewSet, basename="spike-rule")
router.register("spike-alerts", major.SpikeAlertViewSet, basename="spike-alert")

urlpatterns = [
    path("incidents/<int:pk>/attachments/<int:attachment_pk>/download/", attachments.AttachmentDownloadView.as_view(),
         name="incident-attachment-download"),
    *router.urls,
]
