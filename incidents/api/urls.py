from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("incidents", views.IncidentViewSet, basename="incident")

urlpatterns = router.urls
