from django.urls import path

from kpo.career import views as career
from kpo.kgb import views as kgb
from kpo.pension import views as pension
from kpo.periods import views as periods
from kpo.reconciliation import views as reconciliation

app_name = "kpo"

urlpatterns = [
    path("", periods.kp_list, name="kp_list"),
    path("ekspor/", periods.kp_export, name="kp_export"),
    path("hitung/", periods.kp_refresh, name="kp_refresh"),
    path("usulkan/", periods.kp_requests, name="kp_requests"),
    path("rekonsiliasi/", reconciliation.reconciliation, name="reconciliation"),
    path("rekonsiliasi/ingatkan/", reconciliation.reconciliation_remind, name="reconciliation_remind"),
    path("rekonsiliasi/pensiun/", reconciliation.pension_reconciliation, name="pension_reconciliation"),
    path(
        "rekonsiliasi/pensiun/ingatkan/",
        reconciliation.pension_reconciliation_remind,
        name="pension_reconciliation_remind",
    ),
    path("pensiun/", pension.ppo_list, name="ppo_list"),
    path("pensiun/ekspor/", pension.ppo_export, name="ppo_export"),
    path("pensiun/usulkan/", pension.ppo_requests, name="ppo_requests"),
    path("kgb/", kgb.kgb_list, name="kgb_list"),
    path("kgb/ekspor/", kgb.kgb_export, name="kgb_export"),
    path("kgb/sk/pegawai/<int:pk>/", kgb.sk_issue, name="sk_kgb_issue"),
    path("kgb/sk/terbitkan/", kgb.sk_issue_month, name="sk_kgb_issue_month"),
    path("kgb/sk/<int:pk>/unduh/", kgb.sk_download, name="sk_kgb_download"),
    path("kgb/sk/zip/", kgb.sk_zip, name="sk_kgb_zip"),
    path("kgb/verifikasi/<str:code>/", kgb.sk_verify, name="sk_kgb_verify"),
    path("karier/", career.career_mine, name="career_mine"),
    path("karier/<int:pk>/", career.career_of_view, name="career_of"),
]
