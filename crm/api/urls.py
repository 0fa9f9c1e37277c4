from django.urls import path
from rest_framework.routers import DefaultRouter

from .opportunity.views import OpportunityViewSet
from .timeline.views import ContactTimelineView, CustomerTimelineView

router = DefaultRouter(trailing_slash=True)
router.register("opportunities", OpportunityViewSet, basename="opportunity")

urlpatterns = router.urls
urlpatterns += [
    path("customers/<int:pk>/timeline/", CustomerTimelineView.as_view(), name="customer-timeline"),
    path("contacts/<int:pk>/timeline/", ContactTimelineView.as_view(), name="contact-timeline"),
]

# --- complaints and surveys (crm-complaints) ---
from rest_framework.routers import SimpleRouter  # noqa: E402

from .complaint.views import ComplaintViewSet  # noqa: E402
from .survey.views import SurveyViewSet  # noqa: E402

complaints_router = SimpleRouter(trailing_slash=True)
complaints_router.register("complaints", ComplaintViewSet, basename="complaint")
complaints_router.register("surveys", SurveyViewSet, basename="survey")
urlpatterns += complaints_router.urls
