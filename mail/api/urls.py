from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("mailboxes", views.MailboxViewSet, basename="mailbox")

urlpatterns = router.urls
