from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("priority-matrix", views.PriorityMatrixViewSet, basename="priority-matrix")

urlpatterns = router.urls
