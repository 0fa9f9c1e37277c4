from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("business-calendars", views.BusinessCalendarViewSet, basename="business-calendar")
router.register("sla-policies", views.SLAPolicyViewSet, basename="sla-policy")
router.register("sla-timers", views.SLATimerViewSet, basename="sla-timer")
router.register("sla/breached", views.BreachedTimersView, basename="sla-breached")
router.register("sla/at-risk", views.AtRiskTimersView, basename="sla-at-risk")
router.register("service-outages", views.ServiceOutageViewSet, basename="service-outage")

urlpatterns = [
    path("sla/compliance/", views.ComplianceView.as_view(), name="sla-compliance"),
    path("service-availability/", views.AvailabilityView.as_view(), name="service-availability"),
    *router.urls,
]
