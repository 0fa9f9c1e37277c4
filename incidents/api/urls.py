from django.urls import path
from rest_framework.routers import DefaultRouter

from . import attachments, views
from .major import views as major_views

router = DefaultRouter(trailing_slash=True)
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("priority-matrix", views.PriorityMatrixViewSet, basename="priority-matrix")
router.register("major-incidents", major_views.MajorIncidentViewSet, basename="major-incident")
router.register("spike-rules", major_views.SpikeRuleViewSet, basename="spike-rule")
router.register("spike-alerts", major_views.SpikeAlertViewSet, basename="spike-alert")

urlpatterns = [
    path("incidents/<int:pk>/attachments/<int:attachment_pk>/download/", attachments.AttachmentDownloadView.as_view(),
         name="incident-attachment-download"),
    *router.urls,
]
