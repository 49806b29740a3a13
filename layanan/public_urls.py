"""URLs of layanan (see layanan/urls.py)."""

urlpatterns = []
