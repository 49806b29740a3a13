"""The SLA compliance report: the page (table + chart), its XLSX and the chart's JSON.

All three read the same ``layanan.sla.queries.sla_report`` for the month chosen with ``?bulan=YYYY-MM``
(default: the current month); a malformed month is explained next to the field and the
current month is shown instead.
"""

from __future__ import annotations

from accounts.roles import Capability
from core.monthly import MonthlyReport
from layanan.sla.queries import sla_chart_data, sla_report, sla_xlsx

sla_report_view, sla_export, sla_chart_data_view = MonthlyReport(
    capability=Capability.VIEW_SLA_REPORT,
    build=lambda request, month: sla_report(month),
    template="layanan/sla_report.html",
    xlsx=sla_xlsx,
    chart=sla_chart_data,
    filename="laporan-sla",
).views()
