from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("catalog-items", views.CatalogItemViewSet, basename="catalog-item")
router.register("requests", views.ServiceRequestViewSet, basename="request")
router.register("request-tasks", views.FulfilmentTaskViewSet, basename="request-task")

urlpatterns = router.urls
