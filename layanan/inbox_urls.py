"""URLs of layanan (see layanan/urls.py): the officials' inboxes under /layanan/kotak-masuk/,
and the resubmission of a returned request."""

from django.urls import path

from layanan import views_inbox

urlpatterns = [
    path("", views_inbox.inbox, name="inbox"),
    path("massal/", views_inbox.inbox_bulk, name="inbox_bulk"),
    path("<str:number>/tindak/", views_inbox.inbox_act, name="inbox_act"),
    # The applicant's half of the loop: a returned request goes back to the officials.
    path("<str:number>/ajukan-ulang/", views_inbox.resubmit, name="resubmit"),
]
