app_name = "statuspage"
urlpatterns: list = []
