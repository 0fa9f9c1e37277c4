from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("notifications", views.NotificationViewSet, basename="notification")
router.register("deliveries", views.DeliveryViewSet, basename="delivery")
router.register("message-templates", views.MessageTemplateViewSet, basename="message-template")
router.register("stakeholder-groups", views.StakeholderGroupViewSet, basename="stakeholder-group")

urlpatterns = router.urls
