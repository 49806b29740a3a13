app_name = "jafung"
urlpatterns = []
