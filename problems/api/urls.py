from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("problems", views.ProblemViewSet, basename="problem")
router.register("known-errors", views.KnownErrorViewSet, basename="known-error")
router.register("problem-candidates", views.ProblemCandidateViewSet, basename="problem-candidate")

urlpatterns = router.urls
