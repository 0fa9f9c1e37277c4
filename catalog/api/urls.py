from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.register("users", views.UserViewSet, basename="user")
router.register("services", views.ServiceViewSet, basename="service")
router.register("cis", views.ConfigurationItemViewSet, basename="ci")
router.register("ci-relations", views.CIRelationViewSet, basename="ci-relation")
router.register("customers", views.CustomerViewSet, basename="customer")
router.register("contacts", views.ContactViewSet, basename="contact")
router.register("teams", views.TeamViewSet, basename="team")
router.register("skills", views.SkillViewSet, basename="skill")
router.register("canned-replies", views.CannedReplyViewSet, basename="canned-reply")

urlpatterns = router.urls
