from rest_framework.routers import SimpleRouter

from .views import ArticleViewSet

router = SimpleRouter(trailing_slash=True)
router.register("articles", ArticleViewSet, basename="article")

urlpatterns = router.urls
