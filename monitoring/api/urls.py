from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("alert-sources", views.AlertSourceViewSet, basename="alertsource")
router.register("alerts", views.AlertViewSet, basename="alert")

urlpatterns = router.urls
